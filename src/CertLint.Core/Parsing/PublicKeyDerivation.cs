using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertLint.Parsing;

/// <summary>
/// Builds the SubjectPublicKeyInfo DER of a private key, byte-identical to what a certificate for that key carries,
/// so keys and certificates pair by SPKI SHA-256. Reads only public components (or computes them); copies no private bytes.
/// </summary>
internal static class PublicKeyDerivation
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Context1Primitive = new(TagClass.ContextSpecific, 1);

    /// <summary>PKCS#8 PrivateKeyInfo / OneAsymmetricKey -> SPKI, or null for an algorithm we cannot derive.</summary>
    public static byte[]? FromPkcs8(ReadOnlyMemory<byte> pkcs8)
    {
        var seq = new AsnReader(pkcs8, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // version
        var algorithmIdentifier = seq.PeekEncodedValue().Span;
        var (oid, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(seq);
        var privateKey = Asn1Helpers.ReadOctetString(seq);
        ReadOnlyMemory<byte>? publicKey = null;
        while (seq.HasData)
        {
            if (seq.PeekTag().HasSameClassAndValue(Context1Primitive)) publicKey = Asn1Helpers.ReadBitString(seq, out _, Context1Primitive);
            else seq.ReadEncodedValue();
        }
        return oid switch
        {
            OidNames.RsaEncryption or OidNames.RsaPss => Spki(algorithmIdentifier, RsaPublicKey(privateKey)),
            OidNames.EcPublicKey => Sec1PublicPoint(privateKey) is { } point
                ? Spki(algorithmIdentifier, point.Span)
                : Computed(ecdsa => ecdsa.ImportPkcs8PrivateKey(pkcs8.Span, out _)),
            OidNames.Dsa => Spki(algorithmIdentifier, DsaPublicKey(parameters, privateKey)),
            DhKeys.Pkcs3Oid or DhKeys.X942Oid => Spki(algorithmIdentifier, DhKeys.PublicValue(oid, parameters, privateKey)),
            OidNames.Ed25519 or OidNames.Ed448 or OidNames.X25519 or OidNames.X448 =>
                Spki(algorithmIdentifier, publicKey?.ToArray() ?? EdwardsPublicKey(oid, privateKey)),
            // Derived from the private key even when publicKey [1] is there: the pairing must follow the key that signs.
            _ when MlDsa.Of(oid) is { } mlDsa => Spki(algorithmIdentifier, MlDsaKeys.PublicKey(mlDsa, privateKey)),
            // RFC 9909 §7: the raw key ends with PK.seed || PK.root, the public key the signer hashes into every signature.
            _ when SlhDsa.Of(oid) is { } slhDsa => Spki(algorithmIdentifier, slhDsa.PublicKeyOfPrivate(privateKey.Span)),
            _ when MlKem.Of(oid) is { } mlKem => Spki(algorithmIdentifier, MlKemKeys.PublicKey(mlKem, privateKey)),
            _ => null,
        };
    }

    /// <summary>PKCS#1 RSAPrivateKey -> SPKI with rsaEncryption.</summary>
    public static byte[] FromPkcs1(ReadOnlyMemory<byte> rsaPrivateKey) =>
        Spki(AlgorithmIdentifier(OidNames.RsaEncryption, withNull: true), RsaPublicKey(rsaPrivateKey));

    /// <summary>PKCS#1 RSAPublicKey -> SPKI with rsaEncryption.</summary>
    public static byte[] FromPkcs1Public(ReadOnlyMemory<byte> rsaPublicKey) =>
        Spki(AlgorithmIdentifier(OidNames.RsaEncryption, withNull: true), rsaPublicKey.Span);

    /// <summary>
    /// OpenSSL's traditional DSAPrivateKey (version 0, p, q, g, y, x) -> SPKI with id-dsa and its p, q, g; y is computed
    /// from x, as for a PKCS#8 DSA key, so the pairing follows the key that signs.
    /// </summary>
    public static byte[] FromOpenSslDsa(ReadOnlyMemory<byte> dsaPrivateKey)
    {
        var seq = new AsnReader(dsaPrivateKey, AsnEncodingRules.BER).ReadSequence();
        if (seq.ReadInteger() != 0) throw new AsnContentException("DSA private key: version is not 0");
        var parameters = new AsnWriter(AsnEncodingRules.DER);
        using (parameters.PushSequence())
        {
            for (var i = 0; i < 3; i++) parameters.WriteEncodedValue(seq.ReadEncodedValue().Span);   // p, q, g
        }
        seq.ReadEncodedValue();   // y: recomputed below
        var x = seq.ReadEncodedValue();
        seq.ThrowIfNotEmpty();
        var pqg = parameters.Encode();
        var algorithm = new AsnWriter(AsnEncodingRules.DER);
        using (algorithm.PushSequence())
        {
            algorithm.WriteObjectIdentifier(OidNames.Dsa);
            algorithm.WriteEncodedValue(pqg);
        }
        return Spki(algorithm.Encode(), DsaPublicKey(pqg, x));
    }

    /// <summary>SEC1 ECPrivateKey (with its curve parameters) -> SPKI; the point is computed when the key omits it.</summary>
    public static byte[] FromSec1(ReadOnlyMemory<byte> ecPrivateKey)
    {
        var seq = new AsnReader(ecPrivateKey, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // version
        seq.ReadEncodedValue(); // privateKey
        ReadOnlyMemory<byte>? curve = null;
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Context0)) curve = seq.ReadSequence(Context0).ReadEncodedValue();
        if (curve is null) throw new AsnContentException("EC private key names no curve");
        var point = Sec1PublicPoint(ecPrivateKey);
        if (point is null) return Computed(ecdsa => ecdsa.ImportECPrivateKey(ecPrivateKey.Span, out _));
        var algorithm = new AsnWriter(AsnEncodingRules.DER);
        using (algorithm.PushSequence())
        {
            algorithm.WriteObjectIdentifier(OidNames.EcPublicKey);
            algorithm.WriteEncodedValue(curve.Value.Span);
        }
        return Spki(algorithm.Encode(), point.Value.Span);
    }

    private static ReadOnlyMemory<byte>? Sec1PublicPoint(ReadOnlyMemory<byte> ecPrivateKey)
    {
        var seq = new AsnReader(ecPrivateKey, AsnEncodingRules.BER).ReadSequence();
        while (seq.HasData)
        {
            if (seq.PeekTag().HasSameClassAndValue(Context1)) return Asn1Helpers.ReadBitString(seq.ReadSequence(Context1), out _);
            seq.ReadEncodedValue();
        }
        return null;
    }

    private static byte[] Computed(Action<ECDsa> import)
    {
        using var ecdsa = ECDsa.Create();
        import(ecdsa);
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    /// <summary>RSAPublicKey SEQUENCE { modulus, publicExponent } re-encoded from the private structure's first fields.</summary>
    private static byte[] RsaPublicKey(ReadOnlyMemory<byte> rsaPrivateKey)
    {
        var seq = new AsnReader(rsaPrivateKey, AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // version
        Asn1Helpers.ReadIntegerContent(seq, out var modulus);
        Asn1Helpers.ReadIntegerContent(seq, out var exponent);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteEncodedValue(modulus.Span);
            writer.WriteEncodedValue(exponent.Span);
        }
        return writer.Encode();
    }

    /// <summary>
    /// DSA y = g^x mod p, encoded as the INTEGER the SPKI BIT STRING holds. The numbers are checked first (FIPS 186-5
    /// §4.1: 0 &lt; x &lt; q), within the public-key checks' sizes, so a key costs at most one exponentiation by a
    /// 1,024-bit x modulo a 16,384-bit p: unchecked, a 22 KB key of 65,536-bit numbers ran for minutes and p = 0 threw
    /// DivideByZeroException (tests/fuzz-regressions/sniff-pem/dsa-*).
    /// </summary>
    private static byte[] DsaPublicKey(ReadOnlyMemory<byte> parameters, ReadOnlyMemory<byte> privateKey)
    {
        var pqg = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
        var p = pqg.ReadInteger();
        var q = pqg.ReadInteger();
        var g = pqg.ReadInteger();
        var x = new AsnReader(privateKey, AsnEncodingRules.BER).ReadInteger();
        if (p < 2 || q < 2 || p.GetBitLength() > KeyNumbersParser.MaxOrderPBits || q.GetBitLength() > KeyNumbersParser.MaxOrderQBits)
        {
            throw new AsnContentException($"DSA private key: p and q must be above 1 and at most {PbeInspector.Number(KeyNumbersParser.MaxOrderPBits)} and {PbeInspector.Number(KeyNumbersParser.MaxOrderQBits)} bits long");
        }
        if (x.Sign <= 0 || x >= q) throw new AsnContentException("DSA private key: x is not between 1 and q - 1 (FIPS 186-5 4.1)");
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(ModularExponent.Pow(g, x, p, secretExponent: true));
        return writer.Encode();
    }

    /// <summary>EdDSA/XDH private keys are an OCTET STRING seed inside the PKCS#8 OCTET STRING; BouncyCastle computes the public key.</summary>
    private static byte[] EdwardsPublicKey(string oid, ReadOnlyMemory<byte> privateKey)
    {
        var seed = Asn1Helpers.ReadOctetString(new AsnReader(privateKey, AsnEncodingRules.BER)).ToArray();
        try
        {
            return oid switch
            {
                OidNames.Ed25519 => new Ed25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded(),
                OidNames.Ed448 => new Ed448PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded(),
                OidNames.X25519 => new X25519PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded(),
                _ => new X448PrivateKeyParameters(seed).GeneratePublicKey().GetEncoded(),
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static byte[] AlgorithmIdentifier(string oid, bool withNull)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            if (withNull) writer.WriteNull();
        }
        return writer.Encode();
    }

    /// <summary>
    /// SEQUENCE { algorithm, BIT STRING publicKey } written by hand: AsnWriter's buffers and frame stack cost more than
    /// parsing the key itself, and this runs for every private key.
    /// </summary>
    internal static byte[] Spki(ReadOnlySpan<byte> algorithmIdentifier, ReadOnlySpan<byte> publicKey)
    {
        var bitStringLength = publicKey.Length + 1; // leading "unused bits" octet, always 0 for a key
        var contentLength = algorithmIdentifier.Length + HeaderLength(bitStringLength) + bitStringLength;
        var der = new byte[HeaderLength(contentLength) + contentLength];
        var at = WriteHeader(der, 0x30, contentLength);
        algorithmIdentifier.CopyTo(der.AsSpan(at));
        at += algorithmIdentifier.Length;
        at += WriteHeader(der.AsSpan(at), 0x03, bitStringLength);
        der[at++] = 0;
        publicKey.CopyTo(der.AsSpan(at));
        return der;
    }

    /// <summary>Tag octet plus DER length octets (short form below 128, else 0x8N and N big-endian octets).</summary>
    private static int HeaderLength(int length) => 1 + LengthOctets(length);

    private static int LengthOctets(int length) => length < 0x80 ? 1 : 1 + (length < 0x100 ? 1 : length < 0x10000 ? 2 : length < 0x1000000 ? 3 : 4);

    private static int WriteHeader(Span<byte> destination, byte tag, int length)
    {
        destination[0] = tag;
        var octets = LengthOctets(length);
        if (octets == 1)
        {
            destination[1] = (byte)length;
            return 2;
        }
        destination[1] = (byte)(0x80 | (octets - 1));
        for (var i = 1; i < octets; i++) destination[1 + i] = (byte)(length >> (8 * (octets - 1 - i)));
        return 1 + octets;
    }
}
