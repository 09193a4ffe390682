using System.Security.Cryptography;
using Org.BouncyCastle.Security;

namespace CertLint.Inventory.Signatures;

/// <summary>Hash names as the parser reports them ("SHA256"), mapped to the BCL where it can and to BouncyCastle otherwise (SHA-224, MD2).</summary>
internal static class Digests
{
    public static bool IsSupported(string name) => name is "MD2" or "MD5" or "SHA1" or "SHA224" or "SHA256" or "SHA384" or "SHA512";

    /// <summary>The BCL name, or null when only BouncyCastle has the algorithm.</summary>
    public static HashAlgorithmName? Bcl(string name) => name switch
    {
        "MD5" => HashAlgorithmName.MD5,
        "SHA1" => HashAlgorithmName.SHA1,
        "SHA256" => HashAlgorithmName.SHA256,
        "SHA384" => HashAlgorithmName.SHA384,
        "SHA512" => HashAlgorithmName.SHA512,
        _ => null,
    };

    public static int Length(string name) => name switch
    {
        "MD2" or "MD5" => 16,
        "SHA1" => 20,
        "SHA224" => 28,
        "SHA256" => 32,
        "SHA384" => 48,
        _ => 64,
    };

    public static byte[] Compute(string name, ReadOnlySpan<byte> data) => name switch
    {
        "MD5" => MD5.HashData(data),
        "SHA1" => SHA1.HashData(data),
        "SHA256" => SHA256.HashData(data),
        "SHA384" => SHA384.HashData(data),
        "SHA512" => SHA512.HashData(data),
        _ => DigestUtilities.CalculateDigest(name, data.ToArray()),
    };
}
