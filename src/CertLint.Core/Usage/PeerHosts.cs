using System.Net;

namespace CertLint.Usage;

/// <summary>The host of a client's peer, as proxy configurations write it (HOST, HOST:PORT, [IPv6]:PORT).</summary>
public static class PeerHosts
{
    /// <summary>The host of an authority ("api.example.com:8443", "[::1]:443"); null when there is none.</summary>
    public static string? Of(string authority)
    {
        var at = authority.LastIndexOf('@');
        var text = at < 0 ? authority : authority[(at + 1)..];
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            return close > 1 ? text[1..close] : null;
        }
        var colon = text.IndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        // Not a host: a variable, a UNIX socket path (HAProxy "unix@/run/app.sock", "/run/app.sock").
        return host.Length == 0 || host.Contains('$') || host.Contains('/') ? null : host.TrimEnd('.');
    }

    /// <summary>
    /// The host of a URL or an authority ("https://es01.example.test:9200/path" → es01.example.test, "backend:8080" →
    /// backend): the scheme and the path are dropped, the rest is <see cref="Of"/>'s. Callers leave out values holding
    /// their format's placeholders first.
    /// </summary>
    public static string? OfUrl(string value)
    {
        var text = value.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        var slash = text.IndexOf('/');
        return Of(slash < 0 ? text : text[..slash]);
    }

    /// <summary>
    /// A domain name of several labels, not an address, localhost or a single label (an nginx upstream block, a
    /// container or service name): a name that, when no server of the repository answers it, is some other server.
    /// </summary>
    public static bool IsDomainName(string host) =>
        host.Contains('.') && !IPAddress.TryParse(host, out _) && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        && !host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
