using System.Formats.Asn1;
using System.Numerics;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Finite-field Diffie-Hellman keys (RFC 3279 §2.3.3): PKCS #3 dhKeyAgreement, whose parameters are a DHParameter
/// (p, g, optional privateValueLength: what openssl genpkey writes for a DH key), and X9.42 dhpublicnumber, whose
/// parameters are DomainParameters (p, g, q, ...). The private key is an INTEGER x, the public key an INTEGER y. A key's
/// domain parameters are judged as a parameter file's are (dh-params-weak, dh-params-unsafe): the key is only as strong
/// as its group.
/// </summary>
internal static class DhKeys
{
    public const string Pkcs3Oid = "1.2.840.113549.1.3.1";
    public const string X942Oid = "1.2.840.10046.2.1";

    /// <summary>The longest p a private key's public value is computed for: every group in use has at most 8,192 bits.</summary>
    public const int MaxKeyBits = NumberTheory.MaxPrimalityBits;

    public static bool IsDh(string oid) => oid is Pkcs3Oid or X942Oid;

    /// <summary>The key's domain parameters, read as a parameter file's are; throws FormatException/AsnContentException when unreadable.</summary>
    public static DhParametersInfo Parameters(string oid, ReadOnlyMemory<byte> parameters, SourceLocation location)
    {
        var (p, g, q) = Numbers(oid, parameters);
        return new DhParametersInfo(location, p, g, q);
    }

    /// <summary>Length of p in bits, as OpenSSL's EVP_PKEY_get_bits gives a DH key's size.</summary>
    public static int Bits(string oid, ReadOnlyMemory<byte> parameters) => (int)Numbers(oid, parameters).P.GetBitLength();

    private static (BigInteger P, BigInteger G, BigInteger? Q) Numbers(string oid, ReadOnlyMemory<byte> parameters)
    {
        if (parameters.IsEmpty) throw new FormatException("Diffie-Hellman key without its domain parameters");
        try
        {
            return DhParametersParser.ReadNumbers(parameters, oid == X942Oid);
        }
        catch (FormatException e)
        {
            throw new FormatException($"Diffie-Hellman key parameters: {e.Message}");
        }
    }

    /// <summary>The DER INTEGER y = g^x mod p of a private key's x, after the checks SP 800-56A §5.6.2.1.2 makes of x.</summary>
    public static byte[] PublicValue(string oid, ReadOnlyMemory<byte> parameters, ReadOnlyMemory<byte> privateKey)
    {
        var (p, g, q) = Numbers(oid, parameters);
        if (p.GetBitLength() > MaxKeyBits) throw new FormatException($"Diffie-Hellman private key: p is longer than {PbeInspector.Number(MaxKeyBits)} bits, beyond every group in use");
        if (p < 5 || p.IsEven) throw new FormatException("Diffie-Hellman private key: p is not an odd number above 3");
        var x = new AsnReader(privateKey, AsnEncodingRules.BER).ReadInteger();
        var (top, name) = q is { } order ? (order - 1, "q − 1") : (p - 2, "p − 2");
        if (x.Sign <= 0 || x > top) throw new FormatException($"Diffie-Hellman private key: x is not between 1 and {name}");
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(ModularExponent.Pow(g, x, p, secretExponent: true));
        return writer.Encode();
    }

    /// <summary>
    /// The domain parameters and public value y of a parsed DH key or certificate key, at <paramref name="location"/>;
    /// null when they cannot be read (the parser has already reported a key it could not read).
    /// </summary>
    public static DhParametersInfo? OfPublicKey(PublicKeyInfo key, SourceLocation location)
    {
        if (key.Algorithm != KeyAlgorithm.Dh) return null;
        try
        {
            var seq = new AsnReader(key.Spki, AsnEncodingRules.BER).ReadSequence();
            var (oid, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(seq);
            var bits = Asn1Helpers.ReadBitString(seq, out _);
            var y = new AsnReader(bits, AsnEncodingRules.BER).ReadInteger();
            return Parameters(oid, parameters, location) with { PublicValue = y };
        }
        catch (Exception e) when (e is AsnContentException or FormatException)
        {
            return null;
        }
    }
}
