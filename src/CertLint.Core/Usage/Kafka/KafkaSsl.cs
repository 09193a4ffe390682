using System.Text;
using CertLint.Model;
using CertLint.Usage.Kubernetes;
using CertLint.Usage.Spring;

namespace CertLint.Usage.Kafka;

/// <summary>
/// The `ssl.*` settings one connection uses: a listener's `listener.name.NAME.ssl.*` where set, else the plain
/// `ssl.*` (Kafka's per-listener override). Turns them into a usage's files, protocols and literal passwords. A
/// keystore (JKS, PKCS12, or a PEM file with ssl.keystore.type=PEM) holds certificate and key; PEM written into the
/// file (ssl.keystore.certificate.chain, ssl.keystore.key, ssl.truststore.certificates) is parsed in place, once per
/// property however many listeners share it.
/// </summary>
internal sealed class KafkaSsl(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result)
{
    private static readonly string[] Passwords = ["ssl.keystore.password", "ssl.key.password", "ssl.truststore.password"];

    private readonly Dictionary<SpringProperty, FileReference?> _references = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SpringProperty> _checked = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<SpringProperty> _secretsTold = new(ReferenceEqualityComparer.Instance);

    public ConfigSource Source => source;

    /// <summary>A setting for a listener (canonical name; null for a client file): its prefixed form first.</summary>
    public SpringProperty? Get(string key, string? listener = null) =>
        (listener is null ? null : Plain($"listener.name.{listener}.{key}")) ?? Plain(key);

    /// <summary>A setting without listener prefix.</summary>
    public SpringProperty? Plain(string key) => properties.GetValueOrDefault(SpringProperties.Canonical(key));

    /// <summary>
    /// ssl.client.auth of a listener: required, requested or none (the default). A SASL_SSL listener takes only its
    /// listener-prefixed setting: Kafka ignores the broker-wide one there (KIP-684).
    /// </summary>
    public (string Value, SpringProperty? At) ClientAuth(KafkaListener listener)
    {
        var setting = listener.Protocol == "SASL_SSL" ? Plain($"listener.name.{listener.Name}.ssl.client.auth") : Get("ssl.client.auth", listener.Name);
        var value = setting?.Value.ToLowerInvariant() ?? "none";
        if (value is "required" or "requested" or "none") return (value, setting);
        if (_checked.Add(setting!)) result.Error(source.At(setting!.Line), "invalid ssl.client.auth: required, requested or none expected");
        return ("none", setting);
    }

    /// <summary>
    /// A usage skeleton for one connection: keystore or PEM chain and key, truststore or trusted PEM certificates,
    /// ssl.enabled.protocols, and the passwords written literally (by key and line, never the value), each with the first
    /// usage only: one line in the repository is one finding, however many listeners share it.
    /// </summary>
    public TlsUsage Usage(string? listener, SourceLocation at, string service, UsageRole role)
    {
        var store = Reference(Get("ssl.keystore.location", listener));
        var client = role == UsageRole.Client;
        var (verifyHost, verifyHostAt) = client ? EndpointIdentification(listener) : (false, null);
        return new TlsUsage
        {
            Format = KafkaReader.Name,
            Location = at,
            Service = service,
            Role = role,
            Certificate = Reference(Get("ssl.keystore.certificate.chain", listener)) ?? store,
            Key = Reference(Get("ssl.keystore.key", listener)) ?? store,
            CaFiles = new[] { Reference(Get("ssl.truststore.location", listener)), Reference(Get("ssl.truststore.certificates", listener)) }
                .OfType<FileReference>().ToList(),
            Protocols = Protocols(Get("ssl.enabled.protocols", listener)),
            // A client: JSSE always verifies the chain (the truststore, else the JDK's cacerts); the endpoint algorithm
            // only adds the name. A server's client verification is its listener's ssl.client.auth.
            VerifyPeer = client ? true : null,
            VerifyHost = client ? verifyHost : null,
            VerifyHostAt = client ? verifyHostAt : null,
            LiteralSecrets = [.. Passwords.Select(p => Get(p, listener)).OfType<SpringProperty>()
                .Where(p => LiteralSecret.IsLiteral(p.Value) && _secretsTold.Add(p)).OrderBy(p => p.Line).Select(p => new LiteralSecret(source.At(p.Line), p.Written))],
        };
    }

    /// <summary>
    /// Whether a client verifies the server's host name: ssl.endpoint.identification.algorithm is https by default
    /// (Kafka 2.0, KIP-294); an empty value turns it off, and any certificate the truststore's CAs issued is accepted.
    /// </summary>
    private (bool Verify, SourceLocation? At) EndpointIdentification(string? listener)
    {
        var setting = Get("ssl.endpoint.identification.algorithm", listener);
        return (setting is null || setting.Value.Length > 0, setting is null ? null : source.At(setting.Line));
    }

    /// <summary>A file path, or PEM text written into the property; null for an unset, empty or ${provider:...} value.</summary>
    private FileReference? Reference(SpringProperty? property)
    {
        if (property is null) return null;
        if (_references.TryGetValue(property, out var known)) return known;
        var value = property.Value.Trim();
        var at = source.At(property.Line);
        FileReference? reference = null;
        if (value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            var parsed = EmbeddedPem.Parse(source, Encoding.UTF8.GetBytes(Pem(value)), new LineSpan(property.Line, property.Line), encoded: true,
                $"{property.Written} in {source.File.RelativePath}");
            result.Embedded.Add(parsed);
            reference = new FileReference(property.Written, at, property.Written) { Embedded = parsed };
        }
        else if (value.Length > 0 && !value.Contains("${", StringComparison.Ordinal))
        {
            reference = property.Key.EndsWith("location", StringComparison.Ordinal)
                ? UsagePaths.Reference(value, at, property.Written, source.Directory)
                : Unreadable(property);
        }
        _references[property] = reference;
        return reference;
    }

    private FileReference? Unreadable(SpringProperty property)
    {
        result.Error(source.At(property.Line), $"{ConfigWords.Safe(property.Written)} holds no PEM block: Kafka reads PEM text here, not a file name");
        return null;
    }

    /// <summary>
    /// PEM blocks as the properties file leaves them (continuation lines joined, so each body is one line of base64
    /// and spaces) rewritten one block after another with 64-character lines. Linear: one IndexOf pass per block.
    /// </summary>
    private static string Pem(string value)
    {
        var pem = new StringBuilder();
        for (var i = value.IndexOf("-----BEGIN ", StringComparison.Ordinal); i >= 0; i = value.IndexOf("-----BEGIN ", i, StringComparison.Ordinal))
        {
            var labelEnd = value.IndexOf("-----", i + 11, StringComparison.Ordinal);
            if (labelEnd < 0) break;
            var label = value[(i + 11)..labelEnd];
            var end = value.IndexOf($"-----END {label}-----", labelEnd + 5, StringComparison.Ordinal);
            if (end < 0) break;
            var body = new string([.. value.AsSpan(labelEnd + 5, end - labelEnd - 5).ToArray().Where(c => !char.IsWhiteSpace(c) && c != '\\')]);
            pem.Append("-----BEGIN ").Append(label).Append("-----\n");
            for (var j = 0; j < body.Length; j += 64) pem.Append(body, j, Math.Min(64, body.Length - j)).Append('\n');
            pem.Append("-----END ").Append(label).Append("-----\n");
            i = end + label.Length + 14;
        }
        // A broken block is left to the PEM parser, which reports it at the property's line.
        return pem.Length > 0 ? pem.ToString() : value;
    }

    /// <summary>ssl.enabled.protocols, comma-separated (TLSv1.2,TLSv1.3 by default); an unknown name is an issue at its line.</summary>
    private ProtocolSetting? Protocols(SpringProperty? property)
    {
        if (property is null) return null;
        var versions = new List<TlsVersion>();
        foreach (var word in property.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TlsVersions.Parse(word) is { } v) versions.Add(v);
            else
            {
                if (_checked.Add(property)) result.Error(source.At(property.Line), "invalid ssl.enabled.protocols: TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 expected");
                return null;
            }
        }
        return new ProtocolSetting([.. versions.Distinct().Order()], source.At(property.Line), property.Written);
    }
}
