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

    /// <summary>DN attribute short names (lower case, as field paths use them) to OIDs.</summary>
    public static readonly IReadOnlyDictionary<string, string> DnAttributes = new Dictionary<string, string>
    {
        ["cn"] = "2.5.4.3",
        ["sn"] = "2.5.4.4",
        ["serialNumber"] = "2.5.4.5",
        ["c"] = "2.5.4.6",
        ["l"] = "2.5.4.7",
        ["st"] = "2.5.4.8",
        ["street"] = "2.5.4.9",
        ["o"] = "2.5.4.10",
        ["ou"] = "2.5.4.11",
        ["title"] = "2.5.4.12",
        ["businessCategory"] = "2.5.4.15",
        ["postalCode"] = "2.5.4.17",
        ["givenName"] = "2.5.4.42",
        ["organizationIdentifier"] = "2.5.4.97",
        ["email"] = "1.2.840.113549.1.9.1",
        ["dc"] = "0.9.2342.19200300.100.1.25",
        ["uid"] = "0.9.2342.19200300.100.1.1",
    };

    /// <summary>A signature algorithm's name as OpenSSL prints it, or the OID.</summary>
    public static string SignatureName(string oid) => Parsing.OidNames.SignatureAlgorithms.TryGetValue(oid, out var known) ? known.Name : oid;

    public static string EkuName(string oid) => Eku.TryGetValue(oid, out var n) ? n : oid;

    public static IReadOnlyList<string> KeyUsages(KeyUsageFlags flags)
    {
        var list = new List<string>();
        foreach (var f in Enum.GetValues<KeyUsageFlags>())
        {
            if (f != KeyUsageFlags.None && flags.HasFlag(f)) list.Add(KeyUsageName(f));
        }
        return list;
    }

    private static string KeyUsageName(KeyUsageFlags f) => f switch
    {
        KeyUsageFlags.CrlSign => "cRLSign",
        _ => char.ToLowerInvariant(f.ToString()[0]) + f.ToString()[1..],
    };

    /// <summary>rsa, rsa-pss, ec, dsa, ed25519, ed448, x25519, x448, unknown.</summary>
    public static string KeyType(KeyAlgorithm a) => a switch
    {
        KeyAlgorithm.RsaPss => "rsa-pss",
        _ => a.ToString().ToLowerInvariant(),
    };

    public static string Role(CertificateRole r) => r switch
    {
        CertificateRole.Unknown => "unknown",
        CertificateRole.Client => "client",
        CertificateRole.Server => "server",
        _ => "client,server",
    };

    public static string Format(ObjectFormat f) => f.ToString().ToLowerInvariant();
}
