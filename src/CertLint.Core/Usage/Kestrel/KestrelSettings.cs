using System.Globalization;

namespace CertLint.Usage.Kestrel;

/// <summary>
/// Kestrel's TLS settings as its ConfigurationReader parses them: SslProtocols is a list of
/// System.Security.Authentication.SslProtocols names (or numbers) OR-ed together; ClientCertificateMode is one of
/// NoCertificate, AllowCertificate, RequireCertificate, DelayCertificate. Kestrel silently ignores a value it cannot
/// parse; CertLint reports it, because the setting then does not do what it says.
/// </summary>
internal static class KestrelSettings
{
    public static readonly string[] ClientCertificateModes = ["NoCertificate", "AllowCertificate", "RequireCertificate", "DelayCertificate"];

    /// <summary>The SslProtocols flags (their .NET values) and the versions they stand for.</summary>
    private static readonly (string Name, int Flag, TlsVersion[] Versions)[] Protocols =
    [
        ("Ssl2", 12, [TlsVersion.Ssl2]),
        ("Ssl3", 48, [TlsVersion.Ssl3]),
        ("Tls", 192, [TlsVersion.Tls10]),
        ("Default", 240, [TlsVersion.Ssl3, TlsVersion.Tls10]),
        ("Tls11", 768, [TlsVersion.Tls11]),
        ("Tls12", 3072, [TlsVersion.Tls12]),
        ("Tls13", 12288, [TlsVersion.Tls13]),
        ("None", 0, []),
    ];

    /// <summary>
    /// The versions an SslProtocols list allows; null when it leaves the choice to the operating system (None only, or
    /// empty). <paramref name="bad"/> lists the values that are not SslProtocols names.
    /// </summary>
    public static IReadOnlyList<TlsVersion>? SslProtocols(JsonTree node, List<JsonTree> bad)
    {
        IEnumerable<JsonTree> values = node.Items ?? (node.Value is not null ? [node] : []);
        var allowed = new SortedSet<TlsVersion>();
        foreach (var value in values)
        {
            var text = value.Value?.Trim() ?? "";
            var named = Protocols.FirstOrDefault(p => p.Name.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (named.Name is not null)
            {
                allowed.UnionWith(named.Versions);
                continue;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var flags) && (flags & ~(12 | 48 | 192 | 768 | 3072 | 12288)) == 0)
            {
                foreach (var p in Protocols.Where(p => p.Name != "Default" && p.Flag != 0 && (flags & p.Flag) != 0)) allowed.UnionWith(p.Versions);
                continue;
            }
            bad.Add(value);
        }
        return allowed.Count == 0 ? null : [.. allowed];
    }
}
