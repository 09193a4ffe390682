using CertLint.Configuration;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Compose;

/// <summary>
/// docker-compose files: top-level `secrets:` / `configs:` with `file:`, and services' bind-mounted volumes
/// (`./certs/server.crt:/etc/nginx/server.crt:ro`, or the long form with type bind) and `secrets:` uses. Each file
/// source inside the repository becomes a reference (a certificate-like file that is missing is config-file-missing
/// at the compose line), and each mount target a mapping the linker uses first: nginx's
/// `ssl_certificate /etc/nginx/server.crt` then resolves to the repository file compose mounts there.
/// </summary>
public sealed partial class ComposeReader : IConfigReader
{
    /// <summary>Settings key prefix of a mount: "mount:/etc/nginx/server.crt" -> the source's full path.</summary>
    public const string MountPrefix = "mount:";

    private static readonly HashSet<string> CertificateExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".crt", ".cer", ".pem", ".der", ".key", ".p12", ".pfx", ".jks", ".p7b", ".p7c", ".keystore", ".truststore", ".ca-bundle",
    };

    public string Format => "compose";

    public bool Detect(string relativePath, string text) =>
        FileName().IsMatch(Path.GetFileName(relativePath)) || (Path.GetExtension(relativePath) is ".yml" or ".yaml" && Services().IsMatch(text));

    [GeneratedRegex(@"^(docker-)?compose[\w.-]*\.ya?ml$", RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^services:\s*$", RegexOptions.Multiline)]
    private static partial Regex Services();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not [var root, ..] || root.Get("services") is not YamlMappingNode services) return;
        var files = new Dictionary<string, (string Path, int Line)>(StringComparer.Ordinal);
        foreach (var section in new[] { "secrets", "configs" })
        {
            foreach (var (name, definition) in root.Get(section).Entries())
            {
                if (name.Text() is not { } n || definition.Get("file") is not YamlScalarNode { Value: { } file } node) continue;
                files[section + "/" + n] = (file, node.Line());
                Add(result, source, $"{section[..^1]} {n}", file, node.Line(), "file", target: null);
            }
        }
        foreach (var (nameNode, service) in services.Entries())
        {
            var name = nameNode.Text() ?? "";
            foreach (var volume in service.Get("volumes").Items())
            {
                var (from, to) = volume is YamlScalarNode { Value: { } short_ } ? Split(short_)
                    : volume.Text("type") is null or "bind" ? (volume.Text("source"), volume.Text("target")) : (null, null);
                if (from is null || to is null || !(from.StartsWith('.') || from.StartsWith('/'))) continue;
                Add(result, source, $"service {name} volume {to}", from, volume.Line(), "volumes", to);
            }
            foreach (var use in service.Get("secrets").Items())
            {
                var secret = use is YamlScalarNode s ? s.Value : use.Text("source");
                var target = use.Text("target") is { } t ? (t.StartsWith('/') ? t : "/run/secrets/" + t) : "/run/secrets/" + secret;
                if (secret is null || !files.TryGetValue("secrets/" + secret, out var file)) continue;
                Mount(result, source, $"service {name} secret {secret}", file.Path, use.Line(), target);
            }
        }
    }

    /// <summary>"./certs:/etc/nginx/certs:ro" -> (source, target); Windows drive letters are not sources in a repository.</summary>
    private static (string?, string?) Split(string spec)
    {
        var parts = spec.Split(':');
        return parts.Length >= 2 ? (parts[0], parts[1]) : (null, null);
    }

    private static void Add(ConfigReadResult result, ConfigSource source, string service, string path, int line, string key, string? target)
    {
        var full = Path.GetFullPath(path, source.Directory);
        if (!(full == source.Root || ConfigConfinement.IsInside(full, source.Root))) return; // a host path, not the repository's
        var isFolder = Directory.Exists(full);
        if (!isFolder && !CertificateExtensions.Contains(Path.GetExtension(full))) return; // nginx.conf, data: not ours

        var reference = new FileReference(path, source.At(line), key) { ResolvedFullPath = full };
        var isKey = !isFolder && (Path.GetExtension(full).Equals(".key", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(full).Contains("key", StringComparison.OrdinalIgnoreCase));
        result.Usages.Add(new TlsUsage
        {
            Format = "compose",
            Location = source.At(line),
            Service = service,
            Role = UsageRole.Unknown,
            Certificate = isKey ? null : reference,
            Key = isKey ? reference : null,
            Settings = target is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [MountPrefix + target.TrimEnd('/')] = full },
        });
    }

    /// <summary>A mapping only (the secret's file is checked where the secret is defined).</summary>
    private static void Mount(ConfigReadResult result, ConfigSource source, string service, string path, int line, string target) =>
        result.Usages.Add(new TlsUsage
        {
            Format = "compose",
            Location = source.At(line),
            Service = service,
            Role = UsageRole.Unknown,
            Settings = new Dictionary<string, string> { [MountPrefix + target.TrimEnd('/')] = Path.GetFullPath(path, source.Directory) },
        });
}
