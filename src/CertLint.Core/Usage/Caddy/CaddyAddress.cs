namespace CertLint.Usage.Caddy;

/// <summary>
/// A site address (caddyconfig/httpcaddyfile/addresses.go): <c>[scheme://][host][:port][/path]</c>, the host possibly a
/// wildcard (<c>*.example.com</c>), an IPv6 address in brackets, or a placeholder (<c>{$DOMAIN}</c>) only the
/// deployment's environment resolves.
/// </summary>
internal sealed record CaddyAddress(string Scheme, string Host, string Port)
{
    public static CaddyAddress Parse(string written)
    {
        var rest = written;
        var scheme = "";
        var sep = rest.IndexOf("://", StringComparison.Ordinal);
        if (sep >= 0)
        {
            scheme = rest[..sep].ToLowerInvariant();
            rest = rest[(sep + 3)..];
        }
        // A placeholder may hold '/' or ':' of its own: the whole address is then unknown.
        if (rest.Contains('{')) return new CaddyAddress(scheme, rest, "");
        var slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            if (close < 0) return new CaddyAddress(scheme, rest, "");
            var after = rest[(close + 1)..];
            return new CaddyAddress(scheme, rest[1..close], after.StartsWith(':') ? after[1..] : "");
        }
        var colon = rest.LastIndexOf(':');
        return colon < 0 ? new CaddyAddress(scheme, rest, "") : new CaddyAddress(scheme, rest[..colon], rest[(colon + 1)..]);
    }

    /// <summary>
    /// Whether the site is served over TLS at this address: not when its scheme is http:// or its port is the HTTP port
    /// (80, or the global <c>http_port</c>); Caddy serves every other site address with TLS when the site configures it.
    /// </summary>
    public bool ServesTls(string httpPort) => Scheme != "http" && Port != httpPort;

    /// <summary>The host name to check against the served certificate: lower case, no trailing dot; null for none or a placeholder.</summary>
    public string? LiteralHost =>
        Host.Length == 0 || Host.Contains('{') || Host.Contains('$') || Host.Length > 253 ? null : Host.TrimEnd('.').ToLowerInvariant();
}
