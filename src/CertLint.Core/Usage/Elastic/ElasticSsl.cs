using CertLint.Model;
using CertLint.Usage.Kubernetes;
using CertLint.Usage.Spring;

namespace CertLint.Usage.Elastic;

/// <summary>
/// One block of the Elastic Stack's SSL settings (<c>xpack.security.http.ssl.</c>, <c>server.ssl.</c>,
/// <c>output.elasticsearch.ssl.</c>...). Elasticsearch and Beats spell them in snake case, Kibana in camel case; read
/// through <see cref="SpringProperties"/>, whose canonical keys drop '_' and case, both are one name here
/// (certificate_authorities = certificateAuthorities). Values are paths, or PEM written in (Beats and Kibana accept
/// both); a list is comma-joined by the flattening.
/// </summary>
internal sealed class ElasticSsl(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result, string prefix)
{
    /// <summary>Passwords Elasticsearch (before 8.0), Kibana and Beats read from the file itself.</summary>
    private static readonly string[] Passwords = ["key_passphrase", "keystore.password", "keystore.key_password", "truststore.password"];

    public SpringProperty? Get(string key) => properties.GetValueOrDefault(SpringProperties.Canonical(prefix + key));

    /// <summary>Whether the block says anything (a Beats output without an ssl section uses TLS only for https:// hosts).</summary>
    public bool Present => properties.Keys.Any(k => k.StartsWith(SpringProperties.Canonical(prefix), StringComparison.Ordinal));

    /// <summary>enabled: true or false as written, null when unset; another value is an issue at its line.</summary>
    public bool? Enabled()
    {
        var setting = Get("enabled");
        switch (setting?.Value.ToLowerInvariant())
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                result.Error(source.At(setting.Line), $"{ConfigWords.Safe(setting.Written)} must be true or false");
                return null;
        }
    }

    /// <summary>
    /// The usage's files, versions and literal passwords: certificate and key (or the keystore, which holds both),
    /// certificate_authorities and the truststore.
    /// </summary>
    public TlsUsage Usage(string format, SourceLocation at, string service, UsageRole role)
    {
        var store = Reference(Get("keystore.path"), path: true);
        return new TlsUsage
        {
            Format = format,
            Location = at,
            Service = service,
            Role = role,
            Certificate = Reference(Get("certificate")) ?? store,
            Key = Reference(Get("key")) ?? store,
            CaFiles = [.. List(Get("certificate_authorities")), .. new[] { Reference(Get("truststore.path"), path: true) }.OfType<FileReference>()],
            Protocols = Protocols(Get("supported_protocols")),
            LiteralSecrets = [.. Passwords.Select(Get).OfType<SpringProperty>().Where(p => LiteralSecret.IsLiteral(p.Value))
                .OrderBy(p => p.Line).Select(p => new LiteralSecret(source.At(p.Line), p.Written))],
        };
    }

    /// <summary>
    /// verification_mode (verificationMode): full (the default) and strict check the chain and the name, certificate
    /// the chain only, none nothing. Returns (verify chain, verify name, where); another value is an issue at its line
    /// and read as the default, as the product refuses to start and nothing weaker is implied.
    /// </summary>
    public (bool Chain, bool Name, SourceLocation? At) Verification()
    {
        var setting = Get("verification_mode");
        var at = setting is null ? null : source.At(setting.Line);
        switch (setting?.Value.ToLowerInvariant())
        {
            case null or "full" or "strict": return (true, true, at);
            case "certificate": return (true, false, at);
            case "none": return (false, false, at);
            default:
                result.Error(at!, $"invalid {ConfigWords.Safe(setting.Written)}: full, strict, certificate or none expected");
                return (true, true, at);
        }
    }

    /// <summary>client_authentication (clientAuthentication): none, optional or required; null when unset.</summary>
    public (string? Value, SourceLocation? At) ClientAuthentication()
    {
        var setting = Get("client_authentication");
        if (setting is null) return (null, null);
        var value = setting.Value.ToLowerInvariant();
        if (value is "none" or "optional" or "required") return (value, source.At(setting.Line));
        result.Error(source.At(setting.Line), $"invalid {ConfigWords.Safe(setting.Written)}: none, optional or required expected");
        return (null, source.At(setting.Line));
    }

    /// <summary>Paths of a list setting, or the PEM written into it.</summary>
    private List<FileReference> List(SpringProperty? property)
    {
        if (property is null) return [];
        if (property.Value.Contains("-----BEGIN", StringComparison.Ordinal)) return Reference(property) is { } pem ? [pem] : [];
        return [.. property.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Contains("${", StringComparison.Ordinal))
            .Select(p => UsagePaths.Reference(p, source.At(property.Line), property.Written, source.Directory))];
    }

    /// <summary>A path, or PEM text (not for keystores); null when unset, empty or an environment placeholder.</summary>
    private FileReference? Reference(SpringProperty? property, bool path = false)
    {
        if (property is null) return null;
        var value = property.Value.Trim();
        if (value.Length == 0 || value.Contains("${", StringComparison.Ordinal)) return null;
        if (path || !value.Contains("-----BEGIN", StringComparison.Ordinal)) return UsagePaths.Reference(value, source.At(property.Line), property.Written, source.Directory);
        var parsed = EmbeddedPem.Parse(source, EmbeddedPem.Utf8(value), new LineSpan(property.Line, property.Line), encoded: false,
            $"{property.Written} in {source.File.RelativePath}");
        result.Embedded.Add(parsed);
        return new FileReference(property.Written, source.At(property.Line), property.Written) { Embedded = parsed };
    }

    /// <summary>supported_protocols: TLSv1 (TLSv1.0), TLSv1.1, TLSv1.2, TLSv1.3, as the JDK and Go name them.</summary>
    private ProtocolSetting? Protocols(SpringProperty? property)
    {
        if (property is null) return null;
        var versions = new List<TlsVersion>();
        foreach (var word in property.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("TLSv", StringComparison.Ordinal) && TlsVersions.Parse(word) is { } v) versions.Add(v);
            else
            {
                result.Error(source.At(property.Line), $"invalid {ConfigWords.Safe(property.Written)}: TLSv1.0 (TLSv1), TLSv1.1, TLSv1.2 or TLSv1.3 expected");
                return null;
            }
        }
        return versions.Count == 0 ? null : new ProtocolSetting([.. versions.Distinct().Order()], source.At(property.Line), property.Written);
    }
}
