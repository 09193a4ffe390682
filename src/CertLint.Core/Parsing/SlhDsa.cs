using CertLint.Model;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CertLint.Parsing;

/// <summary>
/// An SLH-DSA parameter set (FIPS 205 Table 2, RFC 9909 §3): its OID, its security parameter n (public key 2n octets,
/// private key 4n), its signature size and BouncyCastle's parameters. The same OID names the key and the signature.
/// </summary>
internal sealed record SlhDsa(string Name, string Oid, int N, int SignatureLengthOctets, SlhDsaParameters Parameters)
    : PureSignatureSet(Name, Oid, KeyAlgorithm.SlhDsa, 2 * N, SignatureLengthOctets)
{
    private const string Arc = "2.16.840.1.101.3.4.3.";

    // RFC 9909 §3: sigAlgs 20 to 31, SHA2 then SHAKE, 128s/128f/192s/192f/256s/256f each.
    private static readonly SlhDsa[] All =
    [
        new("SLH-DSA-SHA2-128s", Arc + "20", 16, 7856, SlhDsaParameters.slh_dsa_sha2_128s),
        new("SLH-DSA-SHA2-128f", Arc + "21", 16, 17088, SlhDsaParameters.slh_dsa_sha2_128f),
        new("SLH-DSA-SHA2-192s", Arc + "22", 24, 16224, SlhDsaParameters.slh_dsa_sha2_192s),
        new("SLH-DSA-SHA2-192f", Arc + "23", 24, 35664, SlhDsaParameters.slh_dsa_sha2_192f),
        new("SLH-DSA-SHA2-256s", Arc + "24", 32, 29792, SlhDsaParameters.slh_dsa_sha2_256s),
        new("SLH-DSA-SHA2-256f", Arc + "25", 32, 49856, SlhDsaParameters.slh_dsa_sha2_256f),
        new("SLH-DSA-SHAKE-128s", Arc + "26", 16, 7856, SlhDsaParameters.slh_dsa_shake_128s),
        new("SLH-DSA-SHAKE-128f", Arc + "27", 16, 17088, SlhDsaParameters.slh_dsa_shake_128f),
        new("SLH-DSA-SHAKE-192s", Arc + "28", 24, 16224, SlhDsaParameters.slh_dsa_shake_192s),
        new("SLH-DSA-SHAKE-192f", Arc + "29", 24, 35664, SlhDsaParameters.slh_dsa_shake_192f),
        new("SLH-DSA-SHAKE-256s", Arc + "30", 32, 29792, SlhDsaParameters.slh_dsa_shake_256s),
        new("SLH-DSA-SHAKE-256f", Arc + "31", 32, 49856, SlhDsaParameters.slh_dsa_shake_256f),
    ];

    /// <summary>Every SLH-DSA parameter set, in OID order.</summary>
    public static IReadOnlyList<SlhDsa> Sets => All;

    /// <summary>The parameter set <paramref name="oid"/> names, or null when it is not an SLH-DSA OID.</summary>
    public static new SlhDsa? Of(string oid)
    {
        if (oid.Length != Arc.Length + 2 || !char.IsAsciiDigit(oid[^2]) || !char.IsAsciiDigit(oid[^1])
            || !oid.StartsWith(Arc, StringComparison.Ordinal)) return null;
        var arc = (oid[^2] - '0') * 10 + (oid[^1] - '0');
        return arc is >= 20 and <= 31 ? All[arc - 20] : null;
    }

    public override ISigner Verifier() => new SlhDsaSigner(Parameters, deterministic: true);

    public override AsymmetricKeyParameter PublicKey(byte[] raw) => SlhDsaPublicKeyParameters.FromEncoding(Parameters, raw);

    /// <summary>
    /// The public key of a raw private key (RFC 9909 §7: SK.seed || SK.prf || PK.seed || PK.root, 4n octets, no ASN.1
    /// wrapping): its last 2n octets. The private half is not copied.
    /// </summary>
    public byte[] PublicKeyOfPrivate(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 4 * N)
        {
            throw new System.Formats.Asn1.AsnContentException($"{Name} private key: {privateKey.Length} octets, not {4 * N}");
        }
        return privateKey[(2 * N)..].ToArray();
    }
}
