using CertLint.Usage.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Envoy;

/// <summary>
/// One Envoy TLS context (DownstreamTlsContext on a listener's filter chain, UpstreamTlsContext on a cluster) made a
/// usage: `common_tls_context.tls_certificates[]` (certificate_chain / private_key, each a `filename` or an
/// `inline_string` PEM linted in place) and those taken through SDS, `validation_context` (or `combined_validation_context`, or SDS)
/// `trusted_ca` and `crl`, `tls_params` versions; downstream `require_client_certificate`, upstream `sni`.
/// </summary>
internal sealed class EnvoyTlsContext(ConfigSource source, ConfigReadResult result, EnvoySecrets secrets)
{
    /// <summary>Certificates of one context read at most (Envoy serves one per key type, a few in practice).</summary>
    private const int MaxCertificates = 16;

    /// <param name="autoSanValidation">Upstream: where the cluster's HTTP protocol options set `auto_san_validation: true`.</param>
    public void Add(YamlNode context, bool downstream, string service, IReadOnlyList<string> hosts, int? hostsLine,
        Model.SourceLocation? autoSanValidation = null)
    {
        var common = context.Get("common_tls_context");
        var (ca, crl, elsewhere, validations) = Validation(common, service);
        var require = context.Get("require_client_certificate");
        var requireValue = Bool(require);
        var custom = Setting(validations, _ => true, "custom_validator_config");
        // ACCEPT_UNTRUSTED lets a handshake go on whatever the chain: a CA given that way verifies nothing.
        var untrusted = Setting(validations, n => n.Text() is "ACCEPT_UNTRUSTED" or "1", "trust_chain_verification");
        // A validation Secret not read here (sent by a management server, or a problem already reported) still verifies,
        // and so does a custom validator (SPIFFE trust bundles instead of trusted_ca).
        var verify = untrusted is null && (ca is not null || elsewhere is not null || custom is not null || (downstream && requireValue == true));
        var sni = context.Text("sni");
        var (verifyHost, verifyHostAt) = downstream || !verify || elsewhere is not null || custom is not null
            ? (null, null)
            : HostCheck(context, validations, autoSanValidation);
        var template = new TlsUsage
        {
            Format = "envoy",
            Location = source.At(context.Line()),
            Service = service,
            Role = downstream ? UsageRole.Server : UsageRole.Client,
            CaFiles = ca is null ? [] : [ca],
            CrlFiles = crl is null ? [] : [crl],
            VerifyPeer = verify,
            VerifyAt = untrusted ?? (downstream && require is not null ? source.At(require.Line()) : ca?.At ?? elsewhere ?? custom),
            VerifyHost = verifyHost,
            VerifyHostAt = verifyHostAt,
            // A listener with a CA or validator asks clients for a certificate (require_client_certificate makes it
            // mandatory); with ACCEPT_UNTRUSTED it then takes whatever they send.
            RequestsClientCertificate = downstream ? ca is not null || elsewhere is not null || custom is not null || requireValue == true : null,
            Protocols = Protocols(common.Get("tls_params"), downstream),
            PeerHost = downstream || sni is null ? null : PeerHosts.Of(sni),
            Hosts = hosts,
            HostsAt = hostsLine is { } l ? source.At(l) : null,
        };
        var certificates = Certificates(common);
        if (certificates.Count == 0)
        {
            result.Usages.Add(template);
            return;
        }
        for (var i = 0; i < certificates.Count; i++)
        {
            var held = certificates[i];
            var name = certificates.Count == 1 ? service : $"{service} certificate {i + 1}";
            result.Usages.Add(held.Unread is { } unread
                ? template with { Location = held.At, Service = name, Certificate = unread }
                : template with
                {
                    Location = held.At,
                    Service = name,
                    Certificate = Data(held.Source, held.Node.Get("certificate_chain"), "certificate_chain", service),
                    Key = Data(held.Source, held.Node.Get("private_key"), "private_key", service),
                });
        }
    }

    /// <summary>
    /// A TlsCertificate written in the context or taken through SDS: its usage is reported <see cref="At"/> (the entry,
    /// or the reference in this file), its paths read from <see cref="Node"/> in <see cref="Source"/>;
    /// <see cref="Unread"/> instead when its SDS file is not in the repository.
    /// </summary>
    private sealed record Held(Model.SourceLocation At, ConfigSource Source, YamlNode Node, FileReference? Unread = null);

    /// <summary>
    /// The context's certificates, at most <see cref="MaxCertificates"/>: `tls_certificates[]` entries, then the Secrets
    /// `tls_certificate_sds_secret_configs[]` names.
    /// </summary>
    private List<Held> Certificates(YamlNode? common)
    {
        var held = common.Get("tls_certificates").Items().Take(MaxCertificates)
            .Select(c => new Held(source.At(c.Line()), source, c)).ToList();
        foreach (var reference in common.Get("tls_certificate_sds_secret_configs").Items())
        {
            if (held.Count >= MaxCertificates) break;
            var secret = secrets.Find(reference, "tls_certificate_sds_secret_configs", out var unread);
            var at = source.At(reference.Line());
            if (unread is not null) held.Add(new Held(at, source, reference, unread));
            else if (secret?.Node.Get("tls_certificate") is { } certificate) held.Add(new Held(at, secret.Source, certificate));
        }
        return held;
    }

    /// <summary>A CertificateValidationContext read for this TLS context, and the file it was written in.</summary>
    private sealed record ValidationNode(ConfigSource Source, YamlNode Node)
    {
        public Model.SourceLocation At => Source.At(Node.Line());
    }

    /// <summary>
    /// The CA and CRL that verify the peer: `validation_context`, or `combined_validation_context` (its SDS Secret's
    /// values first, as Envoy lets them override the default context), or `validation_context_sds_secret_config`.
    /// Elsewhere: where a validation Secret is named that is not read here. Contexts: the validation contexts read.
    /// </summary>
    private (FileReference? Ca, FileReference? Crl, Model.SourceLocation? Elsewhere, List<ValidationNode> Contexts) Validation(YamlNode? common, string service)
    {
        const string SdsField = "validation_context_sds_secret_config";
        var contexts = new List<ValidationNode>();
        var combined = common.Get("combined_validation_context");
        var reference = common.Get(SdsField) ?? combined.Get(SdsField);
        var secret = secrets.Find(reference, SdsField, out var unread);
        if (unread is not null) return (unread, null, null, contexts);
        if (secret?.Node.Get("validation_context") is { } fromSecret) contexts.Add(new(secret.Source, fromSecret));
        if ((common.Get("validation_context") ?? combined.Get("default_validation_context")) is { } written) contexts.Add(new(source, written));
        FileReference? Data(string field) =>
            contexts.Where(c => c.Node.Get(field) is not null).Select(c => this.Data(c.Source, c.Node.Get(field), field, service)).FirstOrDefault();
        return (Data("trusted_ca"), Data("crl"), reference is not null && secret is null ? source.At(reference.Line()) : null, contexts);
    }

    /// <summary>
    /// Where the first of <paramref name="fields"/> that <paramref name="holds"/> is written, in any validation
    /// context (Envoy merges a Secret's context into the default one, lists concatenated: either counts), in the
    /// file that context is written in.
    /// </summary>
    private static Model.SourceLocation? Setting(List<ValidationNode> contexts, Func<YamlNode, bool> holds, params string[] fields) =>
        contexts.SelectMany(c => fields.Select(f => (c.Source, Node: c.Node.Get(f))))
            .Where(c => c.Node is not null && holds(c.Node)).Select(c => (Model.SourceLocation?)c.Source.At(c.Node!.Line())).FirstOrDefault();

    /// <summary>
    /// Whether an upstream context that verifies the chain also checks the server's name: a SAN matcher
    /// (`match_typed_subject_alt_names`, `match_subject_alt_names`, v2 `verify_subject_alt_name`), or
    /// `auto_sni_san_validation` here or the cluster's `auto_san_validation`. Envoy checks no name otherwise (its
    /// UpstreamTlsContext documentation), so false then, at the validation context. A pinned certificate or key
    /// (`verify_certificate_hash`, `verify_certificate_spki`) fixes the server's identity without a name: null.
    /// </summary>
    private (bool?, Model.SourceLocation?) HostCheck(YamlNode context, List<ValidationNode> validations, Model.SourceLocation? autoSanValidation)
    {
        static bool Listed(YamlNode n) => n.Items().Any();
        if (Setting(validations, Listed, "match_typed_subject_alt_names", "match_subject_alt_names", "verify_subject_alt_name") is { } matchers)
            return (true, matchers);
        if (context.Get("auto_sni_san_validation") is { } auto && IsTrue(auto)) return (true, source.At(auto.Line()));
        if (autoSanValidation is not null) return (true, autoSanValidation);
        if (Setting(validations, Listed, "verify_certificate_hash", "verify_certificate_spki") is not null) return (null, null);
        return (false, validations.Count > 0 ? validations[^1].At : null);
    }

    /// <summary>An Envoy DataSource: `filename` (a file), `inline_string` (PEM written in the bootstrap, linted in place).</summary>
    private FileReference? Data(ConfigSource from, YamlNode? data, string field, string service)
    {
        if (data.Get("filename") is YamlScalarNode { Value: { Length: > 0 } path } file)
            return UsagePaths.Reference(path, from.At(file.Line()), field, from.Directory);
        return data.Get("inline_string") is YamlScalarNode { Value: { Length: > 0 } text } inline
            ? EmbeddedPem.Embed(from, result, EmbeddedPem.Utf8(text), inline, encoded: false, $"{service} {field}", field, $"{field} inline_string")
            : null;
    }

    /// <summary>A JSON or YAML true, or a BoolValue wrapper `{ value: true }`.</summary>
    internal static bool IsTrue(YamlNode? node) => (node.Text() ?? node.Text("value"))?.ToLowerInvariant() is "true";

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
