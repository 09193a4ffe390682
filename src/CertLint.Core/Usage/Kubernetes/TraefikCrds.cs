using System.Text.RegularExpressions;
using CertLint.Model;
using CertLint.Usage.Traefik;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Kubernetes;

/// <summary>
/// Traefik's Kubernetes resources (traefik.io/v1alpha1, and the older traefik.containo.us): an IngressRoute's
/// spec.tls.secretName is the Secret it serves for the hosts of its routes' Host() rules; a TLSOption is a server
/// usage of its own (client authentication with the CA of its secretNames' ca.crt or tls.ca, versions), read as the
/// file provider's tls.options are; a ServersTransport is a client of the backends (certificatesSecrets presented,
/// rootCAs verifying, insecureSkipVerify verifying nothing); a TLSStore's defaultCertificate (served when no other
/// certificate matches) and certificates (added to the pool) are Secrets served as an IngressRoute's is, for no host of
/// their own. Secrets are joined by <see cref="KubernetesLinks"/>.
/// </summary>
internal static partial class TraefikCrds
{
    public static bool IsTraefik(YamlNode doc) =>
        doc.Text("apiVersion") is { } api && (api.StartsWith("traefik.io/", StringComparison.Ordinal) || api.StartsWith("traefik.containo.us/", StringComparison.Ordinal));

    public static void IngressRoute(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        var spec = doc.Get("spec");
        if (spec.Get("tls") is not YamlMappingNode tls || tls.Text("secretName") is not { Length: > 0 } secret) return;
        var hosts = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        SourceLocation? hostsAt = null;
        foreach (var route in spec.Get("routes").Items())
        {
            foreach (var host in Hosts(route.Text("match")))
            {
                hostsAt ??= source.At(route.Get("match")!.Line());
                if (seen.Add(host)) hosts.Add(host);
            }
        }
        result.Usages.Add(Serves(source.At(tls.Line()), $"IngressRoute {ns}/{name}", $"{ns}/{secret}") with { Hosts = hosts, HostsAt = hostsAt });
    }

    public static void TlsStore(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        var spec = doc.Get("spec");
        var entries = spec.Get("certificates").Items().Select((entry, i) => (Entry: (YamlNode?)entry, Field: $"certificates[{i}]"))
            .Prepend((Entry: spec.Get("defaultCertificate"), Field: "defaultCertificate"));
        foreach (var (entry, field) in entries)
        {
            if (entry is YamlMappingNode served && served.Text("secretName") is { Length: > 0 } secret)
                result.Usages.Add(Serves(source.At(served.Line()), $"TLSStore {ns}/{name} {field}", $"{ns}/{secret}"));
        }
    }

    /// <summary>A server usage serving the tls.crt of the Secret <paramref name="secret"/> (NS/NAME), joined by <see cref="KubernetesLinks"/>.</summary>
    private static TlsUsage Serves(SourceLocation at, string service, string secret) => new()
    {
        Format = "kubernetes",
        Location = at,
        Service = service,
        Role = UsageRole.Server,
        Settings = new Dictionary<string, string> { ["secretName"] = secret },
    };

    /// <summary>The names of Host(`a`, `b`) and HostSNI(`a`) in a router rule; HostRegexp and wildcards are not names.</summary>
    private static IEnumerable<string> Hosts(string? rule) =>
        rule is null ? [] : HostCall().Matches(rule).SelectMany(m => Backticked().Matches(m.Groups[1].Value).Select(b => b.Groups[1].Value))
            .Where(h => h.Length > 0 && !h.Contains('*') && !h.Contains('{'));

    [GeneratedRegex(@"\bHost(?:SNI)?\(([^)]{0,2000})\)")]
    private static partial Regex HostCall();

    [GeneratedRegex(@"`([^`]{0,255})`")]
    private static partial Regex Backticked();

    public static void TlsOption(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        if (doc.Get("spec") is not YamlMappingNode spec) return;
        var secrets = spec.Get("clientAuth").Get("secretNames").Items().Select(n => n.Text()).OfType<string>().ToList();
        var usage = TraefikReader.Option(source, result, spec, $"TLSOption {ns}/{name}", source.At(doc.Line()), hasCa: secrets.Count > 0, caFiles: [], caKey: "secretNames");
        if (usage is null) return;
        // Traefik reads the CA of every listed Secret; the first one is the CA compared here.
        result.Usages.Add(secrets.Count == 0 ? usage with { Format = "kubernetes" } : usage with
        {
            Format = "kubernetes",
            Settings = new Dictionary<string, string> { [KubernetesReader.ClientCaSecret] = $"{ns}/{secrets[0]}" },
        });
    }

    public static void ServersTransport(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        if (doc.Get("spec") is not YamlMappingNode spec) return;
        // v2: rootCAsSecrets [name]; v3: rootCAs [{secret: name} | {configMap: name}].
        var rootCa = spec.Get("rootCAsSecrets").Items().Select(n => n.Text()).Concat(spec.Get("rootCAs").Items().Select(n => n.Text("secret")))
            .OfType<string>().FirstOrDefault();
        var certificate = spec.Get("certificatesSecrets").Items().Select(n => n.Text()).OfType<string>().FirstOrDefault();
        var usage = TraefikReader.Transport(source, result, spec, source.At(doc.Line()), $"ServersTransport {ns}/{name}", "spec");
        var settings = new Dictionary<string, string>();
        if (certificate is not null) settings[KubernetesReader.BackendSecret] = $"{ns}/{certificate}";
        if (rootCa is not null) settings[KubernetesReader.ClientCaSecret] = $"{ns}/{rootCa}";
        result.Usages.Add(usage with { Format = "kubernetes", Settings = settings });
    }
}
