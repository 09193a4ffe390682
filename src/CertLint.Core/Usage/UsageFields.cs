using CertLint.Findings;
using CertLint.Model;
using CertLint.Usage;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Fields of usage subjects (what a configuration says about a TLS server or client), so that rules about settings
/// are plain YAML assertions; and role.source on certificates, so a role-based finding says where its role came from.
/// </summary>
internal static class UsageFields
{
    private static readonly IReadOnlySet<SubjectKind> UsageKind = new HashSet<SubjectKind> { SubjectKind.Usage };

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Field("usage.format", T.String, "nginx, apache, haproxy, kestrel, kubernetes, compose, iris, spring, postgresql, redis, envoy, mysql, mongodb, kafka, rabbitmq, mosquitto, openvpn, traefik, caddy, elastic, prometheus, vault, consul, nomad, tomcat, etcd, docker", u => u.Format);
        yield return Field("usage.role", T.String, "server, client or unknown", u => UsageInventoryReport.Role(u.Role));
        yield return Field("usage.service", T.String, "The server block, resource or configuration name", u => u.Service);
        yield return Field("usage.source", T.String, "file:line of the block, resource or configuration", u => $"{u.Location.File.RelativePath}:{u.Location.StartLine}");
        yield return Field("usage.verifyPeer", T.Boolean,
            "Server: client certificates are verified (required or optional). Client: the server certificate is verified", u => u.VerifyPeer);
        yield return Field("usage.verify.source", T.String, "file:line and directive that sets peer verification, or the block when it is the default",
            u => SettingSource(u.VerifyAt, u));
        yield return Field("usage.requestsClientCertificate", T.Boolean,
            "Server: clients are asked for a certificate, whether or not it is then verified (nginx optional_no_ca, Envoy ACCEPT_UNTRUSTED)",
            u => u.RequestsClientCertificate);
        yield return Field("usage.openAccess", T.String,
            "Server whose only authentication is the client certificate (dockerd API, etcd peer port): what anyone who reaches it gets without one",
            u => u.OpenAccess);
        yield return Field("usage.verifyHost", T.Boolean,
            "Client: the server's host name is checked against its certificate; false where only the chain is (absent on servers and where the format does not say)", u => u.VerifyHost);
        yield return Field("usage.verifyHost.source", T.String, "file:line and directive that sets host-name checking, or the block when it is the default",
            u => u.VerifyHost is null ? null : SettingSource(u.VerifyHostAt, u));
        yield return Field("usage.protocols", T.List, "Protocol versions allowed (SSLv3, TLSv1.0 ... TLSv1.3); absent when the configuration leaves the default",
            u => u.Protocols is { } p ? p.Allowed.Select(TlsVersions.Name).ToList() : null);
        yield return Field("usage.protocols.weak", T.List, "Allowed protocol versions below TLS 1.2; absent when there are none",
            u => u.Protocols is { } p && p.Allowed.Where(v => v < TlsVersion.Tls12).Select(TlsVersions.Name).ToList() is { Count: > 0 } weak ? weak : null);
        yield return Field("usage.protocols.source", T.String, "file:line and directive that sets the protocols",
            u => u.Protocols is { } p ? $"{p.At.File.RelativePath}:{p.At.StartLine} {p.Directive}" : null);
        yield return Field("usage.hosts", T.List, "Host names the endpoint answers for", u => u.Hosts.Count > 0 ? u.Hosts : null);
        yield return Field("usage.peerHost", T.String, "The host a client connects to, when its configuration names it (nginx proxy_pass, HAProxy server)", u => u.PeerHost);
        yield return Field("usage.certificate", T.String, "The certificate path as written", u => u.Certificate?.Path);
        yield return Field("usage.key", T.String, "The private key path as written", u => u.Key?.Path);
        yield return Field("usage.certificate.store", T.String,
            "Where a certificate that is not a file comes from (Kestrel Subject/Store/Location, or none in configuration); absent for files",
            u => u.Settings.GetValueOrDefault("certificateStore"));
        yield return Field("usage.caFiles", T.List, "CA file paths as written", u => u.CaFiles.Count > 0 ? u.CaFiles.Select(c => c.Path).ToList() : null);
        // Where the configurations use the certificate: a finding about its fitness for the role also shows there
        // (a rule's `related:`; SARIF relatedLocations). One defect, one finding, on the certificate.
        yield return FieldCatalog.CertCtx("uses.client", T.Records,
            "Configuration lines presenting the certificate as a client certificate, and the servers requiring client certificates it is presented to: path, line, message",
            (c, ctx) => UsesOf(c, UsageRole.Client, ctx), RecordScopes.RelatedLocation);
        yield return FieldCatalog.CertCtx("uses.server", T.Records, "Configuration lines serving the certificate as a server certificate: path, line, message",
            (c, ctx) => UsesOf(c, UsageRole.Server, ctx), RecordScopes.RelatedLocation);
        yield return FieldCatalog.CertCtx("role.source", T.String,
            "Where the certificate's role came from: a configuration line, .certlint.yml roles or its path name",
            (c, ctx) => ctx.Inventory.RoleSourceOf(c) ?? "nothing (role unknown)");
    }

    private static FieldDefinition Field(string path, T type, string description, Func<TlsUsage, object?> get) =>
        new(path, type, UsageKind, description, (s, _) => s.Usage is { } u ? get(u) : null);

    private static List<RelatedLocation> UsesOf(Model.CertificateInfo cert, UsageRole role, EvaluationContext ctx) =>
        ctx.Inventory.Usages.Count > 0 ? Usage.Checks.UsageIndex.Of(ctx.Inventory).UsesOf(cert, role) : [];

    /// <summary>file:line of the setting, or the usage's own place marked (default) when the format's default holds.</summary>
    private static string SettingSource(SourceLocation? at, TlsUsage u) =>
        at is { } a ? $"{a.File.RelativePath}:{a.StartLine}" : $"{u.Location.File.RelativePath}:{u.Location.StartLine} (default)";
}
