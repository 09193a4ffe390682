using System.Buffers.Binary;
using System.Security.Cryptography;
using CertLint.Model;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
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
internal static class BksParser
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

    /// <summary>
    /// BouncyCastle's UBER store (BcKeyStoreSpi.BouncyCastleStore): after the clear header, the BKS entries and a SHA-1
    /// digest of them, all under PBEWithSHAAndTwofish-CBC (PKCS#12 KDF with SHA-1: a 256-bit key and a 128-bit IV,
    /// PKCS#7 padding). Each candidate password is paid for from the key-derivation budget before it is tried; one
    /// whose padding and digest check out opens the store, whose entries are then walked with the BKS bounds.
    /// </summary>
    private static (Layout Layout, byte[] Store, string Password)? OpenUber(byte[] bytes, UberException header, IEnumerable<string> candidates, KdfMeter kdf, PbeInfo pbe)
    {
        foreach (var password in candidates)
        {
            kdf.Spend(pbe);
            var generator = new Pkcs12ParametersGenerator(new Sha1Digest());
            generator.Init(Org.BouncyCastle.Crypto.PbeParametersGenerator.Pkcs12PasswordToBytes(password.ToCharArray()), bytes[header.Salt], header.Iterations);
            var cipher = new PaddedBufferedBlockCipher(new CbcBlockCipher(new TwofishEngine()), new Pkcs7Padding());
            cipher.Init(false, generator.GenerateDerivedParameters("Twofish", 256, 128));
            byte[] plain;
            try
            {
                plain = cipher.DoFinal(bytes, header.EntriesStart, bytes.Length - header.EntriesStart);
            }
            catch (CryptoException)
            {
                continue; // bad padding or a length no block cipher wrote: not this password
            }
            if (plain.Length >= MacLength && CryptographicOperations.FixedTimeEquals(
                    SHA1.HashData(plain.AsSpan(0, plain.Length - MacLength)), plain.AsSpan(plain.Length - MacLength)))
            {
                return (Entries(new JksParser.Reader(plain, "UBER"), plain, header.Version, header.Salt, header.Iterations, 0), plain, password);
            }
            CryptographicOperations.ZeroMemory(plain);
        }
        return null;
    }

    private static PbeInfo UberEncryption(int iterations)
    {
        var count = $"{PbeInspector.Number(iterations)} iteration{(iterations == 1 ? "" : "s")}";
        return new PbeInfo("UBER", iterations, $"UBER store encryption (Twofish-CBC, PKCS#12 KDF, {count})",
            $"BouncyCastle UBER: the store encrypted with Twofish under a PKCS#12 KDF (SHA-1) of {count}: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");
    }

    /// <summary>The header of what may be an UBER store, whose encrypted body the BKS walk could not read.</summary>
    private sealed class UberException(int version, Range salt, int iterations, int entriesStart)
        : FormatException("an UBER keystore (BouncyCastle's store encrypted as a whole) that no candidate password opened, or a damaged BKS-V1 one")
    {
        public int Version { get; } = version;
        public Range Salt { get; } = salt;
        public int Iterations { get; } = iterations;
        public int EntriesStart { get; } = entriesStart;
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

    /// <summary>What the bounded walk found: certificates and clear private keys in file order, the counted entries, where the MAC starts.</summary>
    internal sealed record Layout(int Version, Range Salt, int Iterations, int EntriesStart, int MacAt, List<(Range Range, bool IsKey)> Objects, int SealedKeys, List<Secret> Secrets);

    /// <summary>A secret-key entry: its alias when printable, and for a secret key stored in clear its length and algorithm (null when sealed).</summary>
    internal sealed record Secret(string? Alias, int? Bits, string? Algorithm)
    {
        /// <summary>A SECRET entry: bytes its application protected, not the store.</summary>
        public bool ByApplication { get; init; }
    }

    /// <summary>
    /// Checks the whole layout before anything is parsed: version 0-2, at most <see cref="JksParser.MaxEntries"/> entries
    /// and <see cref="MaxChain"/> certificates per chain, every length inside the file, certificates of type X.509, and
    /// exactly the 20-byte MAC after the end byte.
    /// </summary>
    internal static Layout Walk(byte[] bytes)
    {
        var r = new JksParser.Reader(bytes, "BKS");
        var version = r.U32();
        if (version > 2) throw new FormatException($"not a BKS keystore (version {version})");
        var saltLength = r.U32();
        if (saltLength == 0) throw new FormatException("BKS keystore without a salt");
        var saltAt = r.Position;
        r.Skip(saltLength);
        var salt = saltAt..r.Position;
        var iterations = r.U32();
        if (iterations is 0 or > int.MaxValue) throw new FormatException($"BKS keystore with an iteration count of {(int)iterations}");
        var entriesStart = r.Position;
        try
        {
            return Entries(r, bytes, (int)version, salt, (int)iterations, entriesStart);
        }
        catch (FormatException) when (version < 2 && saltLength == 20 && iterations <= 65536)
        {
            // BouncyCastle's UBER store writes this header (version 1, a 20-byte salt, 1,024 to 2,047 iterations) and
            // then encrypts everything: its entries are walked only once a password decrypted them (OpenUber).
            throw new UberException((int)version, salt, (int)iterations, entriesStart);
        }
    }

    private static Layout Entries(JksParser.Reader r, byte[] bytes, int version, Range salt, int iterations, int entriesStart)
    {
        var objects = new List<(Range, bool)>();
        var secrets = new List<Secret>();
        var (sealedKeys, entries) = (0, 0);
        for (var type = r.U8(); type != 0; type = r.U8())
        {
            if (++entries > JksParser.MaxEntries) throw new FormatException($"more than {JksParser.MaxEntries} BKS entries");
            var aliasAt = r.Position + 2;
            var aliasLength = r.U16();
            r.Skip(aliasLength); // alias (modified UTF-8)
            var alias = JksParser.Alias(bytes.AsSpan(aliasAt, (int)aliasLength));
            r.Skip(8); // creation date
            var chain = r.U32();
            if (chain > MaxChain) throw new FormatException($"a BKS certificate chain longer than {MaxChain}");
            for (var c = 0; c < chain; c++) objects.Add((Certificate(r, bytes), false));
            switch (type)
            {
                case 1:
                    objects.Add((Certificate(r, bytes), false));
                    break;
                case 2:
                    var keyType = r.U8(); // 0 private, 1 public, 2 secret
                    if (keyType > 2) throw new FormatException($"unknown BKS key type {keyType}");
                    var format = Utf(r, bytes);
                    var algorithm = Utf(r, bytes);
                    var length = r.U32();
                    var start = r.Position;
                    r.Skip(length);
                    if (keyType == 0 && format is "PKCS#8" or "PKCS8") objects.Add((start..r.Position, true));
                    // A secret key in clear ("RAW"): its length and algorithm name are said, its bytes never read.
                    if (keyType == 2) secrets.Add(new Secret(alias, (int)Math.Min(length * 8L, int.MaxValue), algorithm.Length > 0 ? algorithm : null));
                    break;
                case 3:
                    r.Skip(r.U32()); // bytes the application protected (KeyStore.setKeyEntry(alias, byte[], chain))
                    secrets.Add(new Secret(alias, null, null) { ByApplication = true });
                    break;
                case 4:
                    r.Skip(r.U32()); // salt, iterations, 3DES ciphertext
                    if (chain == 0) secrets.Add(new Secret(alias, null, null)); // BouncyCastle seals a private key only with its chain
                    else sealedKeys++;
                    break;
                default:
                    throw new FormatException($"unknown BKS entry type {type}");
            }
        }
        if (bytes.Length - r.Position != MacLength) throw new FormatException("BKS store MAC missing or data after it");
        return new Layout(version, salt, iterations, entriesStart, r.Position, objects, sealedKeys, secrets);
    }

    private static Range Certificate(JksParser.Reader r, byte[] bytes)
    {
        if (Utf(r, bytes) != "X.509") throw new FormatException("a BKS certificate that is not X.509");
        var length = r.U32();
        var start = r.Position;
        r.Skip(length);
        return start..r.Position;
    }

    /// <summary>A short ASCII name (a certificate type, a key format); anything else reads as "".</summary>
    private static string Utf(JksParser.Reader r, byte[] bytes)
    {
        var length = r.U16();
        var start = r.Position;
        r.Skip(length);
        var name = bytes.AsSpan(start, (int)length);
        return length <= 16 && !name.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) ? System.Text.Encoding.ASCII.GetString(name) : "";
    }
}
