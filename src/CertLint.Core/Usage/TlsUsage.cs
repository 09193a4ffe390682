using CertLint.Model;

namespace CertLint.Usage;

/// <summary>What a configuration makes of a certificate: serve it (server), present it (client).</summary>
public enum UsageRole
{
    Server,
    Client,
    /// <summary>The configuration holds the certificate but does not say how it is used (a Secret no Ingress names).</summary>
    Unknown,
}

/// <summary>
/// A file a configuration names, where it names it (file:line and the directive or key), and what it resolved to:
/// a scanned file, an object embedded in the configuration itself (a Kubernetes Secret), or nothing.
/// </summary>
public sealed record FileReference(string Path, SourceLocation At, string Directive)
{
    /// <summary>The absolute path in the scan this reference resolved to, or null (see <see cref="UsageLinker"/>).</summary>
    public string? ResolvedFullPath { get; init; }

    /// <summary>Objects embedded in the configuration file (Secret data), linted in place; null for ordinary file references.</summary>
    public ParsedFile? Embedded { get; init; }

    /// <summary>True when the configuration names an absolute deployment path (/etc/nginx/tls.crt) rather than a repository file.</summary>
    public bool IsAbsolute => UsagePaths.IsAbsolute(Path);

    /// <summary>"nginx/nginx.conf:14 ssl_certificate": where a conclusion drawn from this reference came from.</summary>
    public string Source => $"{At.File.RelativePath}:{At.StartLine} {Directive}";
}

/// <summary>
/// A secret written into the configuration itself (a private-key or keystore password), by where and under which key:
/// never its value, which CertLint neither keeps nor uses (passwords come from environment variables only).
/// <see cref="Protects"/> names what the password opens when it is not the usage's key (a MySQL account's login).
/// </summary>
public sealed record LiteralSecret(SourceLocation At, string Directive, string? Protects = null)
{
    public string Source => $"{At.File.RelativePath}:{At.StartLine} {Directive}";

    /// <summary>
    /// Whether a configured password is a real literal: not empty, and not a placeholder a pipeline or the host
    /// substitutes (${VAR}, $(VAR), #{VAR}#, {{VAR}}, __VAR__, %VAR%, $VAR$) or a documentation stand-in (&lt;password&gt;).
    /// </summary>
    public static bool IsLiteral(string value)
    {
        var v = value.Trim().Trim('"', '\'');
        if (v.Length == 0) return false;
        if (v.Contains("${", StringComparison.Ordinal) || v.Contains("$(", StringComparison.Ordinal) || v.Contains("#{", StringComparison.Ordinal)
            || v.Contains("{{", StringComparison.Ordinal)) return false;
        return !(v.Length > 4 && v.StartsWith("__", StringComparison.Ordinal) && v.EndsWith("__", StringComparison.Ordinal))
               && !(v.Length > 2 && v[0] is '%' or '$' && v[^1] == v[0])
               && !(v.Length > 2 && v[0] == '<' && v[^1] == '>');
    }
}

/// <summary>The protocol versions a configuration allows, and where it says so.</summary>
public sealed record ProtocolSetting(IReadOnlyList<TlsVersion> Allowed, SourceLocation At, string Directive);

/// <summary>
/// One TLS endpoint or client a configuration describes: the server block, the Secret, the IRIS SSL configuration.
/// Immutable; readers make them, <see cref="UsageLinker"/> resolves their references, rules read them.
/// </summary>
public sealed record TlsUsage
{
    /// <summary>Reader that found it: nginx, apache, haproxy, kestrel, kubernetes, compose, iris, spring, postgresql, redis, envoy, mysql, mongodb, kafka, rabbitmq, mosquitto, openvpn, traefik, elastic, caddy, prometheus, vault, consul, nomad, tomcat, etcd, docker.</summary>
    public required string Format { get; init; }
    /// <summary>Where the block, resource or configuration starts.</summary>
    public required SourceLocation Location { get; init; }
    /// <summary>Readable name: "server www.example.test:443", "Secret default/web-tls", "IRIS SSL config MyServer".</summary>
    public required string Service { get; init; }
    public required UsageRole Role { get; init; }
    public FileReference? Certificate { get; init; }
    public FileReference? Key { get; init; }
    /// <summary>Intermediates served with the certificate (Apache SSLCertificateChainFile).</summary>
    public FileReference? Chain { get; init; }
    /// <summary>The CA files that verify the peer (client CA on a server, server CA on a client).</summary>
    public IReadOnlyList<FileReference> CaFiles { get; init; } = [];
    /// <summary>Revocation lists the peer is checked against (Apache SSLCARevocationFile/Path, HAProxy crl-file): existence checked.</summary>
    public IReadOnlyList<FileReference> CrlFiles { get; init; } = [];
    /// <summary>
    /// Server: client certificates are verified, required or optional (nginx `optional`, Spring `want`, Kafka `requested`).
    /// Client: the server's certificate is verified. Null: the format does not say.
    /// </summary>
    public bool? VerifyPeer { get; init; }
    /// <summary>Where verification is switched on or off, or null when it is the format's default.</summary>
    public SourceLocation? VerifyAt { get; init; }
    /// <summary>
    /// Server: clients are asked for a certificate, verified or not (nginx and Apache optional_no_ca, Envoy
    /// ACCEPT_UNTRUSTED): with <see cref="VerifyPeer"/> false, whatever certificate a client sends is accepted.
    /// Null for clients and where the format does not say.
    /// </summary>
    public bool? RequestsClientCertificate { get; init; }
    /// <summary>
    /// Client: the server's host name is checked against its certificate (MySQL VERIFY_IDENTITY, libpq verify-full).
    /// False where the chain is verified but the name is not (VERIFY_CA, verify-ca, Kafka's empty
    /// ssl.endpoint.identification.algorithm, MongoDB allowInvalidHostnames, an Envoy cluster without SAN matchers). Null:
    /// servers, pinned or externally validated peers, and formats that do not say.
    /// </summary>
    public bool? VerifyHost { get; init; }
    /// <summary>Where host-name checking is set, or null when it is the format's default.</summary>
    public SourceLocation? VerifyHostAt { get; init; }
    public ProtocolSetting? Protocols { get; init; }
    /// <summary>
    /// A client's peer, when its configuration names it (nginx proxy_pass https://HOST, HAProxy server HOST:PORT): the
    /// host without port or brackets. Null for servers and for clients that do not say whom they connect to.
    /// </summary>
    public string? PeerHost { get; init; }
    /// <summary>Host names the endpoint answers for (nginx server_name, Ingress tls hosts, cert-manager dnsNames).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public SourceLocation? HostsAt { get; init; }
    /// <summary>
    /// Server: what anyone who reaches the endpoint gets when it verifies no client certificate, for services whose only
    /// authentication is the client certificate (the Docker daemon's API, etcd's peer port), as a phrase after "anyone
    /// who reaches it"; null for the others, which may authenticate clients in other ways (passwords, tokens).
    /// </summary>
    public string? OpenAccess { get; init; }
    /// <summary>Passwords written literally into the configuration (IRIS PrivateKeyPassword, Kestrel Password...).</summary>
    public IReadOnlyList<LiteralSecret> LiteralSecrets { get; init; } = [];
    /// <summary>Other format-specific settings worth a rule (cert-manager duration, usages), by name.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Every file reference of the usage, certificate first.</summary>
    public IEnumerable<FileReference> References =>
        new[] { Certificate, Key, Chain }.OfType<FileReference>().Concat(CaFiles).Concat(CrlFiles);

    /// <summary>
    /// Stable identity: format, file, line and service (one line can stand for several usages: HAProxy `crt DIR`, one
    /// per certificate; a Kestrel endpoint in the base file and in an environment's view).
    /// </summary>
    public string Id => $"usage:{Format}:{Location.File.RelativePath}:{Location.StartLine}:{Service}";

    public string Label => $"{Format} {Role.ToString().ToLowerInvariant()} {Service} ({Location.File.RelativePath}:{Location.StartLine})";
}
