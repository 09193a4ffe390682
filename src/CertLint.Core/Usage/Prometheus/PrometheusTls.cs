using CertLint.Model;
using CertLint.Usage.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Prometheus;

/// <summary>
/// The two TLS blocks of the Prometheus ecosystem: prometheus/common's client <c>tls_config</c> and exporter-toolkit's
/// server <c>tls_server_config</c>. Both are Go's crypto/tls underneath; both take a file (<c>*_file</c>) or the PEM
/// text itself (<c>ca</c>, <c>cert</c>, <c>key</c>, <c>client_ca</c>), which is linted where it is written.
/// </summary>
internal static class PrometheusTls
{
    /// <summary>prometheus/common and exporter-toolkit TLSVersion names (case as written: another spelling is refused).</summary>
    private static readonly Dictionary<string, TlsVersion> Versions = new(StringComparer.Ordinal)
    {
        ["TLS10"] = TlsVersion.Tls10, ["TLS11"] = TlsVersion.Tls11, ["TLS12"] = TlsVersion.Tls12, ["TLS13"] = TlsVersion.Tls13,
    };

    /// <summary>exporter-toolkit's client_auth_type values, Go's tls.ClientAuthType each: (asks, verifies).</summary>
    private static readonly Dictionary<string, (bool Requests, bool Verifies)> ClientAuthTypes = new(StringComparer.Ordinal)
    {
        ["NoClientCert"] = (false, false),
        ["RequestClientCert"] = (true, false),
        ["RequireAnyClientCert"] = (true, false),
        ["RequireClientCert"] = (true, false), // exporter-toolkit's older name for RequireAnyClientCert
        ["VerifyClientCertIfGiven"] = (true, true),
        ["RequireAndVerifyClientCert"] = (true, true),
    };

    /// <summary>
    /// A client's tls_config (null: scheme https without one, so the system's CAs and full verification). Go checks the
    /// server's chain and name unless insecure_skip_verify; the name is server_name, else the target's host. A
    /// certificate without its key (or the reverse) or an unknown version is a parse issue: Prometheus refuses the file.
    /// </summary>
    public static TlsUsage Client(ConfigSource source, ConfigReadResult result, YamlMappingNode? tls, SourceLocation at, string service, string? peer)
    {
        var cert = Material(source, result, tls, "cert", "tls_config");
        var key = Material(source, result, tls, "key", "tls_config");
        if ((cert is null) != (key is null) && (tls.Get("cert_ref") ?? tls.Get("key_ref")) is null)
        {
            result.Error((cert ?? key)!.At, "tls_config names a client certificate without its key, or a key without its certificate (Prometheus does not load the file)");
        }
        var insecure = Bool(source, result, tls.Get("insecure_skip_verify"), "tls_config.insecure_skip_verify");
        var insecureAt = tls.Get("insecure_skip_verify") is { } node ? source.At(node.Line()) : null;
        var serverName = tls.Text("server_name") is { Length: > 0 } name ? name : null;
        return new TlsUsage
        {
            Format = PrometheusReader.Name,
            Location = at,
            Service = service,
            Role = UsageRole.Client,
            Certificate = cert,
            Key = key,
            CaFiles = Material(source, result, tls, "ca", "tls_config") is { } ca ? [ca] : [],
            VerifyPeer = insecure != true,
            VerifyAt = insecureAt,
            VerifyHost = insecure == true ? null : true,
            VerifyHostAt = insecure == true ? null : insecureAt,
            Protocols = Protocols(source, result, tls, "tls_config", "Prometheus does not load the file"),
            PeerHost = serverName ?? peer,
        };
    }

    /// <summary>
    /// exporter-toolkit's tls_server_config: TLS when any of its certificate, key, client CA or client_auth_type is
    /// set (otherwise plain HTTP). What the toolkit refuses (no certificate or key, an unknown client_auth_type, a client
    /// CA under NoClientCert, an unknown version) is a parse issue and no usage: the server does not start.
    /// </summary>
    public static void Server(ConfigSource source, ConfigReadResult result, YamlMappingNode tls, SourceLocation at)
    {
        const string block = "tls_server_config";
        var cert = Material(source, result, tls, "cert", block);
        var key = Material(source, result, tls, "key", block);
        var ca = Material(source, result, tls, "client_ca", block);
        var typeNode = tls.Get("client_auth_type");
        var type = typeNode.Text() is { Length: > 0 } t ? t : null;
        if (cert is null && key is null && ca is null && type is null) return;
        if (cert is null || key is null)
        {
            result.Error(cert?.At ?? key?.At ?? at, $"{block} without {(cert is null ? "cert_file or cert" : "key_file or key")}: the server does not start");
            return;
        }
        var mode = (Requests: false, Verifies: false);
        if (type is not null && !ClientAuthTypes.TryGetValue(type, out mode))
        {
            result.Error(source.At(typeNode!.Line()), "unknown client_auth_type: NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or RequireAndVerifyClientCert expected (the server does not start)");
            return;
        }
        var (requests, verifies) = mode;
        if (ca is not null && !requests)
        {
            result.Error(ca.At, $"{ca.Directive} without a client_auth_type that asks for client certificates: the server does not start");
            return;
        }
        result.Usages.Add(new TlsUsage
        {
            Format = PrometheusReader.Name,
            Location = at,
            Service = "web server (tls_server_config)",
            Role = UsageRole.Server,
            Certificate = cert,
            Key = key,
            CaFiles = ca is null ? [] : [ca],
            // Without a client CA, Go verifies client certificates against the system's roots: mtls-client-ca-mismatch says so.
            VerifyPeer = verifies,
            VerifyAt = typeNode is null ? null : source.At(typeNode.Line()),
            RequestsClientCertificate = requests,
            Protocols = Protocols(source, result, tls, block, "the server does not start"),
            Settings = new Dictionary<string, string> { ["client_auth_type"] = type ?? "NoClientCert" },
        });
    }

    /// <summary>
    /// NAME_file (a path) or NAME (the PEM text, linted in place); the file wins, as both products read it first.
    /// Null when neither is set.
    /// </summary>
    private static FileReference? Material(ConfigSource source, ConfigReadResult result, YamlMappingNode? tls, string name, string block)
    {
        if (tls.Get(name + "_file") is YamlScalarNode { Value.Length: > 0 } file)
        {
            return UsagePaths.Reference(file.Value!, source.At(file.Line()), $"{block}.{name}_file", source.Directory);
        }
        if (tls.Get(name) is not YamlScalarNode { Value: { Length: > 0 } text } inline) return null;
        var directive = $"{block}.{name}";
        if (!text.Contains("-----BEGIN ", StringComparison.Ordinal))
        {
            result.Error(source.At(inline.Line()), $"{directive} is not PEM text (a path belongs in {name}_file)");
            return null;
        }
        return EmbeddedPem.Embed(source, result, EmbeddedPem.Utf8(text), inline, encoded: false, $"{directive} in {source.File.RelativePath}", "the PEM text", directive);
    }

    /// <summary>A YAML boolean as Go's yaml.v2 reads one (true/false, yes/no, on/off); null when unset or invalid.</summary>
    private static bool? Bool(ConfigSource source, ConfigReadResult result, YamlNode? node, string directive)
    {
        switch (node.Text()?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "on" or "y": return true;
            case "false" or "no" or "off" or "n": return false;
            default:
                result.Error(source.At(node!.Line()), $"{directive} must be true or false");
                return null;
        }
    }

    /// <summary>min_version / max_version; unset, Go's defaults (TLS 1.2 to 1.3), which need no finding.</summary>
    private static ProtocolSetting? Protocols(ConfigSource source, ConfigReadResult result, YamlMappingNode? tls, string block, string consequence)
    {
        TlsVersion? Version(string key, out YamlNode? node)
        {
            node = tls.Get(key);
            if (node.Text() is not { Length: > 0 } text) return null;
            if (Versions.TryGetValue(text, out var v)) return v;
            result.Error(source.At(node!.Line()), $"unknown {block}.{key}: TLS10, TLS11, TLS12 or TLS13 expected ({consequence})");
            return null;
        }
        var min = Version("min_version", out var minNode);
        var max = Version("max_version", out var maxNode);
        if (min is null && max is null) return null;
        // A maximum alone keeps the default minimum, TLS 1.2 (Go's for clients, exporter-toolkit's for servers).
        var from = min ?? TlsVersion.Tls12;
        if (from > max)
        {
            result.Error(source.At(maxNode!.Line()), $"{block}.max_version is below {(min is null ? "the default min_version TLS12" : "min_version")}: no version is allowed");
            return null;
        }
        var node = min is not null ? minNode! : maxNode!;
        return new ProtocolSetting(TlsVersions.Range(from, max), source.At(node.Line()), $"{block}.{(min is not null ? "min_version" : "max_version")}");
    }
}
