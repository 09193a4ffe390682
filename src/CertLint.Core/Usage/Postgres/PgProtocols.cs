namespace CertLint.Usage.Postgres;

/// <summary>
/// `ssl_min_protocol_version` (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; default TLSv1.2 since PostgreSQL 13, in the server and
/// in libpq) and `ssl_max_protocol_version` (empty: no limit). Null when neither is set: PostgreSQL's default applies.
/// Another value is a parse issue at its line (the server does not start, libpq refuses to connect).
/// </summary>
internal static class PgProtocols
{
    public static ProtocolSetting? Of(Func<string, IniValue?> get, ConfigReadResult result)
    {
        (TlsVersion Version, IniValue At)? Version(string name)
        {
            if (get(name) is not { Value.Length: > 0 } s) return null;
            if (s.Value.StartsWith("TLSv1", StringComparison.OrdinalIgnoreCase) && TlsVersions.Parse(s.Value) is { } v and >= TlsVersion.Tls10) return (v, s);
            result.Error(s.At, $"invalid value for {name}: TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 expected");
            return null;
        }
        var min = Version("ssl_min_protocol_version");
        var max = Version("ssl_max_protocol_version");
        if ((min ?? max) is not { } first) return null;
        var directive = min is null ? "ssl_max_protocol_version" : "ssl_min_protocol_version";
        return new ProtocolSetting(TlsVersions.Range(min?.Version ?? TlsVersion.Tls12, max?.Version), first.At.At, directive);
    }
}
