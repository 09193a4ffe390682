using CertLint.Model;

namespace CertLint.Usage.Haproxy;

/// <summary>
/// The versions a bind or server line allows: ssl-min-ver / ssl-max-ver bound the range, force-tlsvXX pins one,
/// no-sslv3 / no-tlsv10 / no-tlsv11 / no-tlsv12 / no-tlsv13 remove one (without ssl-min-ver the range starts at SSLv3,
/// as HAProxy before 2.2 did). Null when the line sets none of them: HAProxy's default (TLSv1.2 and up) applies.
/// </summary>
internal static class HaproxyProtocols
{
    public static ProtocolSetting? Of(IReadOnlyList<string> args, HaproxyLine? line, string directive)
    {
        if (line is null) return null;
        TlsVersion? min = null, max = null, forced = null;
        var removed = new HashSet<TlsVersion>();
        var any = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i].ToLowerInvariant();
            if (a is "ssl-min-ver" or "ssl-max-ver" && i + 1 < args.Count && TlsVersions.Parse(args[i + 1]) is { } v)
            {
                if (a == "ssl-min-ver") min = v;
                else max = v;
                any = true;
                i++;
            }
            else if (a.StartsWith("no-", StringComparison.Ordinal) && Version(a[3..]) is { } no)
            {
                removed.Add(no);
                any = true;
            }
            else if (a.StartsWith("force-", StringComparison.Ordinal) && Version(a[6..]) is { } f)
            {
                forced = f;
                any = true;
            }
        }
        if (!any) return null;
        IReadOnlyList<TlsVersion> allowed = forced is { } one ? [one]
            : [.. TlsVersions.Range(min ?? TlsVersion.Ssl3, max).Where(v => !removed.Contains(v))];
        return new ProtocolSetting(allowed, line.At, directive);
    }

    /// <summary>sslv3, tlsv10, tlsv11, tlsv12, tlsv13 as the no-/force- options spell them.</summary>
    private static TlsVersion? Version(string name) => name switch
    {
        "sslv3" => TlsVersion.Ssl3,
        "tlsv10" => TlsVersion.Tls10,
        "tlsv11" => TlsVersion.Tls11,
        "tlsv12" => TlsVersion.Tls12,
        "tlsv13" => TlsVersion.Tls13,
        _ => null,
    };
}
