using System.Text.RegularExpressions;
using CertLint.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Kubernetes;

/// <summary>
/// Kubernetes manifests (multi-document YAML, Helm output included): Secrets whose data/stringData hold PEM
/// (tls.crt, tls.key, ca.crt, any other PEM) are decoded and linted in place at the manifest's line; an Ingress's
/// tls entries name a Secret and the hosts it must cover; cert-manager Certificates say how a Secret is issued.
/// Secrets, Ingresses and Certificates in different files are joined afterwards by <see cref="KubernetesLinks"/>.
/// </summary>
public sealed partial class KubernetesReader : IConfigReader
{
    public string Format => "kubernetes";

    public bool Detect(string relativePath, string text) =>
        (relativePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && ApiVersion().IsMatch(text) && Kind().IsMatch(text);

    [GeneratedRegex(@"^apiVersion:\s*\S", RegexOptions.Multiline)]
    private static partial Regex ApiVersion();

    [GeneratedRegex(@"^kind:\s*(Secret|Ingress|Certificate)\b", RegexOptions.Multiline)]
    private static partial Regex Kind();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not { } documents) return;
        foreach (var doc in documents)
        {
            var kind = doc.Text("kind");
            var meta = doc.Get("metadata");
            var name = meta.Text("name") ?? "(unnamed)";
            var ns = meta.Text("namespace") ?? "default";
            switch (kind)
            {
                case "Secret":
                    Secret(source, result, doc, $"{ns}/{name}");
                    break;
                case "Ingress":
                    Ingress(source, result, doc, ns, name);
                    break;
                case "Certificate" when doc.Text("apiVersion")?.StartsWith("cert-manager.io/", StringComparison.Ordinal) == true:
                    CertManager.Read(source, result, doc, ns, name);
                    break;
            }
        }
    }

    private static void Secret(ConfigSource source, ConfigReadResult result, YamlNode doc, string id)
    {
        var values = new Dictionary<string, FileReference>(StringComparer.Ordinal);
        foreach (var (section, base64) in new[] { ("data", true), ("stringData", false) })
        {
            foreach (var (keyNode, valueNode) in doc.Get(section).Entries())
            {
                if (keyNode.Text() is not { } key || valueNode is not YamlScalarNode { Value: { } text } scalar) continue;
                var line = valueNode.Line();
                var bytes = base64 ? Decode(text) : EmbeddedPem.Utf8(text);
                if (bytes is null)
                {
                    result.Error(source.At(line), $"Secret {id} {section}.{key} is not valid base64");
                    continue;
                }
                if (!EmbeddedPem.LooksLikeCertificateMaterial(key, bytes)) continue;
                var holder = $"Secret {id} {section}.{key}";
                values[key] = EmbeddedPem.Embed(source, result, bytes, scalar, encoded: base64, holder, key, holder);
            }
        }
        if (values.Count == 0) return;
        var type = doc.Text("type") ?? "Opaque";
        FileReference? Pick(params string[] keys) => keys.Select(values.GetValueOrDefault).FirstOrDefault(r => r is not null);
        result.Usages.Add(new TlsUsage
        {
            Format = "kubernetes",
            Location = source.At(doc.Line()),
            Service = $"Secret {id}",
            Role = UsageRole.Unknown,
            Certificate = Pick("tls.crt", "cert.pem", "client.crt", "server.crt"),
            Key = Pick("tls.key", "key.pem", "client.key", "server.key"),
            CaFiles = Pick("ca.crt", "ca.pem") is { } ca ? [ca] : [],
            Settings = new Dictionary<string, string> { ["secret"] = id, ["type"] = type },
        });
    }

    private static void Ingress(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        foreach (var tls in doc.Get("spec").Get("tls").Items())
        {
            var hosts = tls.Get("hosts").Items().Select(h => h.Text()).OfType<string>().Where(h => !h.Contains('*')).ToList();
            var secret = tls.Text("secretName");
            result.Usages.Add(new TlsUsage
            {
                Format = "kubernetes",
                Location = source.At(tls.Line()),
                Service = $"Ingress {ns}/{name}",
                Role = UsageRole.Server,
                Hosts = hosts,
                HostsAt = tls.Get("hosts") is { } h ? source.At(h.Line()) : null,
                Settings = secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["secretName"] = $"{ns}/{secret}" },
            });
        }
    }

    private static byte[]? Decode(string text)
    {
        try
        {
            return Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
