using System.Buffers.Binary;
using System.Security.Cryptography;
using CertLint.Model;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace CertLint.Parsing;

/// <summary>
/// BouncyCastle keystores (BKS, BKS-V1: BouncyCastle's BcKeyStoreSpi), the truststores Android apps ship for
/// certificate pinning. Layout: version (0, 1 or 2), salt, iteration count, then entries (a type byte, 0 ending them;
/// alias, date, a certificate chain, then the entry's object) and an HMAC-SHA1 over the entries, keyed by the PKCS#12
/// KDF (SHA-1) of the store password. Nothing but that MAC is protected: trusted certificates, chains and KEY entries
/// (private keys as PKCS#8, in clear) are read without a password. SEALED entries (keys under PKCS#12 PBE SHA-1/3DES)
/// and SECRET ones (bytes the application protected) are never opened. A SECRET entry, a SEALED one without a
/// certificate chain (keytool -genseckey: a private key always has its chain) and a KEY entry of a secret key are the
/// store's <see cref="SecretKeyInfo"/>s, named by their alias; sealed keys with a chain are counted as keys. A candidate password is only used to
/// verify the MAC, after the iteration count was checked against the key-derivation limit. UBER stores (the same
/// header, then everything encrypted with Twofish) are decrypted by a candidate password, paid for from the same
/// budget, and then walked as BKS; none opening one, it is a parse error.
/// </summary>
internal static partial class BksParser
{
    private const int MacLength = 20;
    private const int MaxChain = 32;

    /// <summary>A file named *.bks: read as BKS unless its bytes say JKS, JCEKS or DER.</summary>
    public static bool HasBksName(SourceFile file) => file.RelativePath.EndsWith(".bks", StringComparison.OrdinalIgnoreCase);

    /// <summary>Content whose whole layout is a BKS store (any name: a .keystore or .truststore holding BKS).</summary>
    public static bool IsBks(byte[] bytes)
    {
        if (bytes.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(bytes) > 2) return false;
        try
        {
            Walk(bytes);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads the store; throws <see cref="FormatException"/> on a malformed one, <see cref="KdfLimitException"/> or <see cref="PasswordRequiredException"/> after adding its certificates and clear keys when no candidate verifies it.</summary>
    public static void Parse(byte[] bytes, SourceLocation location, IReadOnlyList<string> passwords, KdfMeter kdf, Collector result)
    {
        Layout layout;
        PbeInfo? uber = null;
        string? uberPassword = null;
        var store = bytes;
        try
        {
            layout = Walk(bytes);
        }
        catch (UberException header)
        {
            uber = UberEncryption(header.Iterations);
            kdf.Check(uber); // before any derivation, as for the BKS MAC
            (layout, store, uberPassword) = OpenUber(bytes, header, Candidates(passwords), kdf, uber) ?? throw new FormatException(header.Message);
        }
        try
        {
            Read(store, layout, location, passwords, kdf, result, uber, uberPassword);
        }
        finally
        {
            if (uber is not null) CryptographicOperations.ZeroMemory(store); // the decrypted store: clear keys and secrets
        }
    }

    private static IEnumerable<string> Candidates(IReadOnlyList<string> passwords) => passwords.Append(JksParser.WellKnownPassword).Distinct(StringComparer.Ordinal);

    private static void Read(byte[] bytes, Layout layout, SourceLocation location, IReadOnlyList<string> passwords, KdfMeter kdf, Collector result, PbeInfo? uber, string? uberPassword)
    {
        result.Kind = FileKind.Bks;
        var certificates = new List<CertificateInfo>();
        var keys = new List<KeyInfo>();
        var index = 0;
        foreach (var (range, isKey) in layout.Objects)
        {
            var at = location with { Index = index++ };
            if (isKey) keys.Add(PlainKey(bytes[range], at));
            else certificates.Add(CertificateParser.Parse(bytes[range], at, ObjectFormat.Bks));
        }
        result.Certificates.AddRange(certificates);
        result.Keys.AddRange(keys);
        // Secret keys, never their bytes: at the store's place after its certificates and keys, each named by its alias.
        result.SecretKeys.AddRange(layout.Secrets.Select((secret, i) =>
            new SecretKeyInfo(location with { Index = index + i }, secret.ByApplication ? SecretKeyContainer.BksSecretEntry : SecretKeyContainer.BksKeyEntry)
            {
                Name = secret.Alias,
                Sealed = secret.Bits is null,
                SizeBits = secret.Bits,
                Algorithm = secret.Algorithm,
            }));
        var mac = uber ?? Mac(layout);
        // An UBER store's encryption protects whatever key or secret it holds; a BKS store's MAC only its sealed ones.
        var sealedKeys = layout.SealedKeys + layout.Secrets.Count(s => s.Bits is null) + (uber is null ? 0 : keys.Count + layout.Secrets.Count);
        // Protected unless the empty or the JDK's default password verified it: a password CertLint was not given protects it.
        KeystoreInfo Info(string? opened) => new(location, opened is not ("" or JksParser.WellKnownPassword), certificates.Count, keys.Count + layout.SealedKeys)
        {
            Protection = sealedKeys > 0 ? [mac] : [],
            Label = uber is null ? "BKS keystore" : "UBER keystore",
            DefaultPassword = opened == JksParser.WellKnownPassword,
        };
        if (uber is not null)
        {
            result.Keystore = Info(uberPassword); // opened: its SHA-1 digest verified under the password
            return;
        }
        result.Keystore = Info(null);
        kdf.Check(mac); // before any derivation: a store claiming 2^31-1 iterations is refused, not run
        string? opened = null;
        foreach (var password in Candidates(passwords))
        {
            kdf.Spend(mac);
            if (!MacMatches(bytes, layout, password)) continue;
            opened = password;
            break;
        }
        result.Keystore = Info(opened);
        if (opened is null)
            throw new PasswordRequiredException(sealedKeys > 0 ? "BKS keystore (its integrity was not checked; its sealed keys are never opened)" : "BKS keystore (its integrity was not checked)");
    }

    private static PbeInfo Mac(Layout layout)
    {
        var iterations = $"{PbeInspector.Number(layout.Iterations)} iteration{(layout.Iterations == 1 ? "" : "s")}";
        var v1 = layout.Version < 2 ? ", a version-1 store whose MAC key is 16 bits" : "";
        return new PbeInfo("BKS", layout.Iterations, $"BKS store MAC (HMAC-SHA1, PKCS#12 KDF, {iterations})",
            $"BouncyCastle BKS: keys sealed with PKCS#12 PBE (SHA-1 and 3DES) and an HMAC-SHA1 store MAC of {iterations}{v1}: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");
    }

    /// <summary>HMAC-SHA1 over the entries (the end byte included), keyed by the PKCS#12 KDF of the password: 20 bytes, or 2 for versions 0 and 1 (BouncyCastle's own slip, kept for compatibility).</summary>
    private static bool MacMatches(byte[] bytes, Layout layout, string password) =>
        Pkcs12Mac.HmacMatches(Org.BouncyCastle.Crypto.PbeParametersGenerator.Pkcs12PasswordToBytes(password.ToCharArray()), passwordBytes =>
        {
            var generator = new Pkcs12ParametersGenerator(new Sha1Digest());
            generator.Init(passwordBytes, bytes[layout.Salt], layout.Iterations);
            return ((KeyParameter)generator.GenerateDerivedMacParameters(layout.Version == 2 ? MacLength * 8 : MacLength)).GetKey();
        }, new Sha1Digest(), bytes[layout.EntriesStart..layout.MacAt], bytes[layout.MacAt..]);

    private static KeyInfo PlainKey(byte[] pkcs8, SourceLocation location)
    {
        try
        {
            var (publicKey, verdict) = KeyParser.PublicKeyOfPkcs8(pkcs8);
            return new KeyInfo
            {
                Location = location,
                Format = ObjectFormat.Bks,
                Encoding = KeyEncoding.Pkcs8,
                IsPrivate = true,
                PublicKey = publicKey,
                Verdict = verdict,
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
