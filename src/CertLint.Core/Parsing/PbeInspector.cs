using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>How a password becomes a key for one encrypted object, read from its AlgorithmIdentifier without deriving anything.</summary>
/// <param name="Scheme">PBES2, PBES1, PKCS#12 PBE, or the OID when unknown.</param>
/// <param name="Iterations">The iteration count (long.MaxValue for a count that does not fit).</param>
/// <param name="Description">e.g. "PBES2 (PBKDF2-HMAC-SHA256, 2048 iterations, AES-256-CBC)".</param>
/// <param name="Weakness">Why the protection is weak, or null.</param>
public sealed record PbeInfo(string Scheme, long Iterations, string Description, string? Weakness);

/// <summary>
/// Reads password-based encryption parameters (PKCS#5 PBES1/PBES2, PKCS#12 PBE, PKCS#12 MacData) from the ASN.1
/// before any .NET API derives a key, so an iteration count of 2^31-1 in a 241-byte file is refused, not run.
/// </summary>
public static class PbeInspector
{
    /// <summary>Iteration counts above this are never attempted (configurable down with limits.kdfIterations).</summary>
    public const long DefaultMaxIterations = 10_000_000;
    /// <summary>Below this, PBKDF2 and the PKCS#12 MAC are weak (NIST SP 800-132 asks for "as large as feasible").</summary>
    public const long WeakIterations = 10_000;
    /// <summary>The <see cref="PbeInfo.Scheme"/> of a PFX's integrity MAC: the PKCS#12 KDF's, or PBMAC1 (RFC 9579).</summary>
    public const string MacScheme = "PKCS#12 MAC", Pbmac1Scheme = "PBMAC1";

    private const string Pbes2 = "1.2.840.113549.1.5.13";

    private static readonly Dictionary<string, string> Pbes1 = new()
    {
        ["1.2.840.113549.1.5.1"] = "MD2 and DES-CBC", ["1.2.840.113549.1.5.4"] = "MD2 and RC2-64",
        ["1.2.840.113549.1.5.3"] = "MD5 and DES-CBC", ["1.2.840.113549.1.5.6"] = "MD5 and RC2-64",
        ["1.2.840.113549.1.5.10"] = "SHA-1 and DES-CBC", ["1.2.840.113549.1.5.11"] = "SHA-1 and RC2-64",
    };

    private static readonly Dictionary<string, string> Pkcs12Pbe = new()
    {
        ["1.2.840.113549.1.12.1.1"] = "SHA-1 and RC4-128", ["1.2.840.113549.1.12.1.2"] = "SHA-1 and RC4-40",
        ["1.2.840.113549.1.12.1.3"] = "SHA-1 and 3-key 3DES", ["1.2.840.113549.1.12.1.4"] = "SHA-1 and 2-key 3DES",
        ["1.2.840.113549.1.12.1.5"] = "SHA-1 and RC2-128", ["1.2.840.113549.1.12.1.6"] = "SHA-1 and RC2-40",
    };

    private static readonly Dictionary<string, (string Name, bool Weak)> Ciphers = new()
    {
        ["2.16.840.1.101.3.4.1.2"] = ("AES-128-CBC", false), ["2.16.840.1.101.3.4.1.22"] = ("AES-192-CBC", false),
        ["2.16.840.1.101.3.4.1.42"] = ("AES-256-CBC", false), ["1.2.840.113549.3.7"] = ("DES-EDE3-CBC", true),
        ["1.3.14.3.2.7"] = ("DES-CBC", true), ["1.2.840.113549.3.2"] = ("RC2-CBC", true),
    };

    private static readonly Dictionary<string, string> Digests = new()
    {
        ["1.3.14.3.2.26"] = "SHA-1", ["2.16.840.1.101.3.4.2.1"] = "SHA-256", ["2.16.840.1.101.3.4.2.2"] = "SHA-384",
        ["2.16.840.1.101.3.4.2.3"] = "SHA-512", ["2.16.840.1.101.3.4.2.4"] = "SHA-224", ["1.2.840.113549.2.5"] = "MD5",
        ["2.16.840.1.101.3.4.2.5"] = "SHA-512/224", ["2.16.840.1.101.3.4.2.6"] = "SHA-512/256",
    };

    /// <summary>
    /// What a PFX shows before any password: its MAC and the scheme of each password-encrypted safe (shrouded key
    /// bags inside encrypted safes are checked by the caller once their safe is open).
    /// </summary>
    public static IReadOnlyList<PbeInfo> InspectPfx(ReadOnlyMemory<byte> pfx)
    {
        var found = new List<PbeInfo>();
        var contentInfos = Pkcs12AuthSafe.ContentInfos(pfx, out var macData);
        if (macData is not null) found.Add(ReadMacData(macData));
        foreach (var (type, contentInfo) in contentInfos ?? []) // none: public-key integrity, no password involved
        {
            if (type != Pkcs12AuthSafe.EncryptedDataOid) continue;
            var encryptedData = contentInfo.ReadSequence(Pkcs12AuthSafe.Context0).ReadSequence();
            encryptedData.ReadEncodedValue(); // version
            var encryptedContentInfo = encryptedData.ReadSequence();
            encryptedContentInfo.ReadObjectIdentifier();
            found.Add(ReadAlgorithm(encryptedContentInfo.ReadSequence()));
        }
        return found;
    }

    /// <summary>An EncryptedPrivateKeyInfo (PKCS#8): SEQUENCE { AlgorithmIdentifier, OCTET STRING }.</summary>
    public static PbeInfo ReadEncryptedPrivateKeyInfo(ReadOnlyMemory<byte> der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        return ReadAlgorithm(seq.ReadSequence());
    }

    /// <summary>A password-based encryption AlgorithmIdentifier (the reader is inside its SEQUENCE).</summary>
    public static PbeInfo ReadAlgorithm(AsnReader algorithm)
    {
        var oid = algorithm.ReadObjectIdentifier();
        if (oid == Pbes2) return ReadPbes2(algorithm.ReadSequence());
        if (Pbes1.TryGetValue(oid, out var pbes1))
        {
            var iterations = SaltAndCount(algorithm.ReadSequence());
            return new PbeInfo("PBES1", iterations, $"PKCS#5 PBES1 ({pbes1}, {Count(iterations)})", $"PKCS#5 v1.5 PBES1 ({pbes1}) is obsolete");
        }
        if (Pkcs12Pbe.TryGetValue(oid, out var pkcs12))
        {
            var iterations = SaltAndCount(algorithm.ReadSequence());
            return new PbeInfo("PKCS#12 PBE", iterations, $"PKCS#12 PBE ({pkcs12}, {Count(iterations)})", $"PKCS#12 PBE with {pkcs12} is obsolete (use PBES2 with AES)");
        }
        return new PbeInfo(oid, 0, $"encryption {oid}", null);
    }

    /// <summary>The MacData of a PFX: SEQUENCE { DigestInfo { AlgorithmIdentifier, digest }, macSalt, iterations DEFAULT 1 }.</summary>
    public static PbeInfo ReadMacData(AsnReader macData)
    {
        var digestInfo = macData.ReadSequence();
        var algorithm = digestInfo.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        if (oid == Pkcs12Pbmac1.Oid) return ReadPbmac1(algorithm);
        var digest = Digests.GetValueOrDefault(oid, oid);
        macData.ReadOctetString();
        var iterations = macData.HasData ? ReadCount(macData) : 1;
        string? weakness = digest is "SHA-1" or "MD5" ? $"the integrity MAC uses {digest}"
            : iterations < WeakIterations ? $"the integrity MAC uses only {Count(iterations)}" : null;
        return new PbeInfo(MacScheme, iterations, $"HMAC-{digest} MAC, {Count(iterations)}", weakness);
    }

    /// <summary>
    /// PBMAC1-params (RFC 8018 §7.1, in PKCS#12 by RFC 9579): the PBKDF2 parameters hold the iteration count that
    /// counts (the MacData's own count is unused), so that is the one bounded and judged.
    /// </summary>
    private static PbeInfo ReadPbmac1(AsnReader algorithm)
    {
        var (kdfOid, pbkdf2, mac) = Pkcs12Pbmac1.ReadParameters(algorithm);
        var macName = Pbkdf2Parameters.HmacName(mac);
        if (pbkdf2 is null) return new PbeInfo(Pbmac1Scheme, 0, $"PBMAC1 ({kdfOid}, {macName})", null);
        var (iterations, prf) = (pbkdf2.Iterations, Pbkdf2Parameters.HmacName(pbkdf2.PrfOid));
        var weakness = iterations < WeakIterations ? $"PBMAC1's PBKDF2 uses only {Count(iterations)} (fewer than {Number(WeakIterations)})" : null;
        return new PbeInfo(Pbmac1Scheme, iterations, $"PBMAC1 (PBKDF2-{prf}, {Count(iterations)}, {macName})", weakness);
    }

    /// <summary>PBKDF2-params: the iteration count and the PRF's name.</summary>
    private static (long Iterations, string Prf) Pbkdf2(AsnReader p)
    {
        var parameters = Pbkdf2Parameters.Read(p);
        return (parameters.Iterations, Pbkdf2Parameters.HmacName(parameters.PrfOid));
    }

    private static PbeInfo ReadPbes2(AsnReader parameters)
    {
        var kdf = parameters.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var cipher = parameters.ReadSequence().ReadObjectIdentifier();
        var (cipherName, weakCipher) = Ciphers.GetValueOrDefault(cipher, (cipher, false));
        if (kdfOid != Pbkdf2Parameters.Oid) return new PbeInfo("PBES2", 0, $"PBES2 ({kdfOid}, {cipherName})", null);
        var (iterations, prf) = Pbkdf2(kdf.ReadSequence());
        var weakness = weakCipher ? $"PBES2 encrypts with {cipherName}"
            : iterations < WeakIterations ? $"PBKDF2 uses only {Count(iterations)} (fewer than {Number(WeakIterations)})" : null;
        return new PbeInfo("PBES2", iterations, $"PBES2 (PBKDF2-{prf}, {Count(iterations)}, {cipherName})", weakness);
    }

    private static long SaltAndCount(AsnReader parameters)
    {
        parameters.ReadOctetString();
        return ReadCount(parameters);
    }

    private static long ReadCount(AsnReader reader) => Pbkdf2Parameters.ReadCount(reader);

    private static string Count(long n) => n == long.MaxValue ? "an iteration count beyond 2^63" : $"{Number(n)} iteration{(n == 1 ? "" : "s")}";

    /// <summary>1,000,000 whatever the culture.</summary>
    public static string Number(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
