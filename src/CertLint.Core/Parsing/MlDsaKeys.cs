using System.Formats.Asn1;
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
    public static byte[] PublicKey(MlDsa set, ReadOnlyMemory<byte> privateKey)
    {
        var (seed, expanded) = SeedOrExpandedKey.Read(privateKey, set.Name, MlDsa.SeedLength, set.ExpandedKeyLength);
        try
        {
            var key = seed is not null
                ? MLDsaPrivateKeyParameters.FromSeed(set.Parameters, seed)
                : MLDsaPrivateKeyParameters.FromEncoding(set.Parameters, expanded!);
            // RFC 9881 §8.2: a seed and an expanded key that disagree make the key malformed.
            if (seed is not null && expanded is not null && !SeedOrExpandedKey.SameKey(key.GetEncoded(), expanded))
            {
                throw new AsnContentException($"{set.Name} private key: the seed and the expanded key are not the same key");
            }
            return key.GetPublicKeyEncoded();
        }
        finally
        {
            SeedOrExpandedKey.Zero(seed, expanded);
        }
    }
}
