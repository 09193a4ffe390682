namespace CertLint.Usage.Apache;

/// <summary>
/// SSLProtocol / SSLProxyProtocol as mod_ssl computes them: words apply left to right from the empty set; +P adds,
/// -P removes, a bare P replaces the set; `all` is SSLv3 and every TLS version (httpd 2.4 with OpenSSL 1.1.1+).
/// Unset is null: httpd's default (all -SSLv3) is left to the default-aware rules.
/// </summary>
internal static class ApacheProtocols
{
    public static ProtocolSetting? Parse(ApacheDirective? d)
    {
        if (d is null) return null;
        var set = new HashSet<TlsVersion>();
        foreach (var word in d.Args)
        {
            var sign = word[0] is '+' or '-' ? word[0] : '\0';
            var name = sign == '\0' ? word : word[1..];
            IReadOnlyList<TlsVersion> versions = name.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? [TlsVersion.Ssl3, TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13]
                : TlsVersions.Parse(name) is { } v ? [v] : [];
            if (versions.Count == 0) continue;
            if (sign == '-') set.ExceptWith(versions);
            else if (sign == '+') set.UnionWith(versions);
            else
            {
                set.Clear();
                set.UnionWith(versions);
            }
        }
        return new ProtocolSetting([.. set.Order()], d.At, ApacheReader.Canonical(d.Name));
    }
}
