using CertLint.Configuration;
using System.Globalization;
using CertLint.Model;

namespace CertLint.Usage.Iris;

/// <summary>One property of an IRIS TLS configuration as written: its value and where.</summary>
internal readonly record struct IrisProperty(string Value, SourceLocation At);

/// <summary>
/// One InterSystems IRIS TLS configuration (the properties of Security.SSLConfigs, whichever file wrote them) made into a
/// <see cref="TlsUsage"/>. The meanings follow the Security.SSLConfigs class and the Management Portal's SSL/TLS
/// Configurations page: Type 0 client (the default), 1 server; VerifyPeer for a client 0 none, 1 require the server's
/// certificate; for a server 0 none, 1 request, 3 require a client certificate; TLSMinVersion / TLSMaxVersion (and the
/// older Protocols mask) are bits: 2 SSLv3, 4 TLSv1.0, 8 TLSv1.1, 16 TLSv1.2, 32 TLSv1.3. A password property is
/// recorded only as "written here", never its value.
/// </summary>
internal static class IrisConfig
{
    /// <summary>The key names the three formats use for the same property (SSLDefs.ini spells them differently).</summary>
    private static readonly string[] CertificateKeys = ["CertificateFile", "CertFile"];
    private static readonly string[] KeyKeys = ["PrivateKeyFile", "KeyFile"];
    private static readonly string[] CaKeys = ["CAFile"];
    private static readonly string[] PasswordKeys = ["PrivateKeyPassword", "Password"];

    public static Dictionary<string, IrisProperty> NewProperties() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Adds the usage for one configuration, or nothing when it is disabled (Enabled=0: IRIS does not activate it).
    /// <paramref name="client"/> forces the role (SSLDefs.ini holds client configurations only); null reads Type.
    /// </summary>
    public static void Add(ConfigSource source, ConfigReadResult result, IReadOnlyDictionary<string, IrisProperty> p,
        SourceLocation at, string name, string origin, bool? client)
    {
        if (Number(result, p, "Enabled", [0, 1], "0 (disabled) or 1 (enabled)") == 0) return;
        var type = Number(result, p, "Type", [0, 1], "0 (client) or 1 (server)");
        // ModifySSLConfig without Type on a configuration created elsewhere: the role is not known here.
        UsageRole role = client == true ? UsageRole.Client
            : type is { } t ? (t == 1 ? UsageRole.Server : UsageRole.Client)
            : client is null && origin.StartsWith("ModifySSLConfig", StringComparison.Ordinal) ? UsageRole.Unknown
            : UsageRole.Client;
        var verify = Number(result, p, "VerifyPeer", role == UsageRole.Server ? [0, 1, 3] : [0, 1],
            role == UsageRole.Server ? "0 (none), 1 (request) or 3 (require)" : "0 (none) or 1 (require)");
        var protocols = Protocols(result, p);
        var roleName = role == UsageRole.Unknown ? "" : UsageInventoryReport.Role(role) + " ";
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = name };
        if (verify is { } v) settings["VerifyPeer"] = v.ToString(CultureInfo.InvariantCulture);
        result.Usages.Add(new TlsUsage
        {
            Format = "iris",
            Location = at,
            Service = $"IRIS {roleName}TLS configuration {name}",
            Role = role,
            Certificate = Reference(source, p, CertificateKeys, origin),
            Key = Reference(source, p, KeyKeys, origin),
            CaFiles = Reference(source, p, CaKeys, origin) is { } ca ? [ca] : [],
            // A server verifies a client certificate it requests (1) or requires (3); VerifyPeer unset is IRIS's 0.
            VerifyPeer = role == UsageRole.Unknown && verify is null ? null : verify is 1 or 3,
            VerifyAt = p.TryGetValue("VerifyPeer", out var va) ? va.At : null,
            Protocols = protocols,
            LiteralSecrets = [.. PasswordKeys.Where(k => p.TryGetValue(k, out var pw) && LiteralSecret.IsLiteral(pw.Value))
                .Select(k => new LiteralSecret(p[k].At, $"{origin} {k}"))],
            Settings = settings,
        });
    }

    /// <summary>
    /// A file property as a reference. Relative paths resolve against the configuration's folder, else against the
    /// repository root when the file is there (client programs read SSLDefs.ini paths from their working folder).
    /// </summary>
    private static FileReference? Reference(ConfigSource source, IReadOnlyDictionary<string, IrisProperty> p, string[] keys, string origin)
    {
        foreach (var key in keys)
        {
            if (!p.TryGetValue(key, out var value) || value.Value.Length == 0) continue;
            var reference = UsagePaths.Reference(value.Value, value.At, $"{origin} {key}", source.Directory);
            if (reference.ResolvedFullPath is { } near && !File.Exists(near))
            {
                var fromRoot = Path.GetFullPath(reference.Path.Replace('\\', '/'), source.Root);
                if (ConfigConfinement.IsInside(fromRoot, source.Root) && File.Exists(fromRoot)) return reference with { ResolvedFullPath = fromRoot };
            }
            return reference;
        }
        return null;
    }

    /// <summary>TLSMinVersion / TLSMaxVersion, else the older Protocols mask; null when the configuration leaves IRIS's default.</summary>
    private static ProtocolSetting? Protocols(ConfigReadResult result, IReadOnlyDictionary<string, IrisProperty> p)
    {
        int[] bits = [2, 4, 8, 16, 32];
        const string Allowed = "2 (SSLv3), 4 (TLSv1.0), 8 (TLSv1.1), 16 (TLSv1.2) or 32 (TLSv1.3)";
        var min = Number(result, p, "TLSMinVersion", bits, Allowed);
        var max = Number(result, p, "TLSMaxVersion", bits, Allowed);
        if (min is not null || max is not null)
        {
            var at = p.TryGetValue("TLSMinVersion", out var m) ? m.At : p["TLSMaxVersion"].At;
            if (min > max) result.Error(at, "TLSMinVersion is above TLSMaxVersion: no protocol version is allowed");
            // An unset end is IRIS's default: 32 (TLSv1.3) above, 16 (TLSv1.2) below (or the maximum, when that is lower).
            // Sources: "Configuring TLS" (docs.intersystems.com ...DocBook.UI.Page.cls?KEY=GSA_config_tls: the Management
            // Portal's Minimum/Maximum Protocol Version fields) and the client pages that write SSLDefs.ini
            // (KEY=ROARS_tls_pythoncli, KEY=ROARS_tls_node: TLSMinVersion=16, TLSMaxVersion=32). The stored copies of
            // those pages end before the field defaults, so 16/32 is IRIS's documented recommendation, not a quoted
            // default; with neither end set the configuration is "left to IRIS's default" and no protocol rule fires.
            var high = max is { } hi ? Version(hi) : TlsVersion.Tls13;
            var low = min is { } lo ? Version(lo) : high < TlsVersion.Tls12 ? high : TlsVersion.Tls12;
            return new ProtocolSetting(TlsVersions.Range(low, high), at, min is null ? "TLSMaxVersion" : max is null ? "TLSMinVersion" : "TLSMinVersion/TLSMaxVersion");
        }
        if (!p.TryGetValue("Protocols", out var mask)) return null;
        if (!int.TryParse(mask.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var flags) || flags is <= 0 or > 63)
        {
            result.Error(mask.At, "Protocols is not a sum of 2 (SSLv3), 4 (TLSv1.0), 8 (TLSv1.1), 16 (TLSv1.2) and 32 (TLSv1.3)");
            return null;
        }
        return new ProtocolSetting([.. bits.Where(b => (flags & b) != 0).Select(Version)], mask.At, "Protocols");
    }

    private static TlsVersion Version(int bit) => bit switch
    {
        2 => TlsVersion.Ssl3,
        4 => TlsVersion.Tls10,
        8 => TlsVersion.Tls11,
        16 => TlsVersion.Tls12,
        _ => TlsVersion.Tls13,
    };

    /// <summary>An integer property that must be one of <paramref name="allowed"/>; a bad value is a finding at its line (never echoed).</summary>
    private static int? Number(ConfigReadResult result, IReadOnlyDictionary<string, IrisProperty> p, string key, int[] allowed, string meaning)
    {
        if (!p.TryGetValue(key, out var value) || value.Value.Length == 0) return null;
        if (int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && allowed.Contains(n)) return n;
        result.Error(value.At, $"{key} must be {meaning}");
        return null;
    }
}
