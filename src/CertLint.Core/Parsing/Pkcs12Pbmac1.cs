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

    /// <summary>The HMAC algorithms of RFC 8018 §B.1 by OID, as BouncyCastle names their digests.</summary>
    private static readonly Dictionary<string, string> HmacDigests = new()
    {
        ["1.2.840.113549.2.7"] = "SHA-1", ["1.2.840.113549.2.8"] = "SHA-224", ["1.2.840.113549.2.9"] = "SHA-256",
        ["1.2.840.113549.2.10"] = "SHA-384", ["1.2.840.113549.2.11"] = "SHA-512",
        ["1.2.840.113549.2.12"] = "SHA-512/224", ["1.2.840.113549.2.13"] = "SHA-512/256",
    };

    /// <summary>
    /// Whether <paramref name="password"/> verifies <paramref name="stored"/> over <paramref name="content"/>, or null
    /// with <paramref name="unsupported"/> naming what this verifier does not know (the reader is inside the
    /// AlgorithmIdentifier, after its OID).
    /// </summary>
    public static bool? Verify(AsnReader algorithm, byte[] content, byte[] stored, string? password, out string unsupported)
    {
        var parameters = algorithm.ReadSequence();
        var kdf = parameters.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var macOid = parameters.ReadSequence().ReadObjectIdentifier();
        unsupported = $"PBMAC1 with key derivation {kdfOid}";
        if (kdfOid != Pbkdf2Parameters.Oid) return null;
        var pbkdf2 = Pbkdf2Parameters.Read(kdf.ReadSequence());
        unsupported = "PBMAC1 without a keyLength (RFC 9579 requires one)";
        if (pbkdf2.KeyLength is not { } keyLength) return null;
        unsupported = $"PBMAC1 with a keyLength of {keyLength} bytes (1 to {MaxKeyBytes} are read)";
        if (keyLength is < 1 or > MaxKeyBytes) return null;
        unsupported = "PBMAC1 with an otherSource salt or an iteration count below 1";
        if (pbkdf2 is not { Salt: { } salt, Iterations: >= 1 and <= int.MaxValue }) return null;
        unsupported = $"PBMAC1 with HMAC {macOid}";
        if (!HmacDigests.TryGetValue(macOid, out var macDigest)) return null;
        unsupported = $"PBMAC1 with PBKDF2 pseudo-random function {pbkdf2.PrfOid}";
        if (pbkdf2.DotnetPrf is null && !HmacDigests.ContainsKey(pbkdf2.PrfOid)) return null;

        var iterations = (int)pbkdf2.Iterations;
        return Pkcs12Mac.HmacMatches(Encoding.UTF8.GetBytes(password ?? ""), bytes => Derive(pbkdf2, bytes, salt.Span, iterations, (int)keyLength),
            DigestUtilities.GetDigest(macDigest), content, stored);
    }

    /// <summary>PBKDF2 by .NET where it knows the PRF, else by BouncyCastle (HMAC-SHA224, -SHA512/224, -SHA512/256).</summary>
    private static byte[] Derive(Pbkdf2Parameters pbkdf2, byte[] password, ReadOnlySpan<byte> salt, int iterations, int keyLength)
    {
        if (pbkdf2.DotnetPrf is { } prf) return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, prf, keyLength);
        var generator = new Pkcs5S2ParametersGenerator(DigestUtilities.GetDigest(HmacDigests[pbkdf2.PrfOid]));
        generator.Init(password, salt.ToArray(), iterations);
        return ((KeyParameter)generator.GenerateDerivedMacParameters(keyLength * 8)).GetKey();
    }
}
