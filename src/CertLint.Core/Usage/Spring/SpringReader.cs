using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Usage.Spring;

/// <summary>
/// Spring Boot application*.properties / application*.yml: `server.ssl.*` is the embedded server's TLS (keystore or
/// PEM certificate and key, truststore, client-auth, enabled-protocols, or a named `server.ssl.bundle`);
/// `spring.ssl.bundle.jks|pem.NAME.*` are SSL bundles, each checked for its files (a bundle the server does not use
/// keeps an unknown role). `classpath:` paths resolve against src/main/resources, other relative paths against the
/// module (the folder holding src/) or the file's folder. A password written literally in the file is recorded so
/// config-password-literal can flag it; `${ENV}` placeholders are fine. Passwords are never read or printed.
/// </summary>
public sealed class SpringReader : IConfigReader
{
    public string Format => "spring";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        return name.StartsWith("application", StringComparison.OrdinalIgnoreCase)
               && Path.GetExtension(name).ToLowerInvariant() is ".properties" or ".yml" or ".yaml"
               && (text.Contains("ssl", StringComparison.OrdinalIgnoreCase));
    }

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var p = SpringProperties.Read(source, result);
        var paths = new SpringPaths(source);
        var usedBundle = Get(p, "server.ssl.bundle")?.Value;
        var bundles = p.Keys.Where(k => k.StartsWith("spring.ssl.bundle.", StringComparison.Ordinal))
            .Select(k => k.Split('.')).Where(s => s.Length > 5 && s[3] is "jks" or "pem").Select(s => (Kind: s[3], Name: s[4]))
            .Distinct().Take(100).ToList();
        var server = p.Keys.Any(k => k.StartsWith("server.ssl.", StringComparison.Ordinal));
        if (server && !string.Equals(Get(p, "server.ssl.enabled")?.Value, "false", StringComparison.OrdinalIgnoreCase))
        {
            var at = p.Values.Where(v => v.Key.StartsWith("server.ssl.", StringComparison.Ordinal)).Min(v => v.Line);
            var bundle = bundles.FirstOrDefault(b => string.Equals(b.Name, usedBundle, StringComparison.OrdinalIgnoreCase));
            var usage = bundle.Name is null
                ? Files(p, paths, "server.ssl.", "keystore", "certificate", "certificateprivatekey", "truststore", "trustcertificate")
                : Bundle(p, paths, bundle.Kind, bundle.Name);
            var clientAuth = Get(p, "server.ssl.clientauth");
            var protocols = Get(p, "server.ssl.enabledprotocols") ?? (bundle.Name is null ? null : Get(p, $"spring.ssl.bundle.{bundle.Kind}.{bundle.Name}.options.enabledprotocols"));
            result.Usages.Add(usage with
            {
                Location = source.At(at),
                Service = "server.ssl" + (bundle.Name is null ? "" : $" bundle {bundle.Name}"),
                Role = UsageRole.Server,
                VerifyPeer = clientAuth?.Value.ToLowerInvariant() is "need" or "want",
                VerifyAt = clientAuth is null ? null : source.At(clientAuth.Line),
                Protocols = protocols is null ? null : new ProtocolSetting(
                    TlsVersions.Listed(protocols.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
                    source.At(protocols.Line), protocols.Written),
                LiteralSecrets = Literals(p, "server.ssl.", source),
            });
        }
        foreach (var (kind, name) in bundles.Where(b => !string.Equals(b.Name, usedBundle, StringComparison.OrdinalIgnoreCase)))
        {
            var prefix = $"spring.ssl.bundle.{kind}.{name}.";
            var at = p.Values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).Min(v => v.Line);
            result.Usages.Add(Bundle(p, paths, kind, name) with
            {
                Location = source.At(at),
                Service = $"spring.ssl.bundle.{kind}.{name}",
                Role = UsageRole.Unknown,
            });
        }
    }

    private TlsUsage Bundle(Dictionary<string, SpringProperty> p, SpringPaths paths, string kind, string name)
    {
        var prefix = $"spring.ssl.bundle.{kind}.{name}.";
        return kind == "jks"
            ? Files(p, paths, prefix, "keystore.location", null, null, "truststore.location", null) with { LiteralSecrets = Literals(p, prefix, paths.Source) }
            : Files(p, paths, prefix, null, "keystore.certificate", "keystore.privatekey", null, "truststore.certificate") with { LiteralSecrets = Literals(p, prefix, paths.Source) };
    }

    /// <summary>A usage skeleton with the files under a prefix: a keystore holds certificate and key, PEM names them apart.</summary>
    private static TlsUsage Files(Dictionary<string, SpringProperty> p, SpringPaths paths, string prefix,
        string? keystore, string? certificate, string? key, string? truststore, string? trustCertificate)
    {
        FileReference? Ref(string? suffix) => suffix is not null && Get(p, prefix + suffix) is { } prop ? paths.Reference(prop) : null;
        var store = Ref(keystore);
        var cert = Ref(certificate) ?? store;
        return new TlsUsage
        {
            Format = "spring",
            Location = paths.Source.At(1),
            Service = prefix.TrimEnd('.'),
            Role = UsageRole.Unknown,
            Certificate = cert,
            Key = Ref(key) ?? store,
            CaFiles = new[] { Ref(truststore), Ref(trustCertificate) }.OfType<FileReference>().ToList(),
        };
    }

    /// <summary>Passwords written literally (LiteralSecret.IsLiteral: not a placeholder), by line and key; never the value.</summary>
    private static List<LiteralSecret> Literals(Dictionary<string, SpringProperty> p, string prefix, ConfigSource source) =>
        [.. p.Values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal) && v.Key.EndsWith("password", StringComparison.Ordinal)
                            && LiteralSecret.IsLiteral(v.Value))
            .OrderBy(v => v.Line)
            .Select(v => new LiteralSecret(source.At(v.Line), v.Written))];

    private static SpringProperty? Get(Dictionary<string, SpringProperty> p, string key) => p.GetValueOrDefault(SpringProperties.Canonical(key));
}

/// <summary>Where Spring finds a resource: classpath: under src/main/resources, file: and plain paths from the module.</summary>
internal sealed class SpringPaths(ConfigSource source)
{
    public ConfigSource Source => source;

    public FileReference? Reference(SpringProperty prop)
    {
        var value = prop.Value.Trim();
        if (value.Length == 0 || value.Contains("${", StringComparison.Ordinal)) return null;
        var at = source.At(prop.Line);
        if (value.StartsWith("-----BEGIN", StringComparison.Ordinal)) return null; // PEM written inline: not a file
        var classpath = value.StartsWith("classpath:", StringComparison.OrdinalIgnoreCase);
        var path = classpath ? value["classpath:".Length..].TrimStart('/')
            : value.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? value["file:".Length..] : value;
        var resolved = UsagePaths.Reference(path, at, prop.Written, (classpath ? Resources() : Module()) ?? source.Directory);
        // Keep the value as written (classpath:server.jks) for reports; an absolute file: path is left to the linker's tail lookup.
        return classpath || !resolved.IsAbsolute ? resolved with { Path = value } : resolved;
    }

    /// <summary>src/main/resources of the module the file belongs to, when the file lies in one.</summary>
    private string? Resources()
    {
        var module = Module();
        var resources = module is null ? null : Path.Combine(module, "src", "main", "resources");
        return resources is not null && Directory.Exists(resources) ? resources : null;
    }

    /// <summary>The folder holding src/ above the file (Maven/Gradle module), or null.</summary>
    private string? Module()
    {
        for (var dir = source.Directory; dir is not null && (dir == source.Root || ConfigConfinement.IsInside(dir, source.Root)); dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "src") return Path.GetDirectoryName(dir);
        }
        return null;
    }
}
