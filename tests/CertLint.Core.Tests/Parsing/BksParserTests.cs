using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using CertLint.Core.Tests.Reporting;
using CertLint.Engine;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// BouncyCastle keystores (BKS, BKS-V1) made by keytool with bcprov (tests/fixtures/bks/make-bks.sh), read through
/// FileParser: certificates without a password, clear private keys as keys, sealed keys counted, the MAC verified by
/// a candidate password only after the iteration count was checked; hostile layouts are bounded parse errors.
/// </summary>
[Platform(Exclude = "Win")]
public class BksParserTests
{
    private const string ExpiredSha256 = "cdfb467b73aba610044970d447f2c13f70447ca744cc838c11adaf057c8831f1";
    private const string Rsa1024Sha256 = "ce3922c20be89fa33f13ad89bb6568d9f9bda83ca36dadc7a29edb5cfd6aeaf6";
    private const string NoPassword = " is encrypted; set CERTLINT_PASSWORD or --password-env";

    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static ParsedFile Parse(string name, string? password) =>
        FileParser.Parse(Fixtures.Source("bks/" + name), TestPasswords.With(password));

    private static KeystoreInfo Keystore(string name, bool passwordProtected, int certificates, int keys) =>
        new(new SourceLocation(Fixtures.Source("bks/" + name)), passwordProtected, certificates, keys);

    [Test]
    public void A_truststore_opened_by_its_password_yields_its_certificates_in_file_order()
    {
        var parsed = Parse("truststore.bks", TestPasswords.FixturePassword);
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Bks);
        parsed.Keystore.ShouldBe(Keystore("truststore.bks", true, 2, 0));
        parsed.Keystore!.Label.ShouldBe("BKS keystore");
        parsed.Keystore.Protection.ShouldBeEmpty(); // nothing secret in it: the MAC is integrity only
        parsed.Keys.ShouldBeEmpty();
        parsed.Certificates.Select(c => (c.Sha256, c.Subject.CommonName, c.PublicKey.Label, c.Location.Index, c.Location.StartLine)).ShouldBe([
            (Rsa1024Sha256, "rsa1024.fixture.test", "RSA 1024", 0, 1),
            (ExpiredSha256, "expired.fixture.test", "RSA 2048", 1, 1),
        ]);
        parsed.Certificates[1].NotAfter.ShouldBe(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        parsed.Certificates.ShouldAllBe(c => c.Format == ObjectFormat.Bks);
    }

    [TestCase(null)]
    [TestCase("not-the-password")]
    public void Without_its_password_a_truststore_still_yields_its_certificates(string? password)
    {
        var parsed = Parse("truststore.bks", password);
        parsed.Certificates.Select(c => c.Sha256).ShouldBe([Rsa1024Sha256, ExpiredSha256]);
        parsed.Keystore.ShouldBe(Keystore("truststore.bks", true, 2, 0)); // by a password CertLint was not given
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        issue.Message.ShouldBe("BKS keystore (its integrity was not checked)" + NoPassword);
    }

    [Test]
    public void A_bks_v1_store_verifies_with_its_16_bit_mac_key()
    {
        var parsed = Parse("truststore-v1.bks", TestPasswords.FixturePassword);
        parsed.Issues.ShouldBeEmpty();
        parsed.Keystore.ShouldBe(Keystore("truststore-v1.bks", true, 1, 0));
        parsed.Certificates.ShouldHaveSingleItem().Sha256.ShouldBe(Rsa1024Sha256);
        Parse("truststore-v1.bks", "not-the-password").Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
    }

    [Test]
    public void A_sealed_key_is_counted_never_opened_and_its_chain_is_read()
    {
        var parsed = Parse("keystore.bks", TestPasswords.FixturePassword);
        parsed.Issues.ShouldBeEmpty();
        parsed.Keystore.ShouldBe(Keystore("keystore.bks", true, 2, 1));
        parsed.Keys.ShouldBeEmpty();
        parsed.Certificates.Select(c => (c.Subject.CommonName, c.Location.Index)).ShouldBe([("www.acme.test", 0), ("CertLint Intermediate CA", 1)]);
        var mac = parsed.Keystore!.Protection.ShouldHaveSingleItem();
        mac.Description.ShouldBe("BKS store MAC (HMAC-SHA1, PKCS#12 KDF, 1,423 iterations)");
        mac.Weakness.ShouldBe("BouncyCastle BKS: keys sealed with PKCS#12 PBE (SHA-1 and 3DES) and an HMAC-SHA1 store MAC of 1,423 iterations: convert to PKCS#12 (keytool -importkeystore -deststoretype pkcs12)");

        var locked = Parse("keystore.bks", null);
        locked.Certificates.Count.ShouldBe(2);
        locked.Issues.ShouldHaveSingleItem().Message.ShouldBe("BKS keystore (its integrity was not checked; its sealed keys are never opened)" + NoPassword);
    }

    [TestCase(TestPasswords.FixturePassword, true)]
    [TestCase(null, false)]
    public void A_key_stored_in_clear_is_a_private_key_whatever_the_password(string? password, bool opened)
    {
        var parsed = Parse("plain-key.bks", password);
        parsed.Issues.Select(i => i.Kind).ShouldBe(opened ? [] : [ParseIssueKind.PasswordRequired]);
        parsed.Keystore.ShouldBe(Keystore("plain-key.bks", true, 1, 1));
        var cert = parsed.Certificates.ShouldHaveSingleItem();
        cert.Subject.CommonName.ShouldBe("www.acme.test");
        cert.Location.Index.ShouldBe(0);
        var key = parsed.Keys.ShouldHaveSingleItem();
        (key.IsPrivate, key.Encrypted, key.Format, key.Encoding, key.Location.Index, key.Label).ShouldBe((true, false, ObjectFormat.Bks, KeyEncoding.Pkcs8, 1, "RSA 2048 private key"));
        key.PublicKey!.Sha256.ShouldBe(cert.PublicKey.Sha256);
        key.PublicKey.Sha256.ShouldBe(FileParser.Parse(Fixtures.Source("leaf.key"), TestPasswords.None).Keys.Single().PublicKey!.Sha256);
    }

    [Test]
    public void An_empty_store_is_a_keystore_of_nothing()
    {
        var parsed = Parse("empty.bks", TestPasswords.FixturePassword);
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Bks);
        parsed.Keystore.ShouldBe(Keystore("empty.bks", true, 0, 0));
        parsed.Certificates.ShouldBeEmpty();
    }

    [Test]
    public void An_uber_store_is_decrypted_by_its_password_and_walked_as_bks()
    {
        var parsed = Parse("uber.bks", TestPasswords.FixturePassword);
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Bks);
        parsed.Keystore.ShouldBe(Keystore("uber.bks", true, 1, 0));
        parsed.Keystore!.Label.ShouldBe("UBER keystore");
        parsed.Keystore.Protection.ShouldBeEmpty(); // no key and no secret: the encryption protects nothing secret
        parsed.Certificates.Select(c => (c.Sha256, c.Location.Index, c.Format)).ShouldBe([(Rsa1024Sha256, 0, ObjectFormat.Bks)]);
    }

    [TestCase(null)]
    [TestCase("not-the-password")]
    public void An_uber_store_no_candidate_opens_is_a_parse_error(string? password)
    {
        var issue = Parse("uber.bks", password).Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Location.StartLine).ShouldBe((ParseIssueKind.ParseError, 1));
        issue.Message.ShouldBe("invalid BKS keystore: an UBER keystore (BouncyCastle's store encrypted as a whole) that no candidate password opened, or a damaged BKS-V1 one");
    }

    [Test]
    public void An_uber_store_whose_header_was_altered_opens_with_no_password_and_is_a_parse_error()
    {
        // Another iteration count derives another key: padding or digest fails for every candidate.
        var bytes = Fixtures.Bytes("bks/uber.bks");
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28), 65536);
        var parsed = ParseWithDeadline(bytes);
        parsed.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.ParseError);
        parsed.Certificates.ShouldBeEmpty();
    }

    [Test]
    public void A_bks_store_under_a_keystore_name_is_read_by_its_layout()
    {
        _dir.Write("app.truststore", Fixtures.Bytes("bks/truststore.bks"));
        var parsed = FileParser.Parse(_dir.Source("app.truststore"), TestPasswords.With(TestPasswords.FixturePassword));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Bks);
        parsed.Certificates.Select(c => c.Sha256).ShouldBe([Rsa1024Sha256, ExpiredSha256]);
    }

    [Test]
    public void The_json_report_names_bks_files_certificates_and_keys_within_its_schema()
    {
        _dir.Write("pins.bks", Fixtures.Bytes("bks/truststore.bks"));
        _dir.Write("client.bks", Fixtures.Bytes("bks/plain-key.bks"));
        var request = new LintRequest { Paths = [_dir.Path], WorkingDirectory = _dir.Path, Now = Fixtures.ValidAt, Packs = ["core"], Environment = _ => null };
        var report = Golden.Render(ReportFormat.Json, TestResults.With(new LintEngine().Run(request), elapsed: TimeSpan.FromSeconds(1)));
        SchemaValidation.ShouldBeValidCertLintJson(Encoding.UTF8.GetBytes(report));
        using var json = JsonDocument.Parse(report);
        string[] Formats(string section, string property) =>
            [.. json.RootElement.GetProperty(section).EnumerateArray().Select(e => e.GetProperty(property).GetString()!).Distinct()];
        Formats("files", "kind").ShouldBe(["bks"]);
        Formats("certificates", "format").ShouldBe(["bks"]);
        Formats("keys", "format").ShouldBe(["bks"]);
    }

    [Test]
    public void An_iteration_count_above_the_limit_is_refused_before_any_derivation_and_the_certificates_stay()
    {
        var bytes = Fixtures.Bytes("bks/truststore.bks");
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(28), int.MaxValue); // version, salt length, 20-byte salt, iterations
        var parsed = ParseWithDeadline(bytes);
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Location.StartLine).ShouldBe((ParseIssueKind.KdfLimit, 1));
        issue.Message.ShouldBe("BKS store MAC (HMAC-SHA1, PKCS#12 KDF, 2,147,483,647 iterations) is above the key-derivation limit of 10,000,000 iterations; not attempted");
        parsed.Certificates.Select(c => c.Sha256).ShouldBe([Rsa1024Sha256, ExpiredSha256]);
    }

    /// <summary>Parses <paramref name="bytes"/> as hostile.bks with the fixture password on a worker with a deadline, so a hang or a long derivation fails the test.</summary>
    private ParsedFile ParseWithDeadline(byte[] bytes)
    {
        _dir.Write("hostile.bks", bytes);
        var task = Task.Run(() => FileParser.Parse(_dir.Source("hostile.bks"), TestPasswords.With(TestPasswords.FixturePassword)));
        task.Wait(TimeSpan.FromSeconds(10)).ShouldBeTrue("parsing hung or derived");
        return task.Result;
    }

    private ParseIssue HostileIssue(byte[] bytes)
    {
        var parsed = ParseWithDeadline(bytes);
        parsed.Certificates.ShouldBeEmpty();
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Location.StartLine).ShouldBe((ParseIssueKind.ParseError, 1));
        return issue;
    }

    /// <summary>Version 2, a 4-byte salt, 1,024 iterations, then <paramref name="entries"/> as given.</summary>
    private static byte[] Store(params byte[][] entries) => [0, 0, 0, 2, 0, 0, 0, 4, 1, 2, 3, 4, 0, 0, 4, 0, .. entries.SelectMany(e => e)];

    private static byte[] U32(uint v) => [(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v];

    /// <summary>An entry of <paramref name="type"/> with alias "a", a date and a chain of <paramref name="chain"/> (no certificates follow).</summary>
    private static byte[] Entry(byte type, uint chain) => [type, 0, 1, (byte)'a', 0, 0, 0, 0, 0, 0, 0, 0, .. U32(chain)];

    private static readonly byte[] Mac = new byte[20];

    [Test]
    public void Every_cut_of_a_real_store_is_a_parse_error_without_an_exception()
    {
        var whole = Fixtures.Bytes("bks/plain-key.bks");
        for (var length = 1; length < whole.Length; length += 7)
            HostileIssue(whole[..length]).Message.ShouldStartWith("invalid BKS keystore: ");
    }

    [Test]
    public void Hostile_layouts_are_bounded_parse_errors()
    {
        HostileIssue([0, 0, 0, 2, 0x7F, 0xFF, 0xFF, 0xFF, 1, 2]).Message.ShouldBe("invalid BKS keystore: truncated BKS keystore");
        HostileIssue([0, 0, 0, 2, 0, 0, 0, 0]).Message.ShouldBe("invalid BKS keystore: BKS keystore without a salt");
        HostileIssue(Store()[..12].Concat(U32(0x80000000)).ToArray()).Message.ShouldBe("invalid BKS keystore: BKS keystore with an iteration count of -2147483648");
        HostileIssue([0, 0, 0, 3, 0, 0, 0, 4]).Message.ShouldBe("invalid BKS keystore: not a BKS keystore (version 3)");
        // A certificate length of 2^31-1 past the end; a chain of 2^32-1; an unknown entry type; no MAC; data after it.
        HostileIssue(Store(Entry(1, 0), [0, 5, .. "X.509"u8, .. U32(int.MaxValue), 0x30])).Message.ShouldBe("invalid BKS keystore: truncated BKS keystore");
        HostileIssue(Store(Entry(1, uint.MaxValue))).Message.ShouldBe("invalid BKS keystore: a BKS certificate chain longer than 32");
        HostileIssue(Store(Entry(9, 0))).Message.ShouldBe("invalid BKS keystore: unknown BKS entry type 9");
        HostileIssue(Store(Entry(1, 0), [0, 5, .. "X.400"u8, 0, 0, 0, 0])).Message.ShouldBe("invalid BKS keystore: a BKS certificate that is not X.509");
        HostileIssue(Store(Entry(2, 0), [7])).Message.ShouldBe("invalid BKS keystore: unknown BKS key type 7");
        HostileIssue(Store([0], new byte[19])).Message.ShouldBe("invalid BKS keystore: BKS store MAC missing or data after it");
        HostileIssue(Store([0], new byte[21])).Message.ShouldBe("invalid BKS keystore: BKS store MAC missing or data after it");
        // 1,001 sealed entries of no bytes: the 1,001st is refused; 1,000 of them walk (and then no password verifies).
        var sealedEntry = Entry(4, 0).Concat(U32(0)).ToArray();
        HostileIssue(Store([.. Enumerable.Repeat(sealedEntry, 1001).SelectMany(e => e), 0, .. Mac])).Message.ShouldBe("invalid BKS keystore: more than 1000 BKS entries");
        _dir.Write("thousand.bks", Store([.. Enumerable.Repeat(sealedEntry, 1000).SelectMany(e => e), 0, .. Mac]));
        var thousand = FileParser.Parse(_dir.Source("thousand.bks"), TestPasswords.None);
        thousand.Keystore!.KeyCount.ShouldBe(0); // sealed without a chain: secret keys (a private key is sealed with its chain)
        thousand.SecretKeys.Count.ShouldBe(1000);
        thousand.SecretKeys.ShouldAllBe(k => k.Label == "BKS secret-key entry \"a\"" && k.Sealed);
        thousand.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        // Deep garbage: 64 KB of random bytes after a valid header.
        var garbage = new byte[65536];
        new Random(7).NextBytes(garbage);
        garbage[0] = 3; // not an entry type below 5, so the walk reads it
        HostileIssue([.. Store(), .. garbage]).Message.ShouldStartWith("invalid BKS keystore: ");
    }

    [Test]
    public void A_secret_key_stored_in_clear_is_a_secret_of_the_file_with_its_length_and_algorithm_never_its_bytes()
    {
        // A KEY entry (type 2) of key type 2 (secret), format "RAW", algorithm "AES", 16 bytes; then a sealed private key with a chain of one certificate.
        var key = Enumerable.Range(0xA0, 16).Select(b => (byte)b).ToArray();
        var leaf = Fixtures.Bytes("leaf.der");
        byte[] clear = [.. Entry(2, 0), 2, 0, 3, .. "RAW"u8, 0, 3, .. "AES"u8, .. U32(16), .. key];
        byte[] sealedWithChain = [.. Entry(4, 1), 0, 5, .. "X.509"u8, .. U32((uint)leaf.Length), .. leaf, .. U32(3), 1, 2, 3];
        _dir.Write("clear-secret.bks", Store(clear, sealedWithChain, [0], Mac));
        var parsed = FileParser.Parse(_dir.Source("clear-secret.bks"), TestPasswords.None);
        parsed.Issues.ShouldHaveSingleItem().Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        var secret = parsed.SecretKeys.ShouldHaveSingleItem();
        (secret.Label, secret.Sealed, secret.SealedBy, secret.Location.Index).ShouldBe(("BKS secret-key entry \"a\" (128 bits, AES)", false, (string?)null, 1));
        parsed.Keystore!.KeyCount.ShouldBe(1); // the sealed private key
        parsed.Certificates.ShouldHaveSingleItem().Subject.CommonName.ShouldBe("www.acme.test");
    }

    [Test]
    public void A_bks_name_on_other_content_is_a_parse_error_and_der_under_it_is_still_read()
    {
        HostileIssue("not a keystore at all"u8.ToArray()).Message.ShouldBe("invalid BKS keystore: not a BKS keystore (version 1852797984)");
        _dir.Write("cert.bks", Fixtures.Bytes("leaf.der"));
        FileParser.Parse(_dir.Source("cert.bks"), TestPasswords.None).Certificates.ShouldHaveSingleItem().Subject.CommonName.ShouldBe("www.acme.test");
    }
}
