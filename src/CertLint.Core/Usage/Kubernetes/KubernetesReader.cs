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

    [GeneratedRegex(@"^kind:\s*(Secret|Ingress|Certificate|IngressRoute|TLSOption|TLSStore|ServersTransport)\b", RegexOptions.Multiline)]
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
                case "IngressRoute" when TraefikCrds.IsTraefik(doc):
                    TraefikCrds.IngressRoute(source, result, doc, ns, name);
                    break;
                case "TLSOption" when TraefikCrds.IsTraefik(doc):
                    TraefikCrds.TlsOption(source, result, doc, ns, name);
                    break;
                case "TLSStore" when TraefikCrds.IsTraefik(doc):
                    TraefikCrds.TlsStore(source, result, doc, ns, name);
                    break;
                case "ServersTransport" when TraefikCrds.IsTraefik(doc):
                    TraefikCrds.ServersTransport(source, result, doc, ns, name);
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
                var bytes = base64 ? EmbeddedPem.Base64(text) : EmbeddedPem.Utf8(text);
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
            CaFiles = Pick("ca.crt", "ca.pem", "tls.ca") is { } ca ? [ca] : [], // tls.ca: Traefik's name
            Settings = new Dictionary<string, string> { ["secret"] = id, ["type"] = type },
        });
    }

    /// <summary>ingress-nginx's annotation prefix (its default; a controller started with another prefix is not read).</summary>
    private const string Nginx = "nginx.ingress.kubernetes.io/";

    private static void Ingress(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        var annotations = doc.Get("metadata").Get("annotations");
        YamlNode? Annotation(string key) => annotations.Get(Nginx + key);
        var (verifyClients, requestsClients, verifyClientsAt, clientCa) = ClientVerification(source, result, Annotation("auth-tls-secret"), Annotation("auth-tls-verify-client"), ns);
        foreach (var tls in doc.Get("spec").Get("tls").Items())
        {
            var hosts = tls.Get("hosts").Items().Select(h => h.Text()).OfType<string>().Where(h => !h.Contains('*')).ToList();
            var secret = tls.Text("secretName");
            var settings = new Dictionary<string, string>();
            if (secret is not null) settings["secretName"] = $"{ns}/{secret}";
            if (clientCa is not null) settings[ClientCaSecret] = clientCa;
            result.Usages.Add(new TlsUsage
            {
                Format = "kubernetes",
                Location = source.At(tls.Line()),
                Service = $"Ingress {ns}/{name}",
                Role = UsageRole.Server,
                Hosts = hosts,
                HostsAt = tls.Get("hosts") is { } h ? source.At(h.Line()) : null,
                VerifyPeer = verifyClients,
                VerifyAt = verifyClientsAt,
                RequestsClientCertificate = requestsClients,
                Settings = settings,
            });
        }
        Backend(source, result, Annotation, ns, name);
    }

    /// <summary>Settings key: the Secret (namespace/name) whose ca.crt verifies client certificates (auth-tls-secret).</summary>
    internal const string ClientCaSecret = "authTlsSecret";

    /// <summary>Settings key: the Secret whose tls.crt, tls.key and ca.crt the controller uses towards the backend (proxy-ssl-secret).</summary>
    internal const string BackendSecret = "proxySslSecret";

    /// <summary>
    /// ingress-nginx client certificate authentication: `auth-tls-secret` names the Secret whose ca.crt verifies
    /// clients; `auth-tls-verify-client` is `on` (the default), `optional` (both verify a certificate sent),
    /// `optional_no_ca` (requests one, verifies nothing) or `off`.
    /// </summary>
    private static (bool? Verify, bool? Requests, SourceLocation? At, string? Secret) ClientVerification(ConfigSource source, ConfigReadResult result,
        YamlNode? secret, YamlNode? mode, string ns)
    {
        if (secret is null) return (null, null, null, null);
        var value = mode.Text()?.Trim().ToLowerInvariant() ?? "on";
        if (value is not ("on" or "off" or "optional" or "optional_no_ca"))
        {
            result.Error(source.At(mode!.Line()), "auth-tls-verify-client must be on, off, optional or optional_no_ca");
            value = "on"; // ingress-nginx ignores an invalid value and keeps its default
        }
        return (value is "on" or "optional", value is not "off", source.At((mode ?? secret).Line()), Qualified(secret.Text(), ns));
    }

    /// <summary>
    /// An Ingress whose `backend-protocol` is HTTPS or GRPCS makes the controller a TLS client of the backend. It verifies
    /// the backend's certificate only with `proxy-ssl-verify: "on"` (default off), against the ca.crt of
    /// `proxy-ssl-secret`, and presents that Secret's tls.crt; `proxy-ssl-protocols` lists the versions (default TLSv1.2
    /// TLSv1.3), `proxy-ssl-name` the name sent and checked.
    /// </summary>
    private static void Backend(ConfigSource source, ConfigReadResult result, Func<string, YamlNode?> annotation, string ns, string name)
    {
        if (annotation("backend-protocol") is not { } protocol || protocol.Text()?.Trim().ToUpperInvariant() is not ("HTTPS" or "GRPCS")) return;
        var verify = annotation("proxy-ssl-verify");
        var secret = Qualified(annotation("proxy-ssl-secret").Text(), ns);
        var protocols = annotation("proxy-ssl-protocols");
        result.Usages.Add(new TlsUsage
        {
            Format = "kubernetes",
            Location = source.At(protocol.Line()),
            Service = $"Ingress {ns}/{name} backend",
            Role = UsageRole.Client,
            VerifyPeer = verify.Text()?.Trim().ToLowerInvariant() == "on",
            VerifyAt = verify is null ? null : source.At(verify.Line()),
            Protocols = protocols?.Text() is { } list
                ? new ProtocolSetting(TlsVersions.Listed(list.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                    source.At(protocols.Line()), Nginx + "proxy-ssl-protocols")
                : null,
            PeerHost = annotation("proxy-ssl-name").Text() is { Length: > 0 } host ? PeerHosts.Of(host) : null,
            Settings = secret is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [BackendSecret] = secret },
        });
    }

    /// <summary>A Secret reference of an annotation: `namespace/name`, or a name in the Ingress's namespace.</summary>
    private static string? Qualified(string? reference, string ns) =>
        reference?.Trim() is { Length: > 0 } r ? r.Contains('/') ? r : $"{ns}/{r}" : null;
}
