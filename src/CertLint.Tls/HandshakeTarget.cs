using System.Globalization;
using CertLint.Engine;

namespace CertLint.Tls;

/// <summary>Parses HOST:PORT, [IPv6]:PORT or HOST (port 443).</summary>
public static class HandshakeTarget
{
    public static (string Host, int Port) Parse(string target)
    {
        var text = target.Trim();
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0) throw Bad(target);
            host = text[1..close];
            if (close + 1 < text.Length)
            {
                if (text[close + 1] != ':') throw Bad(target);
                port = text[(close + 2)..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) != colon) return (text, 443); // bare IPv6
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }
        if (host.Length == 0) throw Bad(target);
        if (port is null) return (host, 443);
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535) throw Bad(target);
        return (host, p);
    }

    private static UserErrorException Bad(string target) =>
        new($"'{target}' is not HOST:PORT (e.g. api.example.com:443 or [::1]:8443).");
}
