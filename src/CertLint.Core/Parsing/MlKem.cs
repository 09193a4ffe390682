using Org.BouncyCastle.Crypto.Parameters;

namespace CertLint.Parsing;

/// <summary>
/// An ML-KEM parameter set (FIPS 203 Table 3, RFC 9935 §3–4): its OID, the sizes of its encapsulation (public) key
/// and expanded decapsulation key, and BouncyCastle's parameters. ML-KEM keys encapsulate; they never sign, so no
/// signature algorithm has these OIDs.
/// </summary>
internal sealed record MlKem(string Name, string Oid, int PublicKeyLength, int ExpandedKeyLength, MLKemParameters Parameters)
{
    private const string Arc = "2.16.840.1.101.3.4.4.";

    /// <summary>The seed d || z of every parameter set (FIPS 203 Algorithm 16; RFC 9935 §6 seed [0]).</summary>
    public const int SeedLength = 64;

    private static readonly MlKem[] All =
    [
        new("ML-KEM-512", Arc + "1", 800, 1632, MLKemParameters.ml_kem_512),
        new("ML-KEM-768", Arc + "2", 1184, 2400, MLKemParameters.ml_kem_768),
        new("ML-KEM-1024", Arc + "3", 1568, 3168, MLKemParameters.ml_kem_1024),
    ];

    public static IReadOnlyList<MlKem> Sets => All;

    /// <summary>The parameter set <paramref name="oid"/> names, or null when it is not an ML-KEM OID.</summary>
    public static MlKem? Of(string oid) => oid.Length == Arc.Length + 1 && oid.StartsWith(Arc, StringComparison.Ordinal)
        ? oid[^1] switch { '1' => All[0], '2' => All[1], '3' => All[2], _ => null }
        : null;

    /// <summary>
    /// Where the encapsulation key sits in the expanded decapsulation key (FIPS 203 Algorithm 16: dk = dk_PKE || ek ||
    /// H(ek) || z, with dk_PKE 384k octets and ek 384k + 32).
    /// </summary>
    public Range EncapsulationKeyInExpanded => new(PublicKeyLength - 32, 2 * PublicKeyLength - 32);
}
