using System.Formats.Asn1;
using System.Security.Cryptography;

namespace CertLint.Parsing;

/// <summary>
/// The private key CHOICE that ML-DSA (RFC 9881 §6) and ML-KEM (RFC 9935 §6) share: seed [0] IMPLICIT OCTET STRING,
/// expandedKey OCTET STRING, or both as a SEQUENCE of the two. Read by the tag, never by length (RFC 9935 §6), and
/// both lengths checked before any key generation. The caller zeroes what it gets back.
/// </summary>
internal static class SeedOrExpandedKey
{
    private static readonly Asn1Tag SeedTag = new(TagClass.ContextSpecific, 0);

    public static (byte[]? Seed, byte[]? Expanded) Read(ReadOnlyMemory<byte> privateKey, string setName, int seedLength, int expandedLength)
    {
        var reader = new AsnReader(privateKey, AsnEncodingRules.BER);
        var tag = reader.PeekTag();
        byte[]? seed = null, expanded = null;
        try
        {
            if (tag.HasSameClassAndValue(SeedTag)) seed = reader.ReadOctetString(SeedTag);
            else if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) expanded = reader.ReadOctetString();
            else
            {
                var both = reader.ReadSequence();
                seed = both.ReadOctetString();
                expanded = both.ReadOctetString();
                both.ThrowIfNotEmpty();
            }
            reader.ThrowIfNotEmpty();
            if (seed is not null && seed.Length != seedLength)
            {
                throw new AsnContentException($"{setName} private key: the seed is {seed.Length} octets, not {seedLength}");
            }
            if (expanded is not null && expanded.Length != expandedLength)
            {
                throw new AsnContentException($"{setName} private key: the expanded key is {expanded.Length} octets, not {expandedLength}");
            }
            return (seed, expanded);
        }
        catch
        {
            Zero(seed, expanded);
            throw;
        }
    }

    /// <summary>Whether the expanded key generated from the seed is the one the file holds; <paramref name="derived"/> is zeroed.</summary>
    public static bool SameKey(byte[] derived, byte[] expanded)
    {
        try
        {
            return CryptographicOperations.FixedTimeEquals(derived, expanded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    public static void Zero(byte[]? seed, byte[]? expanded)
    {
        if (seed is not null) CryptographicOperations.ZeroMemory(seed);
        if (expanded is not null) CryptographicOperations.ZeroMemory(expanded);
    }
}
