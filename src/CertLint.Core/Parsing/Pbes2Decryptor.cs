using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace CertLint.Parsing;

/// <summary>
/// PBES2 (PBKDF2 + AES-CBC or DES-EDE3-CBC) decryption of an EncryptedPrivateKeyInfo, done here rather than by
/// Pkcs8PrivateKeyInfo.DecryptAndDecode so the two failures stay apart, as openssl keeps them: bad padding or a
/// plaintext that is not a DER SEQUENCE means a wrong password; a well-formed decryption whose key does not parse
/// means the file is corrupt. Iteration counts are checked by the caller (<see cref="KdfLimitException"/>) first.
/// </summary>
internal static class Pbes2Decryptor
{
    private const string Pbes2 = "1.2.840.113549.1.5.13";
    private static readonly Dictionary<string, int> KeySizes = new()
    {
        ["2.16.840.1.101.3.4.1.2"] = 16, ["2.16.840.1.101.3.4.1.22"] = 24, ["2.16.840.1.101.3.4.1.42"] = 32, ["1.2.840.113549.3.7"] = 24,
    };

    /// <summary>Outcome of one attempt.</summary>
    public enum Result { Unsupported, WrongPassword, Decrypted }

    /// <summary>Decrypts with one password. On <see cref="Result.Decrypted"/>, <paramref name="plain"/> holds the PKCS#8 bytes (the caller zeroes them).</summary>
    public static Result TryDecrypt(ReadOnlyMemory<byte> der, string password, out byte[]? plain)
    {
        plain = null;
        var epki = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var algorithm = epki.ReadSequence();
        if (algorithm.ReadObjectIdentifier() != Pbes2) return Result.Unsupported;
        var parameters = algorithm.ReadSequence();
        var kdf = parameters.ReadSequence();
        if (kdf.ReadObjectIdentifier() != Pbkdf2Parameters.Oid) return Result.Unsupported;
        var pbkdf2 = Pbkdf2Parameters.Read(kdf.ReadSequence());
        if (pbkdf2 is not { Salt: { } salt, Iterations: >= 1 and <= int.MaxValue, DotnetPrf: { } prf }) return Result.Unsupported;
        var iterations = (int)pbkdf2.Iterations;
        var scheme = parameters.ReadSequence();
        if (!KeySizes.TryGetValue(scheme.ReadObjectIdentifier(), out var keySize)) return Result.Unsupported;
        var iv = scheme.ReadOctetString();
        var ciphertext = epki.ReadOctetString();
        using SymmetricAlgorithm cipher = keySize == 24 && iv.Length == 8 ? TripleDES.Create() : Aes.Create();
        if (iv.Length != cipher.BlockSize / 8 || ciphertext.Length == 0 || ciphertext.Length % iv.Length != 0) return Result.Unsupported;

        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var key = Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt.Span, iterations, prf, keySize);
        byte[]? padded = null;
        try
        {
            cipher.Key = key;
            padded = cipher.DecryptCbc(ciphertext, iv, PaddingMode.None);
            var length = UnpaddedLength(padded, iv.Length);
            if (length < 0 || !LooksLikeDerSequence(padded.AsSpan(0, length))) return Result.WrongPassword;
            plain = padded[..length];
            return Result.Decrypted;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            CryptographicOperations.ZeroMemory(key);
            if (padded is not null) CryptographicOperations.ZeroMemory(padded);
        }
    }

    /// <summary>Length without PKCS#7 padding, or -1 when the padding is invalid.</summary>
    private static int UnpaddedLength(byte[] padded, int blockSize)
    {
        var n = padded[^1];
        if (n < 1 || n > blockSize) return -1;
        for (var i = padded.Length - n; i < padded.Length; i++)
        {
            if (padded[i] != n) return -1;
        }
        return padded.Length - n;
    }

    /// <summary>A SEQUENCE header whose length covers exactly the plaintext: what a right password yields.</summary>
    internal static bool LooksLikeDerSequence(ReadOnlySpan<byte> plain)
    {
        if (plain.Length < 2 || plain[0] != 0x30) return false;
        try
        {
            return AsnDecoder.TryReadEncodedValue(plain, AsnEncodingRules.BER, out _, out _, out _, out var consumed) && consumed == plain.Length;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
