using CertLint.Usage.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Envoy;

/// <summary>
/// One Envoy TLS context (DownstreamTlsContext on a listener's filter chain, UpstreamTlsContext on a cluster) made a
/// usage: `common_tls_context.tls_certificates[]` (certificate_chain / private_key, each a `filename` or an
/// `inline_string` PEM linted in place), `validation_context` (or `combined_validation_context.default_validation_context`)
/// `trusted_ca` and `crl`, `tls_params` versions; downstream `require_client_certificate`, upstream `sni`.
/// </summary>
internal sealed class EnvoyTlsContext(ConfigSource source, ConfigReadResult result)
{
    /// <summary>Certificates of one context read at most (Envoy serves one per key type, a few in practice).</summary>
    private const int MaxCertificates = 16;

    public void Add(YamlNode context, bool downstream, string service, IReadOnlyList<string> hosts, int? hostsLine)
    {
        var common = context.Get("common_tls_context");
        var validation = common.Get("validation_context") ?? common.Get("combined_validation_context").Get("default_validation_context");
        var ca = Data(validation.Get("trusted_ca"), "trusted_ca", service);
        var crl = Data(validation.Get("crl"), "crl", service);
        var require = context.Get("require_client_certificate");
        var requireValue = Bool(require);
        var verify = downstream ? ca is not null || requireValue == true : ca is not null;
        var sni = context.Text("sni");
        var template = new TlsUsage
        {
            Format = "envoy",
            Location = source.At(context.Line()),
            Service = service,
            Role = downstream ? UsageRole.Server : UsageRole.Client,
            CaFiles = ca is null ? [] : [ca],
            CrlFiles = crl is null ? [] : [crl],
            VerifyPeer = verify,
            VerifyAt = downstream && require is not null ? source.At(require.Line()) : ca?.At,
            Protocols = Protocols(common.Get("tls_params"), downstream),
            PeerHost = downstream || sni is null ? null : PeerHosts.Of(sni),
            Hosts = hosts,
            HostsAt = hostsLine is { } l ? source.At(l) : null,
        };
        var certificates = common.Get("tls_certificates").Items().Take(MaxCertificates).ToList();
        if (certificates.Count == 0)
        {
            result.Usages.Add(template);
            return;
        }
        for (var i = 0; i < certificates.Count; i++)
        {
            result.Usages.Add(template with
            {
                Location = source.At(certificates[i].Line()),
                Service = certificates.Count == 1 ? service : $"{service} certificate {i + 1}",
                Certificate = Data(certificates[i].Get("certificate_chain"), "certificate_chain", service),
                Key = Data(certificates[i].Get("private_key"), "private_key", service),
            });
        }
    }

    /// <summary>An Envoy DataSource: `filename` (a file), `inline_string` (PEM written in the bootstrap, linted in place).</summary>
    private FileReference? Data(YamlNode? data, string field, string service)
    {
        if (data.Get("filename") is YamlScalarNode { Value: { Length: > 0 } path } file)
            return UsagePaths.Reference(path, source.At(file.Line()), field, source.Directory);
        return data.Get("inline_string") is YamlScalarNode { Value: { Length: > 0 } text } inline
            ? EmbeddedPem.Embed(source, result, EmbeddedPem.Utf8(text), inline, encoded: false, $"{service} {field}", field, $"{field} inline_string")
            : null;
    }

    private bool? Bool(YamlNode? node)
    {
        if (node is null) return null;
        // JSON and YAML booleans; a BoolValue wrapper may also be written { value: true }.
        var text = node.Text() ?? node.Text("value");
        if (text?.ToLowerInvariant() is "true") return true;
        if (text?.ToLowerInvariant() is "false") return false;
        result.Error(source.At(node.Line()), "require_client_certificate must be true or false");
        return null;
    }

    /// <summary>
    /// tls_params tls_minimum_protocol_version / tls_maximum_protocol_version (TLS_AUTO, TLSv1_0 ... TLSv1_3). Envoy's
    /// defaults: minimum TLSv1_2; maximum TLSv1_3 for servers (downstream), TLSv1_2 for clients (upstream). Null when
    /// neither is set; another value is a parse issue (Envoy rejects the configuration).
    /// </summary>
    private ProtocolSetting? Protocols(YamlNode? tlsParams, bool downstream)
    {
        TlsVersion? Version(string field, out YamlNode? node)
        {
            node = tlsParams.Get(field);
            if (node?.Text() is not { } text || text == "TLS_AUTO") return null;
            if (text.StartsWith("TLSv1_", StringComparison.Ordinal) && TlsVersions.Parse(text) is { } v) return v;
            result.Error(source.At(node.Line()), $"invalid {field}: TLS_AUTO, TLSv1_0, TLSv1_1, TLSv1_2 or TLSv1_3 expected");
            node = null;
            return null;
        }
        var min = Version("tls_minimum_protocol_version", out var minNode);
        var max = Version("tls_maximum_protocol_version", out var maxNode);
        if ((minNode ?? maxNode) is not { } at) return null;
        return new ProtocolSetting(TlsVersions.Range(min ?? TlsVersion.Tls12, max ?? (downstream ? TlsVersion.Tls13 : TlsVersion.Tls12)),
            source.At(at.Line()), minNode is null ? "tls_maximum_protocol_version" : "tls_minimum_protocol_version");
    }
}
