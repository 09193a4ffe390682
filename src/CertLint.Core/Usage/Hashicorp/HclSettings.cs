using CertLint.Model;

namespace CertLint.Usage.Hashicorp;

/// <summary>
/// The TLS settings of one HCL body (a Vault listener, Consul's tls.defaults, Nomad's tls block) read as HashiCorp's
/// agents read them. <paramref name="prefix"/> names the body in directives ("tls.defaults."), so a conclusion says
/// which key it came from. Values are never echoed: a value that is not what the product accepts is an error naming the key.
/// </summary>
internal sealed class HclSettings(HclBody body, ConfigSource source, ConfigReadResult result, string prefix)
{
    /// <summary>The words of HashiCorp's tlsutil.TLSLookup, which Vault, Nomad and (before 1.12) Consul accept.</summary>
    public const string TlsutilWords = "tls10, tls11, tls12 or tls13";

    public static TlsVersion? TlsutilVersion(string text) => text switch
    {
        "tls10" => TlsVersion.Tls10,
        "tls11" => TlsVersion.Tls11,
        "tls12" => TlsVersion.Tls12,
        "tls13" => TlsVersion.Tls13,
        _ => null,
    };

    public HclAttribute? Get(string key) => body.Attribute(key);

    public SourceLocation? At(string key) => Get(key) is { } a ? source.At(a.Line) : null;

    /// <summary>
    /// A file a key names, resolved against the configuration's folder; null when unset, empty, or written with a
    /// template (<c>${…}</c>, consul-template's <c>{{ … }}</c>, <c>$VAR</c>): the deployment's path, not one CertLint can name.
    /// </summary>
    public FileReference? File(string key)
    {
        if (Get(key) is not { } a || a.Value.Literal is not { } path) return null;
        path = path.Trim();
        if (path.Length == 0 || path.Contains("{{", StringComparison.Ordinal) || path.Contains('$')) return null;
        return UsagePaths.Reference(path, source.At(a.Line), prefix + key, source.Directory);
    }

    /// <summary>
    /// A boolean as Go's strconv.ParseBool (which HashiCorp's HCL 1 decoding applies to strings and numbers) reads it:
    /// true, "true", 1, "1", "t"… and their false forms; null when unset or templated; another value is an error
    /// (the agent refuses to start) and null.
    /// </summary>
    public bool? Bool(string key)
    {
        if (Get(key) is not { } a) return null;
        if (a.Value.Kind is HclValueKind.Expression || a.Value.Interpolated) return null;
        switch (a.Value.Literal)
        {
            case "true" or "1" or "t" or "T" or "TRUE" or "True": return true;
            case "false" or "0" or "f" or "F" or "FALSE" or "False": return false;
            default:
                result.Error(source.At(a.Line), $"{prefix}{ConfigWords.Safe(key)} must be true or false");
                return null;
        }
    }

    /// <summary>A literal string (or number) value; null when unset or templated.</summary>
    public string? Text(string key) => Get(key)?.Value.Literal;

    /// <summary>
    /// The name Consul and Nomad agents check a server's certificate for with verify_server_hostname:
    /// server.DATACENTER.DOMAIN (Consul; domain "consul" unless set) or server.REGION.nomad, from the agent's top-level
    /// settings (these), lower-cased; null when the datacenter or domain is an interpolation, which only the agent resolves.
    /// </summary>
    public string? ServerName(string scopeKey, string scopeDefault, string domainDefault, string? domainKey = null)
    {
        string? Setting(string? key, string fallback) =>
            key is null || Get(key) is null ? fallback : Text(key) is { Length: > 0 } text ? text.TrimEnd('.') : null;
        if (Setting(scopeKey, scopeDefault) is not { } scope || Setting(domainKey, domainDefault) is not { } domain) return null;
        var name = $"server.{scope}.{domain}".ToLowerInvariant();
        return name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? name : null;
    }

    /// <summary>A TLS version key: its version, or null when unset or templated; a value <paramref name="parse"/> refuses is an error.</summary>
    public TlsVersion? Version(string key, Func<string, TlsVersion?> parse, string expected)
    {
        if (Get(key) is not { } a || a.Value.Literal is not { } text) return null;
        if (parse(text) is { } version) return version;
        result.Error(source.At(a.Line), $"invalid {prefix}{ConfigWords.Safe(key)}: {expected} expected");
        return null;
    }

    public string Directive(string key) => prefix + key;
}
