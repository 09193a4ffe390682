using CertLint.Model;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CertLint.Parsing;

/// <summary>
/// An ML-DSA parameter set (FIPS 204 Table 2, RFC 9881 §2): its OID, the sizes of its public key, expanded private key
/// and signature, and BouncyCastle's parameters. The same OID names the key and the signature algorithm.
/// </summary>
internal sealed record MlDsa(string Name, string Oid, int PublicKeyLength, int ExpandedKeyLength, int SignatureLength, MLDsaParameters Parameters)
    : PureSignatureSet(Name, Oid, KeyAlgorithm.MlDsa, PublicKeyLength, SignatureLength)
{
    public const string Oid44 = "2.16.840.1.101.3.4.3.17";
    public const string Oid65 = "2.16.840.1.101.3.4.3.18";
    public const string Oid87 = "2.16.840.1.101.3.4.3.19";

    /// <summary>The seed ξ of every parameter set (FIPS 204 Algorithm 1; RFC 9881 §6 seed [0]).</summary>
    public const int SeedLength = 32;

    private static readonly MlDsa[] All =
    [
        new("ML-DSA-44", Oid44, 1312, 2560, 2420, MLDsaParameters.ml_dsa_44),
        new("ML-DSA-65", Oid65, 1952, 4032, 3309, MLDsaParameters.ml_dsa_65),
        new("ML-DSA-87", Oid87, 2592, 4896, 4627, MLDsaParameters.ml_dsa_87),
    ];

    /// <summary>The parameter set <paramref name="oid"/> names, or null when it is not an ML-DSA OID.</summary>
    public static new MlDsa? Of(string oid) => oid switch
    {
        Oid44 => All[0],
        Oid65 => All[1],
        Oid87 => All[2],
        _ => null,
    };

    // Deterministic only matters for signing.
    public override ISigner Verifier() => new MLDsaSigner(Parameters, deterministic: true);

    public override AsymmetricKeyParameter PublicKey(byte[] raw) => MLDsaPublicKeyParameters.FromEncoding(Parameters, raw);
}
