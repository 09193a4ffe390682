using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertLint.Parsing;

/// <summary>
/// The public key of an ML-DSA private key (RFC 9881 §6): the privateKey OCTET STRING holds a CHOICE of seed [0]
/// (32 octets), expandedKey (OCTET STRING) or both (SEQUENCE of the two). The public key is computed from the seed
/// (ML-DSA.KeyGen_internal) when there is one, else from the expanded key; every length is checked first, so a
/// hostile key costs one key generation at most.
/// </summary>
internal static class MlDsaKeys
{
    private static readonly Asn1Tag Seed = new(TagClass.ContextSpecific, 0);

    public static byte[] PublicKey(MlDsa set, ReadOnlyMemory<byte> privateKey)
    {
        var reader = new AsnReader(privateKey, AsnEncodingRules.BER);
        var tag = reader.PeekTag();
        byte[]? seed = null, expanded = null;
        try
        {
            if (tag.HasSameClassAndValue(Seed)) seed = reader.ReadOctetString(Seed);
            else if (tag.HasSameClassAndValue(Asn1Tag.PrimitiveOctetString)) expanded = reader.ReadOctetString();
            else
            {
                var both = reader.ReadSequence();
                seed = both.ReadOctetString();
                expanded = both.ReadOctetString();
                both.ThrowIfNotEmpty();
            }
            reader.ThrowIfNotEmpty();
            if (seed is not null && seed.Length != MlDsa.SeedLength)
            {
                throw new AsnContentException($"{set.Name} private key: the seed is {seed.Length} octets, not {MlDsa.SeedLength}");
            }
            if (expanded is not null && expanded.Length != set.ExpandedKeyLength)
            {
                throw new AsnContentException($"{set.Name} private key: the expanded key is {expanded.Length} octets, not {set.ExpandedKeyLength}");
            }
            var key = seed is not null
                ? MLDsaPrivateKeyParameters.FromSeed(set.Parameters, seed)
                : MLDsaPrivateKeyParameters.FromEncoding(set.Parameters, expanded!);
            // RFC 9881 §8.2: a seed and an expanded key that disagree make the key malformed.
            if (seed is not null && expanded is not null && !Consistent(key, expanded))
            {
                throw new AsnContentException($"{set.Name} private key: the seed and the expanded key are not the same key");
            }
            return key.GetPublicKeyEncoded();
        }
        finally
        {
            if (seed is not null) CryptographicOperations.ZeroMemory(seed);
            if (expanded is not null) CryptographicOperations.ZeroMemory(expanded);
        }
    }

    private static bool Consistent(MLDsaPrivateKeyParameters fromSeed, byte[] expanded)
    {
        var derived = fromSeed.GetEncoded();
        try
        {
            return CryptographicOperations.FixedTimeEquals(derived, expanded);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }
}
