using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;

namespace CertLint.Parsing;

/// <summary>
/// Decryption under the PKCS#12 PBE schemes (RFC 7292 Appendix C: SHA-1 with 3DES or RC2), by BouncyCastle, so a
/// safe's plaintext can be measured before .NET's recursive decoder sees it (<see cref="Pkcs12Nesting"/>); the BCL
/// decrypts these only inside Pkcs12SafeContents.Decrypt, which decodes as it goes. Iteration counts are checked by
/// the caller (<see cref="KdfLimitException"/>) first.
/// </summary>
internal static class Pkcs12PbeDecryptor
{
    /// <summary>pbeWithSHAAnd3-KeyTripleDES-CBC, 2-KeyTripleDES-CBC, 128BitRC2-CBC, 40BitRC2-CBC: what .NET opens.</summary>
    private static readonly HashSet<string> Schemes = new(StringComparer.Ordinal)
    {
        "1.2.840.113549.1.12.1.3", "1.2.840.113549.1.12.1.4", "1.2.840.113549.1.12.1.5", "1.2.840.113549.1.12.1.6",
    };

    /// <summary>
    /// Decrypts a (algorithm, ciphertext) SEQUENCE with one password. Null and "" are the two empty PKCS#12 passwords
    /// (no bytes, and a lone BMP terminator), as .NET tells them apart. On <see cref="Pbes2Decryptor.Result.Decrypted"/>
    /// the caller zeroes <paramref name="plain"/>.
    /// </summary>
    public static Pbes2Decryptor.Result TryDecrypt(ReadOnlyMemory<byte> der, string? password, out byte[]? plain)
    {
        plain = null;
        var blob = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var algorithmDer = blob.ReadEncodedValue();
        var ciphertext = blob.ReadOctetString();
        var oid = new AsnReader(algorithmDer, AsnEncodingRules.BER).ReadSequence().ReadObjectIdentifier();
        if (!Schemes.Contains(oid) || ciphertext.Length == 0 || ciphertext.Length % 8 != 0) return Pbes2Decryptor.Result.Unsupported;
        var passwordChars = (password ?? "").ToCharArray();
        byte[]? decrypted = null;
        try
        {
            var algorithm = AlgorithmIdentifier.GetInstance(Asn1Object.FromByteArray(algorithmDer.ToArray()));
            if (PbeUtilities.CreateEngine(algorithm) is not IBufferedCipher cipher) return Pbes2Decryptor.Result.Unsupported;
            cipher.Init(false, PbeUtilities.GenerateCipherParameters(algorithm, passwordChars, wrongPkcs12Zero: password is { Length: 0 }));
            decrypted = cipher.DoFinal(ciphertext);
            if (!Pbes2Decryptor.LooksLikeDerSequence(decrypted)) return Pbes2Decryptor.Result.WrongPassword;
            plain = decrypted;
            decrypted = null;
            return Pbes2Decryptor.Result.Decrypted;
        }
        catch (InvalidCipherTextException)
        {
            return Pbes2Decryptor.Result.WrongPassword; // bad padding
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException or IOException
                                      or SecurityUtilityException or InvalidCastException or ArithmeticException)
        {
            return Pbes2Decryptor.Result.Unsupported; // parameters BouncyCastle cannot use: .NET's decoder says how
        }
        finally
        {
            Array.Clear(passwordChars);
            if (decrypted is not null) CryptographicOperations.ZeroMemory(decrypted);
        }
    }
}
