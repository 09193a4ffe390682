using System.Security.Cryptography;
using System.Text;

namespace CertLint.Parsing;

/// <summary>
/// OpenSSL "traditional" PEM encryption (Proc-Type: 4,ENCRYPTED / DEK-Info: cipher,iv): key = EVP_BytesToKey(MD5, 1 round,
/// salt = first 8 bytes of the IV). Only AES-*-CBC and DES-EDE3-CBC are supported; others need a password we cannot use.
/// </summary>
internal static class LegacyPemDecryptor
{
    /// <summary>Decrypts with <paramref name="password"/>; null when the cipher is unsupported. Throws CryptographicException on a wrong password (bad padding).</summary>
    public static byte[]? Decrypt(string dekInfo, ReadOnlySpan<byte> ciphertext, string password)
    {
        var comma = dekInfo.IndexOf(',');
        if (comma < 0) return null;
        var cipherName = dekInfo[..comma].Trim().ToUpperInvariant();
        var iv = Convert.FromHexString(dekInfo[(comma + 1)..].Trim());
        using SymmetricAlgorithm? cipher = cipherName switch
        {
            "AES-128-CBC" or "AES-192-CBC" or "AES-256-CBC" => Aes.Create(),
            "DES-EDE3-CBC" => TripleDES.Create(),
            _ => null,
        };
        if (cipher is null) return null;
        var keyLength = cipherName switch { "AES-128-CBC" => 16, "AES-192-CBC" => 24, _ => 32 };
        if (cipherName == "DES-EDE3-CBC") keyLength = 24;
        var key = BytesToKey(password, iv.AsSpan(0, 8), keyLength);
        try
        {
            cipher.Key = key;
            return cipher.DecryptCbc(ciphertext, iv, PaddingMode.PKCS7);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The protection legacy PEM encryption gives: always weak (one MD5 round, no salt stretching).</summary>
    public static PbeInfo Describe(string dekInfo)
    {
        var cipher = dekInfo.Split(',')[0].Trim();
        return new PbeInfo("legacy PEM", 1, $"legacy PEM encryption ({cipher}, key from one MD5 round)",
            "legacy OpenSSL PEM encryption derives the key with a single MD5 round (use PKCS#8 with PBES2)");
    }

    /// <summary>EVP_BytesToKey with MD5 and one iteration: D_i = MD5(D_{i-1} || password || salt).</summary>
    private static byte[] BytesToKey(string password, ReadOnlySpan<byte> salt, int keyLength)
    {
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var key = new byte[keyLength];
        var input = new byte[16 + passwordBytes.Length + salt.Length];
        Span<byte> digest = stackalloc byte[16];
        try
        {
            var filled = 0;
            var previous = 0;
            while (filled < keyLength)
            {
                digest[..previous].CopyTo(input);
                passwordBytes.CopyTo(input, previous);
                salt.CopyTo(input.AsSpan(previous + passwordBytes.Length));
                MD5.HashData(input.AsSpan(0, previous + passwordBytes.Length + salt.Length), digest);
                var take = Math.Min(16, keyLength - filled);
                digest[..take].CopyTo(key.AsSpan(filled));
                filled += take;
                previous = 16;
            }
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(digest);
        }
    }
}
