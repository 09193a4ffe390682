using System.Buffers.Binary;
using System.Text;
using CertLint.Core.Tests.Parsing;
using CertLint.Engine;
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

    [Test]
    public void A_pkcs12_of_100000_secret_bags_is_bounded()
    {
        var bag = SecretBag();
        var bags = new byte[bag.Length * 100_000];
        for (var i = 0; i < 100_000; i++) bag.CopyTo(bags, i * bag.Length);
        var result = Lint("store.p12", Pfx(Seq(bags)));
        // Linear in the file (2.6 MB, 26 bytes a bag), as PEM bundles are: each bag is a secret key of the file. Outside
        // a git work tree secret-key-committed does not apply; nothing is said but the inventory.
        All(result).ShouldBeEmpty();
        result.Inventory.Files.Single().SecretKeys.Count.ShouldBe(100_000);
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
