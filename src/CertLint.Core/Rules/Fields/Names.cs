using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Fields;

/// <summary>Readable names for OIDs, key usages, key types and roles as rules spell them.</summary>
public static class Names
{
    public static readonly IReadOnlyDictionary<string, string> Eku = new Dictionary<string, string>
    {
        [Oids.ServerAuth] = "serverAuth",
        [Oids.ClientAuth] = "clientAuth",
        ["1.3.6.1.5.5.7.3.3"] = "codeSigning",
        ["1.3.6.1.5.5.7.3.4"] = "emailProtection",
        ["1.3.6.1.5.5.7.3.8"] = "timeStamping",
        ["1.3.6.1.5.5.7.3.9"] = "OCSPSigning",
        [Oids.AnyExtendedKeyUsage] = "anyExtendedKeyUsage",
    };

    /// <summary>DN attribute names as field paths use them, to OIDs (a view of the one table, <see cref="Parsing.DnAttributeNames"/>).</summary>
    public static IReadOnlyDictionary<string, string> DnAttributes => Parsing.DnAttributeNames.OidByField;

    /// <summary>A signature algorithm's name as OpenSSL prints it, or the OID.</summary>
    public static string SignatureName(string oid) => Parsing.OidNames.SignatureAlgorithms.TryGetValue(oid, out var known) ? known.Name : oid;

    public static string EkuName(string oid) => Eku.TryGetValue(oid, out var n) ? n : oid;

    /// <summary>Every key usage bit with its name, in bit order (Enum.GetValues and ToString allocated on every read).</summary>
    private static readonly (KeyUsageFlags Flag, string Name)[] KeyUsageNames =
        [.. Enum.GetValues<KeyUsageFlags>().Where(f => f != KeyUsageFlags.None).Select(f => (f, KeyUsageName(f)))];

    /// <summary>The name lists by bit combination (9 bits), made on first use: every certificate reads its key usages,
    /// and nearly all share one of a few combinations.</summary>
    private static readonly string[]?[] KeyUsageLists = new string[]?[1 << 9];

    public static IReadOnlyList<string> KeyUsages(KeyUsageFlags flags)
    {
        var index = (int)flags;
        if (index is < 0 or >= 1 << 9) return KeyUsageList(flags);
        return KeyUsageLists[index] ??= KeyUsageList(flags);
    }

    private static string[] KeyUsageList(KeyUsageFlags flags)
    {
        var list = new List<string>();
        foreach (var (flag, name) in KeyUsageNames)
        {
            if ((flags & flag) == flag) list.Add(name);
        }
        return [.. list];
    }

    private static string KeyUsageName(KeyUsageFlags f) => f switch
    {
        KeyUsageFlags.CrlSign => "cRLSign",
        _ => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..],
    };

    /// <summary>rsa, rsa-pss, ec, dsa, ed25519, ed448, x25519, x448, ml-dsa, slh-dsa, ml-kem, dh, unknown.</summary>
    public static string KeyType(KeyAlgorithm a) => a switch
    {
        KeyAlgorithm.RsaPss => "rsa-pss",
        KeyAlgorithm.MlDsa => "ml-dsa",
        KeyAlgorithm.SlhDsa => "slh-dsa",
        KeyAlgorithm.MlKem => "ml-kem",
        _ => a.ToString().ToLowerInvariant(),
    };

    /// <summary>"unknown", or the role's flags in the order client, server, email, comma-separated ("client,server").</summary>
    public static string Role(CertificateRole r) => r == CertificateRole.Unknown
        ? "unknown"
        : string.Join(',', RoleNames.Where(n => r.HasFlag(n.Role)).Select(n => n.Name));

    /// <summary>The roles `.certlint.yml roles` and a rule's `where.role` accept, as written there.</summary>
    public static readonly IReadOnlyList<(CertificateRole Role, string Name)> RoleNames =
        [(CertificateRole.Client, "client"), (CertificateRole.Server, "server"), (CertificateRole.Email, "email")];

    public static string Format(ObjectFormat f) => f.ToString().ToLowerInvariant();
}
