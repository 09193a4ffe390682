using System.Buffers.Binary;
using System.Security.Cryptography;
using CertLint.Model;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace CertLint.Parsing;

/// <summary>
/// Java keystores (JKS, magic 0xFEEDFEED) through BouncyCastle's JksStore. The structure is walked first with bounds
/// (entries, chain lengths, every length against the bytes left), so a hostile length never reaches an allocation.
/// Certificates in a JKS are not encrypted: they are read even when no password opens the store (the note
/// password-required then says the keys were not checked). Candidates are the configured passwords, the empty one
/// first, then the JDK's well-known default; a store that opens with the empty or the default password is treated as
/// unprotected. JCEKS (0xCECECECE) shares the walk and the digest (<see cref="JceksParser"/>).
/// </summary>
internal static class JksParser
{
    public const uint JksMagic = 0xFEEDFEED;
    public const uint JceksMagic = 0xCECECECE;
    public const int MaxEntries = 1000;
    private const int MaxChain = 32;

    /// <summary>The JDK's default store password (cacerts, keytool examples): knowing it is not protection.</summary>
    internal const string WellKnownPassword = "changeit";

    /// <summary>JKS key protection is Sun's proprietary one-round SHA-1 XOR stream and the store digest is SHA-1.</summary>
    private static readonly PbeInfo Protection = new("JKS", 1, "JKS key protection (proprietary SHA-1 XOR, one round) and SHA-1 store digest",
        "Java JKS key protection (one round of SHA-1, no salted key derivation) and a SHA-1 store digest: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");

    public static bool IsJks(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(bytes) == JksMagic;

    public static bool IsJceks(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(bytes) == JceksMagic;

    /// <summary>Reads the store; throws <see cref="FormatException"/> on a malformed one, <see cref="PasswordRequiredException"/> after adding its certificates when no candidate opens it.</summary>
    public static void Parse(byte[] bytes, SourceLocation location, IReadOnlyList<string> passwords, Collector result)
    {
        var keyEntries = Walk(bytes, "JKS").KeyEntries;
        string? opened = null;
        JksStore? store = null;
        foreach (var password in passwords.Append(WellKnownPassword).Distinct(StringComparer.Ordinal))
        {
            var candidate = new JksStore();
            try
            {
                candidate.Load(new MemoryStream(bytes, writable: false), password.ToCharArray());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                continue; // the keyed digest does not match: not this password (BouncyCastle says IOException)
            }
            (store, opened) = (candidate, password);
            break;
        }
        if (store is null)
        {
            store = new JksStore();
            try
            {
                store.LoadUnchecked(new MemoryStream(bytes, writable: false));
            }
            catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException)
            {
                throw new FormatException("malformed JKS keystore");
            }
        }
        var index = 0;
        var certificates = new List<CertificateInfo>();
        var keys = new List<KeyInfo>();
        foreach (var alias in store.Aliases.Order(StringComparer.Ordinal).Take(MaxEntries))
        {
            if (store.IsKeyEntry(alias))
            {
                if (opened is not null) keys.Add(Key(location with { Index = index++ }, store, alias, opened));
                foreach (var cert in store.GetCertificateChain(alias) ?? []) certificates.Add(Certificate(cert, location with { Index = index++ }));
            }
            else if (store.GetCertificate(alias) is { } trusted)
            {
                certificates.Add(Certificate(trusted, location with { Index = index++ }));
            }
        }
        result.Kind = FileKind.Jks;
        result.Certificates.AddRange(certificates);
        result.Keys.AddRange(keys);
        // A store no candidate opened is protected by a password CertLint was not given: not "no password".
        result.Keystore = new KeystoreInfo(location, opened is not ("" or WellKnownPassword), certificates.Count, keyEntries)
        {
            Protection = keyEntries > 0 ? [Protection] : [],
            Label = "JKS keystore",
            DefaultPassword = opened == WellKnownPassword,
        };
        if (opened is null) throw new PasswordRequiredException(keyEntries > 0 ? "JKS keystore (its private keys were not checked)" : "JKS keystore (its integrity was not checked)");
    }

    private static CertificateInfo Certificate(Org.BouncyCastle.X509.X509Certificate cert, SourceLocation location) =>
        CertificateParser.Parse(cert.GetEncoded(), location, ObjectFormat.Jks);

    private static KeyInfo Key(SourceLocation location, JksStore store, string alias, string password)
    {
        PublicKeyInfo? publicKey = null;
        PrivateKeyVerdict? verdict = null;
        try
        {
            var key = store.GetKey(alias, password.ToCharArray());
            var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(key).GetEncoded();
            try
            {
                (publicKey, verdict) = KeyParser.PublicKeyOfPkcs8(pkcs8);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or SecurityUtilityException or CryptographicException)
        {
            // A key protected by another password than the store's: the key is there, its public half unknown.
        }
        return new KeyInfo
        {
            Location = location,
            Format = ObjectFormat.Jks,
            Encoding = KeyEncoding.Pkcs12Entry,
            IsPrivate = true,
            Encrypted = true,
            PublicKey = publicKey,
            Verdict = verdict,
        };
    }

    /// <summary>What the bounded walk found: private-key entries, where each certificate lies, where the digest starts.</summary>
    internal sealed record Layout(int KeyEntries, List<Range> Certificates, int? DigestAt, List<string?> SecretKeys);

    /// <summary>
    /// Checks the layout of a JKS or JCEKS store before anything reads it: version 1 or 2, at most
    /// <see cref="MaxEntries"/> entries and <see cref="MaxChain"/> certificates per chain, every length inside the file,
    /// a 20-byte digest at the end. A JCEKS secret-key entry (tag 3) is a Java-serialised SealedObject: the walk steps over
    /// it (<see cref="JceksSealedObject"/>) and keeps its alias when it is short printable text.
    /// </summary>
    internal static Layout Walk(byte[] bytes, string kind)
    {
        var r = new Reader(bytes, kind);
        r.U32();
        var version = r.U32();
        if (version is not (1 or 2)) throw new FormatException($"unsupported {kind} version {version}");
        var count = r.U32();
        if (count > MaxEntries) throw new FormatException($"more than {MaxEntries} {kind} entries");
        var keys = 0;
        var certificates = new List<Range>();
        var secrets = new List<string?>();
        for (var i = 0; i < count; i++)
        {
            var tag = r.U32();
            var aliasAt = r.Position + 2;
            var aliasLength = r.U16();
            r.Skip(aliasLength); // alias (modified UTF-8)
            r.Skip(8); // creation date
            if (tag == 1)
            {
                keys++;
                r.Skip(r.U32()); // the protected key: JKS's XOR stream, JCEKS's PBEWithMD5AndTripleDES EncryptedPrivateKeyInfo
                var chain = r.U32();
                if (chain > MaxChain) throw new FormatException($"a {kind} certificate chain longer than {MaxChain}");
                for (var c = 0; c < chain; c++) certificates.Add(Certificate(r, version));
            }
            else if (tag == 2)
            {
                certificates.Add(Certificate(r, version));
            }
            else if (tag == 3 && kind == "JCEKS")
            {
                JceksSealedObject.Skip(r);
                secrets.Add(Alias(bytes.AsSpan(aliasAt, (int)aliasLength)));
            }
            else
            {
                throw new FormatException($"unknown {kind} entry type {tag}");
            }
        }
        if (bytes.Length - r.Position != 20) throw new FormatException($"{kind} store digest missing or data after it");
        return new Layout(keys, certificates, r.Position, secrets);
    }

    /// <summary>An entry's alias for messages when it is 1 to 64 printable ASCII characters (keytool's usual ones); else null.</summary>
    internal static string? Alias(ReadOnlySpan<byte> alias) =>
        alias.Length is > 0 and <= 64 && !alias.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E) ? System.Text.Encoding.ASCII.GetString(alias) : null;

    private static Range Certificate(Reader r, uint version)
    {
        if (version == 2) r.Skip(r.U16()); // certificate type, "X.509"
        var length = r.U32();
        var start = r.Position;
        r.Skip(length);
        return new Range(start, r.Position);
    }

    /// <summary>
    /// The store digest JKS and JCEKS share: SHA-1 over the password's UTF-16BE bytes, "Mighty Aphrodite" and every byte
    /// before the digest.
    /// </summary>
    internal static byte[] StoreDigest(ReadOnlySpan<byte> data, string password)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var chars = new byte[password.Length * 2];
        for (var i = 0; i < password.Length; i++) (chars[2 * i], chars[2 * i + 1]) = ((byte)(password[i] >> 8), (byte)password[i]);
        sha1.AppendData(chars);
        CryptographicOperations.ZeroMemory(chars);
        sha1.AppendData("Mighty Aphrodite"u8);
        sha1.AppendData(data);
        return sha1.GetHashAndReset();
    }

    /// <summary>Big-endian reads that check every length against the bytes left (JKS, JCEKS, BKS).</summary>
    internal sealed class Reader(byte[] bytes, string kind)
    {
        public int Position { get; private set; }

        public byte U8()
        {
            Need(1);
            return bytes[Position++];
        }

        public uint U32()
        {
            Need(4);
            var v = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(Position));
            Position += 4;
            return v;
        }

        public uint U16()
        {
            Need(2);
            var v = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(Position));
            Position += 2;
            return v;
        }

        public void Skip(uint n)
        {
            Need(n);
            Position += (int)n;
        }

        private void Need(long n)
        {
            if (n > bytes.Length - Position) throw new FormatException($"truncated {kind} keystore");
        }
    }
}
