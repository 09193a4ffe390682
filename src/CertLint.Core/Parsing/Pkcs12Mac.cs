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
/// BouncyCastle, and PBMAC1 (RFC 9579). Iteration counts are checked by the caller (<see cref="KdfLimitException"/>) first.
/// </summary>
internal static class Pkcs12Mac
{
    /// <summary>
    /// Whether <paramref name="password"/> (null and "" being the two empty PKCS#12 passwords) verifies the MAC, or
    /// null with <paramref name="unsupported"/> naming what this verifier does not know either. PBMAC1 (RFC 9579)
    /// is <see cref="Pkcs12Pbmac1"/>'s.
    /// </summary>
    public static bool? Verify(ReadOnlyMemory<byte> pfx, string? password, out string unsupported)
    {
        unsupported = "no MAC";
        if (Pkcs12AuthSafe.Content(pfx, out var macData) is not { } content || macData is null) return null;
        var digestInfo = macData.ReadSequence();
        var algorithmIdentifier = digestInfo.ReadSequence();
        var algorithm = algorithmIdentifier.ReadObjectIdentifier();
        var stored = digestInfo.ReadOctetString();
        if (algorithm == Pkcs12Pbmac1.Oid) return Pkcs12Pbmac1.Verify(algorithmIdentifier, content, stored, password, out unsupported);
        var salt = macData.ReadOctetString();
        var iterations = macData.HasData && macData.TryReadInt32(out var n) ? n : 1;
        unsupported = $"digest {algorithm}";
        if (iterations < 1 || DigestOf(algorithm) is not { } digest) return null;

        var passwordBytes = PbeParametersGenerator.Pkcs12PasswordToBytes((password ?? "").ToCharArray(), wrongPkcs12Zero: password is { Length: 0 });
        return HmacMatches(passwordBytes, bytes =>
        {
            var generator = new Pkcs12ParametersGenerator(digest);
            generator.Init(bytes, salt, iterations);
            return ((KeyParameter)generator.GenerateDerivedMacParameters(digest.GetDigestSize() * 8)).GetKey();
        }, DigestOf(algorithm)!, content, stored);
    }

    /// <summary>
    /// Whether the HMAC of <paramref name="content"/> under the key <paramref name="derive"/> makes from the password
    /// bytes is <paramref name="stored"/>. The password bytes and the key are zeroed whatever happens.
    /// </summary>
    internal static bool HmacMatches(byte[] passwordBytes, Func<byte[], byte[]> derive, IDigest digest, byte[] content, byte[] stored)
    {
        byte[]? key = null;
        try
        {
            key = derive(passwordBytes);
            var hmac = new HMac(digest);
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
