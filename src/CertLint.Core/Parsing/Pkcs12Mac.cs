using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace CertLint.Parsing;

/// <summary>
/// The PKCS#12 integrity MAC (RFC 7292 §4 and Appendix B: HMAC keyed by the PKCS#12 KDF, ID 3) for the digests .NET's
/// Pkcs12Info.VerifyMac does not know (SHA-224, SHA-512/224, SHA-512/256: openssl pkcs12 -macalg writes them), by
/// BouncyCastle. Iteration counts are checked by the caller (<see cref="KdfLimitException"/>) first.
/// </summary>
internal static class Pkcs12Mac
{
    /// <summary>PBMAC1 (RFC 9579): a MAC keyed by PBKDF2, not by the PKCS#12 KDF.</summary>
    public const string Pbmac1Oid = "1.2.840.113549.1.5.14";

    /// <summary>
    /// Whether <paramref name="password"/> (null and "" being the two empty PKCS#12 passwords) verifies the MAC, or
    /// null when its algorithm is one this verifier does not know either (the caller says which).
    /// </summary>
    public static bool? Verify(ReadOnlyMemory<byte> pfx, string? password, out string algorithm)
    {
        algorithm = "none";
        if (Pkcs12AuthSafe.Content(pfx, out var macData) is not { } content || macData is null) return null;
        var digestInfo = macData.ReadSequence();
        algorithm = digestInfo.ReadSequence().ReadObjectIdentifier();
        var stored = digestInfo.ReadOctetString();
        var salt = macData.ReadOctetString();
        var iterations = macData.HasData && macData.TryReadInt32(out var n) ? n : 1;
        if (algorithm == Pbmac1Oid || iterations < 1 || DigestOf(algorithm) is not { } digest) return null;

        var passwordBytes = PbeParametersGenerator.Pkcs12PasswordToBytes((password ?? "").ToCharArray(), wrongPkcs12Zero: password is { Length: 0 });
        byte[]? key = null;
        try
        {
            var generator = new Pkcs12ParametersGenerator(digest);
            generator.Init(passwordBytes, salt, iterations);
            key = ((KeyParameter)generator.GenerateDerivedMacParameters(digest.GetDigestSize() * 8)).GetKey();
            var hmac = new HMac(DigestOf(algorithm)!);
            hmac.Init(new KeyParameter(key));
            hmac.BlockUpdate(content, 0, content.Length);
            var mac = new byte[hmac.GetMacSize()];
            hmac.DoFinal(mac, 0);
            return CryptographicOperations.FixedTimeEquals(mac, stored);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
            if (key is not null) CryptographicOperations.ZeroMemory(key);
        }
    }

    private static IDigest? DigestOf(string oid)
    {
        try
        {
            return DigestUtilities.GetDigest(oid);
        }
        catch (SecurityUtilityException)
        {
            return null;
        }
    }
}
