namespace CertLint.Usage;

/// <summary>SSL/TLS protocol versions, ordered; the names are the ones reports print.</summary>
public enum TlsVersion
{
    Ssl2 = 2,
    Ssl3 = 3,
    Tls10 = 10,
    Tls11 = 11,
    Tls12 = 12,
    Tls13 = 13,
}

public static class TlsVersions
{
    public static readonly IReadOnlyList<TlsVersion> All = Enum.GetValues<TlsVersion>();

    public static string Name(TlsVersion v) => v switch
    {
        TlsVersion.Ssl2 => "SSLv2",
        TlsVersion.Ssl3 => "SSLv3",
        TlsVersion.Tls10 => "TLSv1.0",
        TlsVersion.Tls11 => "TLSv1.1",
        TlsVersion.Tls12 => "TLSv1.2",
        _ => "TLSv1.3",
    };

    /// <summary>
    /// Parses the spellings configurations use: TLSv1.2, TLSv1_2, TLS1.2, tls12, Tls12 (.NET SslProtocols), 1.2, SSLv3.
    /// Null when the token is not a version.
    /// </summary>
    public static TlsVersion? Parse(string token)
    {
        var t = token.Trim().Trim('"', '\'').ToLowerInvariant().Replace("_", ".", StringComparison.Ordinal);
        if (t.StartsWith("sslv", StringComparison.Ordinal) || t.StartsWith("ssl", StringComparison.Ordinal))
        {
            return t.EndsWith('2') ? TlsVersion.Ssl2 : t.EndsWith('3') ? TlsVersion.Ssl3 : null;
        }
        if (t.StartsWith("tlsv", StringComparison.Ordinal)) t = t[4..];
        else if (t.StartsWith("tls", StringComparison.Ordinal)) t = t[3..];
        return t switch
        {
            "1" or "1.0" or "10" => TlsVersion.Tls10,
            "1.1" or "11" => TlsVersion.Tls11,
            "1.2" or "12" => TlsVersion.Tls12,
            "1.3" or "13" => TlsVersion.Tls13,
            _ => null,
        };
    }

    /// <summary>The versions a list of tokens names (nginx ssl_protocols, Spring enabled-protocols), each once, in order; other tokens skipped.</summary>
    public static IReadOnlyList<TlsVersion> Listed(IEnumerable<string> tokens) => [.. tokens.Select(Parse).OfType<TlsVersion>().Distinct().Order()];

    /// <summary>Versions from min to max inclusive (either end open).</summary>
    public static IReadOnlyList<TlsVersion> Range(TlsVersion? min, TlsVersion? max) =>
        [.. All.Where(v => (min is null || v >= min) && (max is null || v <= max))];
}
