namespace CertLint.Parsing;

/// <summary>The bounded walk of a BKS store's entries, checked before anything in it is parsed.</summary>
internal static partial class BksParser
{
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
