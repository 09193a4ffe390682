using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace CertLint.Parsing;

/// <summary>
/// PBKDF2-params (RFC 8018 §A.2): the one reader for PBES2 (encrypted keys and safes), PBMAC1 (RFC 9579 MACs) and
/// what <see cref="PbeInspector"/> shows. <see cref="Salt"/> is null for an otherSource salt, which nothing here
/// derives with; counts too large for a long read as long.MaxValue (over any limit either way).
/// </summary>
internal sealed record Pbkdf2Parameters(ReadOnlyMemory<byte>? Salt, long Iterations, long? KeyLength, string PrfOid)
{
    public const string Oid = "1.2.840.113549.1.5.12";
    private const string HmacWithSha1 = "1.2.840.113549.2.7";

    /// <summary>Reads the parameters SEQUENCE's content (the reader is inside it).</summary>
    public static Pbkdf2Parameters Read(AsnReader p)
    {
        ReadOnlyMemory<byte>? salt = p.PeekTag().HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) ? p.ReadOctetString() : null;
        if (salt is null) p.ReadEncodedValue(); // otherSource
        var iterations = ReadCount(p);
        long? keyLength = p.HasData && p.PeekTag().HasSameClassAndValue(Asn1Tag.Integer) ? ReadCount(p) : null;
        var prf = p.HasData ? p.ReadSequence().ReadObjectIdentifier() : HmacWithSha1;
        return new Pbkdf2Parameters(salt, iterations, keyLength, prf);
    }

    /// <summary>The HMAC algorithms of RFC 8018 §B.1 (PBKDF2's PRFs, PBMAC1's MACs) by OID, as BouncyCastle names their digests.</summary>
    public static readonly Dictionary<string, string> HmacDigests = new()
    {
        [HmacWithSha1] = "SHA-1", ["1.2.840.113549.2.8"] = "SHA-224", ["1.2.840.113549.2.9"] = "SHA-256",
        ["1.2.840.113549.2.10"] = "SHA-384", ["1.2.840.113549.2.11"] = "SHA-512",
        ["1.2.840.113549.2.12"] = "SHA-512/224", ["1.2.840.113549.2.13"] = "SHA-512/256",
    };

    /// <summary>An HMAC OID as reports show it ("HMAC-SHA256", "HMAC-SHA512/224"), or the OID itself.</summary>
    public static string HmacName(string oid) =>
        HmacDigests.TryGetValue(oid, out var digest) ? "HMAC-" + digest.Replace("-", "", StringComparison.Ordinal) : oid;

    /// <summary>The PRF as .NET's PBKDF2 computes it (HMAC over SHA-1, SHA-256, SHA-384, SHA-512), or null.</summary>
    public HashAlgorithmName? DotnetPrf => HmacDigests.GetValueOrDefault(PrfOid) switch
    {
        "SHA-1" => HashAlgorithmName.SHA1,
        "SHA-256" => HashAlgorithmName.SHA256,
        "SHA-384" => HashAlgorithmName.SHA384,
        "SHA-512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>An INTEGER count; one too large for a long is long.MaxValue, a negative one 0.</summary>
    internal static long ReadCount(AsnReader reader)
    {
        if (reader.TryReadInt64(out var n)) return n;
        var big = reader.ReadInteger();
        return big > long.MaxValue ? long.MaxValue : big < BigInteger.Zero ? 0 : (long)big;
    }
}
