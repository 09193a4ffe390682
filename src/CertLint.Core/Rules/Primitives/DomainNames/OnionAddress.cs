using System.Security.Cryptography;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// Tor onion service names (RFC 7686, Tor rend-spec-v3 §6). A v3 address is base32(PUBKEY ‖ CHECKSUM ‖ VERSION): a
/// 32-byte ed25519 key, CHECKSUM = SHA3-256(".onion checksum" ‖ PUBKEY ‖ VERSION)[:2] and VERSION = 3, 56 characters.
/// </summary>
internal static class OnionAddress
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly byte[] ChecksumPrefix = ".onion checksum"u8.ToArray();

    /// <summary>The label left of the final "onion" label of a name that ends in ".onion" (as zlint matches it, case-sensitive), else null.</summary>
    public static string? Label(string name)
    {
        if (!name.EndsWith(".onion", StringComparison.Ordinal)) return null;
        var rest = name[..^".onion".Length];
        return rest[(rest.LastIndexOf('.') + 1)..];
    }

    /// <summary>
    /// zlint's IsOnionV2Address: the name ends in "onion", has at least two labels, and its first label is 16 lower-case
    /// base32 characters (a version 2 onion address).
    /// </summary>
    public static bool IsV2(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (!name.EndsWith("onion", StringComparison.Ordinal) || dot != 16) return false;
        foreach (var ch in name.AsSpan(0, dot))
        {
            if (!Alphabet.Contains(ch, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    /// <summary>Whether <paramref name="label"/> is a well-formed v3 address: 56 base32 characters (either case), version 3, checksum right.</summary>
    public static bool IsValidV3(string label)
    {
        if (label.Length != 56 || Base32(label) is not { } raw) return false;
        var version = raw[34];
        if (version != 3) return false;
        byte[] input = [.. ChecksumPrefix, .. raw.AsSpan(0, 32), version];
        return Sha3_256(input).AsSpan(0, 2).SequenceEqual(raw.AsSpan(32, 2));
    }

    /// <summary>SHA3-256 from the platform (OpenSSL 1.1.1+, Windows 11) or, where it has none, from BouncyCastle.</summary>
    internal static byte[] Sha3_256(byte[] data) => SHA3_256.IsSupported ? SHA3_256.HashData(data) : Sha3_256Managed(data);

    internal static byte[] Sha3_256Managed(byte[] data)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.Sha3Digest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var hash = new byte[32];
        digest.DoFinal(hash, 0);
        return hash;
    }

    /// <summary>RFC 4648 base32 without padding (a length that is a multiple of 8 characters), either case; null on a bad character.</summary>
    private static byte[]? Base32(string text)
    {
        var bytes = new byte[text.Length * 5 / 8];
        int buffer = 0, bits = 0, n = 0;
        foreach (var ch in text)
        {
            var value = Alphabet.IndexOf(char.ToLowerInvariant(ch), StringComparison.Ordinal);
            if (value < 0) return null;
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            bytes[n++] = (byte)(buffer >> bits);
            buffer &= (1 << bits) - 1;
        }
        return bytes;
    }
}
