using System.Formats.Asn1;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertLint.Parsing;

/// <summary>
/// The public key of an ML-KEM private key (RFC 9935 §6): the privateKey OCTET STRING holds a CHOICE of seed [0]
/// (64 octets), expandedKey (OCTET STRING) or both (SEQUENCE of the two). From a seed the key is generated
/// (ML-KEM.KeyGen_internal); from an expanded key the encapsulation key is read out of it after FIPS 203 §7.3's hash
/// check; with both, they must be the same key (RFC 9935 §8: else the key is malformed). Lengths are checked first,
/// so a hostile key costs one key generation at most.
/// </summary>
internal static class MlKemKeys
{
    public static byte[] PublicKey(MlKem set, ReadOnlyMemory<byte> privateKey)
    {
        var (seed, expanded) = SeedOrExpandedKey.Read(privateKey, set.Name, MlKem.SeedLength, set.ExpandedKeyLength);
        try
        {
            if (expanded is not null && !HashCheck(set, expanded))
            {
                throw new AsnContentException($"{set.Name} private key: the expanded key fails FIPS 203's hash check (H(ek) is not the hash of its encapsulation key)");
            }
            if (seed is null) return expanded![set.EncapsulationKeyInExpanded];
            var key = MLKemPrivateKeyParameters.FromSeed(set.Parameters, seed);
            if (expanded is not null && !SeedOrExpandedKey.SameKey(key.GetEncoded(), expanded))
            {
                throw new AsnContentException($"{set.Name} private key: the seed and the expanded key are not the same key");
            }
            return key.GetPublicKey().GetEncoded();
        }
        finally
        {
            SeedOrExpandedKey.Zero(seed, expanded);
        }
    }

    /// <summary>FIPS 203 §7.3: the 32 octets after ek in dk are SHA3-256(ek).</summary>
    private static bool HashCheck(MlKem set, byte[] expanded)
    {
        var ek = expanded.AsSpan(set.EncapsulationKeyInExpanded);
        var digest = new Sha3Digest(256);
        digest.BlockUpdate(ek);
        Span<byte> hash = stackalloc byte[32];
        digest.DoFinal(hash);
        return hash.SequenceEqual(expanded.AsSpan(set.EncapsulationKeyInExpanded.End.Value, 32));
    }
}
