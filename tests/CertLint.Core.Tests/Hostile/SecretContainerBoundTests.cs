using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using CertLint.Core.Tests.Parsing;
using CertLint.Engine;
using CertLint.Parsing;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Hostile secret-key containers through the real engine: JCEKS stores claiming 100,000 entries or holding a
/// SealedObject whose byte array claims 2^31 - 1 bytes or whose objects nest without end, PKCS#12 files with a secret
/// bag whose length claims 2^31 - 1 bytes, 100,000 secret bags or secret bags nested in safe contents, a JWK "oct" key
/// of 1 MB, and PuTTY keys whose Argon2 parameters would take hours and gigabytes. Each is bounded before the work and
/// reported (never an exception, nothing of the file quoted, no key bytes), built here (nothing committed).
/// </summary>
public sealed class SecretContainerBoundTests
{
    private const string Fix = ". Fix or regenerate the file, or exclude it if it is not a certificate.";

    private static LintResult Lint(string name, byte[] bytes)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, name);
        File.WriteAllBytes(path, bytes);
        // Owner-only, as a key file should be: key-file-permissions stays out of the finding sets, whatever the umask.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return BoundedLint.Run(dir.Path, ".");
    }

    /// <summary>"RULE FILE:LINE MESSAGE" of every unsuppressed finding, sorted.</summary>
    private static string[] All(LintResult result) =>
        [.. result.Findings.Where(f => !f.IsSuppressed).Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine} {f.Message}").Order(StringComparer.Ordinal)];

    // --- JCEKS -------------------------------------------------------------------------------------------------

    private static byte[] Jceks(uint count, IEnumerable<byte[]> entries)
    {
        using var stream = new MemoryStream();
        foreach (var v in new[] { 0xCECECECEu, 2u, count }) stream.Write(U32(v));
        foreach (var entry in entries) stream.Write(entry);
        stream.Write(new byte[20]); // the store digest: no password matches it
        return stream.ToArray();
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    private static byte[] Utf(string s) => [(byte)(s.Length >> 8), (byte)s.Length, .. Encoding.ASCII.GetBytes(s)];

    /// <summary>A secret-key entry (tag 3, alias "k", a date) holding <paramref name="sealedObject"/>.</summary>
    private static byte[] SecretEntry(byte[] sealedObject) => [.. U32(3), .. Utf("k"), .. new byte[8], 0xAC, 0xED, 0x00, 0x05, .. sealedObject];

    /// <summary>A class descriptor (TC_CLASSDESC): name, serialVersionUID, SC_SERIALIZABLE, the fields, no annotations, no superclass.</summary>
    private static byte[] ClassDesc(string name, params byte[][] fields) =>
        [0x72, .. Utf(name), .. new byte[8], 0x02, (byte)(fields.Length >> 8), (byte)fields.Length, .. fields.SelectMany(f => f), 0x78, 0x70];

    [Test]
    public void A_jceks_store_of_100000_entries_is_refused_at_its_count()
    {
        var entries = Enumerable.Range(0, 100_000).Select(_ => (byte[])[.. U32(2), .. Utf("c"), .. new byte[8], .. Utf("X.509"), .. U32(1), 0x30]);
        All(Lint("store.jceks", Jceks(100_000, entries))).ShouldBe([$"parse-error store.jceks:1 store.jceks:1 cannot be parsed: invalid JCEKS keystore: more than 1000 JCEKS entries{Fix}"]);
    }

    [Test]
    public void A_sealed_object_whose_byte_array_claims_2_gb_is_refused_without_allocating_it()
    {
        // SealedObject-like: one field "b" of type byte[], its value an array of 2^31 - 1 bytes with 3 present.
        byte[] sealedObject = [0x73, .. ClassDesc("S", [(byte)'[', .. Utf("b"), 0x74, .. Utf("[B")]), 0x75, .. ClassDesc("[B"), .. U32(int.MaxValue), 1, 2, 3];
        All(Lint("store.jceks", Jceks(1, [SecretEntry(sealedObject)]))).ShouldBe([$"parse-error store.jceks:1 store.jceks:1 cannot be parsed: invalid JCEKS keystore: truncated JCEKS keystore{Fix}"]);
    }

    [Test]
    public void A_sealed_object_nested_10000_deep_is_refused_at_the_nesting_bound()
    {
        // Each object's one field is an object of the same class: 10,000 levels.
        var field = (byte[])[(byte)'L', .. Utf("o"), 0x74, .. Utf("LS;")];
        var body = new MemoryStream();
        body.Write([0x73, .. ClassDesc("S", field)]);
        for (var i = 1; i < 10_000; i++) body.Write([0x73, 0x71, .. U32(0x7E0000)]); // an object of the class at handle 0
        body.Write([0x70]);
        All(Lint("store.jceks", Jceks(1, [SecretEntry(body.ToArray())]))).ShouldBe([
            $"parse-error store.jceks:1 store.jceks:1 cannot be parsed: invalid JCEKS keystore: a JCEKS secret-key entry whose serialised SealedObject holds nesting deeper than 8, which CertLint does not read{Fix}"]);
    }

    // --- PKCS#12 -----------------------------------------------------------------------------------------------

    private const string SecretBagOid = "1.2.840.113549.1.12.10.1.5", SafeContentsBagOid = "1.2.840.113549.1.12.10.1.6", Aes256 = "2.16.840.1.101.3.4.1.42";

    private static byte[] SecretBag() => Seq(ObjectId(SecretBagOid), Context(0, true, Seq(ObjectId(Aes256), Context(0, true, Octets(new byte[32])))));

    /// <summary>A PFX without a MAC whose one safe, in the clear, holds <paramref name="safeContents"/>.</summary>
    private static byte[] Pfx(byte[] safeContents) =>
        Seq(Int(3), Seq(ObjectId("1.2.840.113549.1.7.1"), Context(0, true, Octets(Seq(Seq(ObjectId("1.2.840.113549.1.7.1"), Context(0, true, Octets(safeContents))))))));

    /// <summary>The bags of a file are counted before .NET decodes them (in the clear, and in a safe CertLint decrypts first), nested ones included: the other keystores' entry limit.</summary>
    private static readonly string TooManyBags =
        $"parse-error store.p12:1 store.p12:1 cannot be parsed: invalid PKCS#12 keystore: more than {Pkcs12Nesting.MaxBags} PKCS#12 bags{Fix}";

    private static byte[] Bags(int count) => Concat([.. Enumerable.Repeat(SecretBag(), count)]);

    [Test]
    public void A_pkcs12_of_100000_secret_bags_is_refused_at_the_bag_bound()
    {
        All(Lint("store.p12", Pfx(Seq(Bags(100_000))))).ShouldBe([TooManyBags]);
    }

    [TestCase(1_000, true)]
    [TestCase(1_001, false)]
    public void A_pkcs12_of_as_many_secret_bags_as_the_bound_is_read(int count, bool read)
    {
        var result = Lint("store.p12", Pfx(Seq(Bags(count))));

        // Outside a git work tree secret-key-committed does not apply: nothing is said but the inventory.
        All(result).ShouldBe(read ? [] : [TooManyBags]);
        result.Inventory.Files.Single().SecretKeys.Count.ShouldBe(read ? count : 0);
    }

    /// <summary>Each safeContentsBag counts, and so do the bags inside it: 500 nested safes of one secret bag each are 1,000 bags, 501 too many.</summary>
    [TestCase(500, true)]
    [TestCase(501, false)]
    public void Nested_bags_count_toward_the_bag_bound(int safes, bool read)
    {
        var nested = Seq(ObjectId(SafeContentsBagOid), Context(0, true, Seq(SecretBag())));
        var result = Lint("store.p12", Pfx(Seq(Concat([.. Enumerable.Repeat(nested, safes)]))));

        All(result).ShouldBe(read ? [] : [TooManyBags]);
        result.Inventory.Files.Single().SecretKeys.Count.ShouldBe(read ? safes : 0);
    }

    /// <summary>A safe CertLint decrypts before .NET (PBES2 under the empty password) is counted once decrypted, on top of the clear ones.</summary>
    [TestCase(500, true)]
    [TestCase(501, false)]
    public void Bags_in_an_encrypted_safe_count_with_the_clear_ones(int each, bool read)
    {
        var clear = new Pkcs12SafeContents();
        var encrypted = new Pkcs12SafeContents();
        for (var i = 0; i < each; i++)
        {
            clear.AddSecret(new Oid(Aes256), Octets(new byte[16]));
            encrypted.AddSecret(new Oid(Aes256), Octets(new byte[16]));
        }
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsUnencrypted(clear);
        builder.AddSafeContentsEncrypted(encrypted, "", new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1));
        builder.SealWithoutIntegrity();
        var result = Lint("store.p12", builder.Encode());

        All(result).ShouldBe(read ? ["keystore-weak-protection store.p12:1 store.p12:1 PKCS#12 keystore has weak password protection: PBKDF2 uses only 1 iteration (fewer than 10,000)."] : [TooManyBags]);
        result.Inventory.Files.Single().SecretKeys.Count.ShouldBe(read ? 2 * each : 0);
    }

    /// <summary>
    /// A store no candidate password opens (its MAC verifies under none) still shows the secret bags of its clear safes,
    /// those of nested safes too, through the opened store's walk: the same secret keys as the store without a MAC.
    /// </summary>
    [Test]
    public void A_store_not_opened_reports_the_secret_bags_of_its_nested_clear_safes()
    {
        var safe = Seq(SecretBag(), Seq(ObjectId(SafeContentsBagOid), Context(0, true, Seq(SecretBag(), Seq(ObjectId(SafeContentsBagOid), Context(0, true, Seq(SecretBag())))))));
        var withMac = AddMac(Pfx(safe));

        var opened = Lint("store.p12", Pfx(safe));
        var locked = Lint("store.p12", withMac);

        All(opened).ShouldBeEmpty();
        All(locked).ShouldBe([
            "keystore-weak-protection store.p12:1 store.p12:1 PKCS#12 keystore has weak password protection: the integrity MAC uses SHA-1.",
            "password-required store.p12:1 store.p12:1 is encrypted and no password worked (PKCS#12 keystore is encrypted; set CERTLINT_PASSWORD or --password-env); its contents were not linted. Put the password in CERTLINT_PASSWORD (or the variable named by --password-env).",
        ]);
        Secrets(opened).ShouldBe(["0 Pkcs12SecretBag", "1 Pkcs12SecretBag", "2 Pkcs12SecretBag"]);
        Secrets(locked).ShouldBe(Secrets(opened));
    }

    private static string[] Secrets(LintResult result) =>
        [.. result.Inventory.Files.Single().SecretKeys.Select(k => $"{k.Location.Index} {k.Container}")];

    /// <summary>The PFX with a SHA-1 MacData whose value no password gives.</summary>
    private static byte[] AddMac(byte[] pfx)
    {
        var reader = new System.Formats.Asn1.AsnReader(pfx, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var version = reader.ReadEncodedValue().ToArray();
        var authSafe = reader.ReadEncodedValue().ToArray();
        var macData = Seq(Seq(AlgorithmId("1.3.14.3.2.26", NullValue()), Octets(new byte[20])), Octets(new byte[8]), Int(1));
        return Seq(version, authSafe, macData);
    }

    [Test]
    public void A_pkcs12_secret_bag_whose_length_claims_2_gb_is_a_parse_error_not_a_dropped_bag()
    {
        // The secret value's OCTET STRING claims 2^31 - 1 bytes (0x84 7F FF FF FF) and holds 32.
        byte[] value = [0x04, 0x84, 0x7F, 0xFF, 0xFF, 0xFF, .. new byte[32]];
        var bag = Seq(ObjectId(SecretBagOid), Context(0, true, Seq(ObjectId(Aes256), Context(0, true, value))));
        // .NET cannot decode the bag and hands back one of no type: no longer skipped as an unknown bag, it is a parse error.
        All(Lint("store.p12", Pfx(Seq(bag)))).ShouldBe([
            $"parse-error store.p12:1 store.p12:1 cannot be parsed: invalid PKCS#12 keystore: a PKCS#12 secretBag that is not valid DER of its type (RFC 7292 §4.2){Fix}"]);
    }

    [Test]
    public void Secret_bags_in_safe_contents_nested_40_deep_are_refused_at_the_nesting_bound()
    {
        var inner = Seq(SecretBag());
        for (var i = 0; i < 40; i++) inner = Seq(Seq(ObjectId(SafeContentsBagOid), Context(0, true, inner)));
        All(Lint("store.p12", Pfx(inner))).ShouldBe([$"parse-error store.p12:1 store.p12:1 cannot be parsed: invalid PKCS#12 keystore: PKCS#12 safe contents nested more than 16 deep{Fix}"]);
    }

    // --- JWK and PuTTY -----------------------------------------------------------------------------------------

    [Test]
    public void A_jwk_oct_key_of_1_mb_is_refused_before_it_is_decoded_and_reported()
    {
        var text = "{\"kty\": \"oct\", \"alg\": \"HS256\", \"k\": \"" + new string('Q', 1024 * 1024 - 64) + "\"}";
        All(Lint("big.jwk", Encoding.ASCII.GetBytes(text))).ShouldBe([$"parse-error big.jwk:1 big.jwk:1 cannot be parsed: invalid JWK: JWK: \"k\" is longer than 65,536 octets{Fix}"]);
    }

    [TestCase("Argon2-Memory: 8192", "Argon2-Memory: 4194304", "Argon2-Passes: 1", "Argon2-Passes: 2147483648", "4,194,304 KiB, 2,147,483,648 passes, parallelism 1")]
    [TestCase("Argon2-Parallelism: 1", "Argon2-Parallelism: 16777215", "Argon2-Memory: 8192", "Argon2-Memory: 4294967295", "4,294,967,295 KiB, 1 pass, parallelism 16777215")]
    public void A_ppk_with_argon2_parameters_of_hours_is_a_key_whose_password_was_not_tried(string from1, string to1, string from2, string to2, string cost)
    {
        var text = File.ReadAllText(Fixtures.PathOf("ppk/ed25519-encrypted.ppk")).Replace(from1, to1).Replace(from2, to2);
        var result = Lint("key.ppk", Encoding.ASCII.GetBytes(text));
        // Never derived (CertLint tries no password on a PuTTY key): a private key, encrypted, its private half not audited
        // (no verdict), its protection and cost said as written.
        All(result).ShouldBeEmpty();
        var key = result.Inventory.Keys.ShouldHaveSingleItem();
        (key.IsPrivate, key.Encrypted, key.Verdict).ShouldBe((true, true, null));
        key.Protection!.Description.ShouldBe($"aes256-cbc, Argon2id with {cost}");
    }

    [Test]
    public void A_ppk_with_more_argon2_lanes_than_rfc_9106_allows_is_a_parse_error()
    {
        var text = File.ReadAllText(Fixtures.PathOf("ppk/ed25519-encrypted.ppk")).Replace("Argon2-Parallelism: 1", "Argon2-Parallelism: 4294967295");
        All(Lint("key.ppk", Encoding.ASCII.GetBytes(text))).ShouldBe([
            $"parse-error key.ppk:1 key.ppk:1 cannot be parsed: invalid PuTTY key file: PuTTY key: \"Argon2-Parallelism\" is not a whole number up to 16,777,215 (line 10){Fix}"]);
    }
}
