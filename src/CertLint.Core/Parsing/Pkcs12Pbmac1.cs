using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace CertLint.Parsing;

/// <summary>
/// PBMAC1 (RFC 8018 §7.1) as RFC 9579 puts it in a PFX's MacData: an HMAC keyed by PBKDF2 over the authSafe content.
/// Unlike the PKCS#12 KDF, PBKDF2 takes the password as UTF-8 (no BMPString, so both empty passwords are the same
/// empty string), and MacData's own macSalt and iterations are unused: the PBKDF2 parameters hold them. Their
/// iteration count is bounded by the caller (<see cref="KdfLimitException"/>) before any derivation.
/// </summary>
internal static class Pkcs12Pbmac1
{
    public const string Oid = "1.2.840.113549.1.5.14";

    /// <summary>
    /// The longest HMAC key derived: a hostile keyLength would make PBKDF2 run its count once per output block.
    /// A key longer than the digest's block (at most 128 bytes for SHA-512) adds nothing, HMAC hashes it first.
    /// </summary>
    private const long MaxKeyBytes = 128;

    /// <summary>
    /// PBMAC1-params (RFC 8018 §A.5; the reader is inside the AlgorithmIdentifier, after its OID): the key derivation's
    /// OID, its PBKDF2 parameters when it is PBKDF2, and the MAC's OID. The one reader for verifying and for
    /// <see cref="PbeInspector"/>'s description and bound.
    /// </summary>
    public static (string KdfOid, Pbkdf2Parameters? Pbkdf2, string MacOid) ReadParameters(AsnReader algorithm)
    {
        var parameters = algorithm.ReadSequence();
        var kdf = parameters.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var macOid = parameters.ReadSequence().ReadObjectIdentifier();
        return (kdfOid, kdfOid == Pbkdf2Parameters.Oid ? Pbkdf2Parameters.Read(kdf.ReadSequence()) : null, macOid);
    }

    /// <summary>
    /// Whether <paramref name="password"/> verifies <paramref name="stored"/> over <paramref name="content"/>, or null
    /// with <paramref name="unsupported"/> naming what this verifier does not know (the reader is inside the
    /// AlgorithmIdentifier, after its OID).
    /// </summary>
    public static bool? Verify(AsnReader algorithm, byte[] content, byte[] stored, string? password, out string unsupported)
    {
        var (kdfOid, parsed, macOid) = ReadParameters(algorithm);
        unsupported = $"PBMAC1 with key derivation {kdfOid}";
        if (parsed is not { } pbkdf2) return null;
        unsupported = "PBMAC1 without a keyLength (RFC 9579 requires one)";
        if (pbkdf2.KeyLength is not { } keyLength) return null;
        unsupported = $"PBMAC1 with a keyLength of {keyLength} bytes (1 to {MaxKeyBytes} are read)";
        if (keyLength is < 1 or > MaxKeyBytes) return null;
        unsupported = "PBMAC1 with an otherSource salt or an iteration count below 1";
        if (pbkdf2 is not { Salt: { } salt, Iterations: >= 1 and <= int.MaxValue }) return null;
        unsupported = $"PBMAC1 with HMAC {macOid}";
        if (!Pbkdf2Parameters.HmacDigests.TryGetValue(macOid, out var macDigest)) return null;
        unsupported = $"PBMAC1 with PBKDF2 pseudo-random function {pbkdf2.PrfOid}";
        if (pbkdf2.DotnetPrf is null && !Pbkdf2Parameters.HmacDigests.ContainsKey(pbkdf2.PrfOid)) return null;

        var iterations = (int)pbkdf2.Iterations;
        return Pkcs12Mac.HmacMatches(Encoding.UTF8.GetBytes(password ?? ""), bytes => Derive(pbkdf2, bytes, salt.Span, iterations, (int)keyLength),
            DigestUtilities.GetDigest(macDigest), content, stored);
    }

    /// <summary>PBKDF2 by .NET where it knows the PRF, else by BouncyCastle (HMAC-SHA224, -SHA512/224, -SHA512/256).</summary>
    private static byte[] Derive(Pbkdf2Parameters pbkdf2, byte[] password, ReadOnlySpan<byte> salt, int iterations, int keyLength)
    {
        if (pbkdf2.DotnetPrf is { } prf) return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf, keyLength);
        var generator = new Pkcs5S2ParametersGenerator(DigestUtilities.GetDigest(Pbkdf2Parameters.HmacDigests[pbkdf2.PrfOid]));
        generator.Init(password, salt.ToArray(), iterations);
        return ((KeyParameter)generator.GenerateDerivedMacParameters(keyLength * 8)).GetKey();
    }
}
