using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>The short names of the common key purposes (RFC 5280 §4.2.1.12), as openssl and rule files spell them.</summary>
internal static class EkuNames
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["serverAuth"] = Oids.ServerAuth,
        ["clientAuth"] = Oids.ClientAuth,
        ["codeSigning"] = "1.3.6.1.5.5.7.3.3",
        ["emailProtection"] = "1.3.6.1.5.5.7.3.4",
        ["timeStamping"] = "1.3.6.1.5.5.7.3.8",
        ["OCSPSigning"] = "1.3.6.1.5.5.7.3.9",
        ["anyExtendedKeyUsage"] = Oids.AnyExtendedKeyUsage,
    };

    public static IEnumerable<string> Known => ByName.Keys;

    public static string ToOid(string nameOrOid) => ByName.TryGetValue(nameOrOid, out var oid) ? oid : nameOrOid;

    public static string ToName(string oid)
    {
        foreach (var (name, value) in ByName)
        {
            if (value == oid) return name;
        }
        return oid;
    }
}
