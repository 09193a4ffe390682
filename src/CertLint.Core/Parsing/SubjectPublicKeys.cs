using System.Formats.Asn1;
using System.Numerics;

namespace CertLint.Parsing;

/// <summary>
/// SubjectPublicKeyInfo structures for keys read from formats that are not X.509 (OpenSSH, OpenPGP), so such a key is
/// judged by the same key rules as the key of a certificate.
/// </summary>
internal static class SubjectPublicKeys
{
    /// <summary>rsaEncryption with NULL parameters and RSAPublicKey (RFC 8017 A.1.1).</summary>
    public static byte[] Rsa(BigInteger n, BigInteger e)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(n);
            writer.WriteInteger(e);
        }
        return PublicKeyDerivation.FromPkcs1Public(writer.Encode());
    }

    /// <summary>id-dsa with Dss-Parms and the INTEGER y (RFC 3279 §2.3.2).</summary>
    public static byte[] Dsa(BigInteger p, BigInteger q, BigInteger g, BigInteger y)
    {
        var key = new AsnWriter(AsnEncodingRules.DER);
        key.WriteInteger(y);
        return Of(w => DsaAlgorithm(w, p, q, g), key.Encode());
    }

    /// <summary>id-ecPublicKey on a named curve, and the point as given (RFC 5480).</summary>
    public static byte[] Ec(string curveOid, ReadOnlySpan<byte> point) => Of(w =>
    {
        w.WriteObjectIdentifier(OidNames.EcPublicKey);
        w.WriteObjectIdentifier(curveOid);
    }, point);

    /// <summary>An algorithm without parameters and the key's octets (RFC 8410: X25519, X448, Ed25519, Ed448).</summary>
    public static byte[] Raw(string algorithmOid, ReadOnlySpan<byte> key) => Of(w => w.WriteObjectIdentifier(algorithmOid), key);

    /// <summary>The DSA AlgorithmIdentifier's content: id-dsa and Dss-Parms (RFC 3279 §2.3.2).</summary>
    public static void DsaAlgorithm(AsnWriter writer, BigInteger p, BigInteger q, BigInteger g)
    {
        writer.WriteObjectIdentifier(OidNames.Dsa);
        using (writer.PushSequence())
        {
            writer.WriteInteger(p);
            writer.WriteInteger(q);
            writer.WriteInteger(g);
        }
    }

    /// <summary>An unsigned big-endian number (an OpenPGP MPI's octets) as a non-negative integer.</summary>
    public static BigInteger Unsigned(ReadOnlySpan<byte> bigEndian) => new(bigEndian, isUnsigned: true, isBigEndian: true);

    /// <summary>The SPKI of <paramref name="publicKey"/> under the AlgorithmIdentifier whose content <paramref name="algorithm"/> writes.</summary>
    private static byte[] Of(Action<AsnWriter> algorithm, ReadOnlySpan<byte> publicKey)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence()) algorithm(writer);
        return PublicKeyDerivation.Spki(writer.Encode(), publicKey);
    }
}
