using System.Buffers.Binary;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// OpenSSH private keys made by ssh-keygen (tests/fixtures/openssh/README.md), read by the real FileParser: each one's
/// public key is the SubjectPublicKeyInfo ssh-keygen and Python cryptography export for it, unencrypted ones are
/// audited, encrypted ones are read from their clear header, and a file OpenSSH itself would refuse is a parse error.
/// </summary>
public sealed class OpenSshKeyTests
{
    private static string PathOf(string name) => Path.Combine(Fixtures.Directory, "openssh", name);

    private static ParsedFile Parse(string path) =>
        FileParser.Parse(new SourceFile(path, Path.GetFileName(path), new FileInfo(path).Length, null), TestPasswords.None);

    private static byte[] Spki(string name) =>
        PemEncoding.Find(File.ReadAllText(PathOf(name + ".spki.pem"))) is var f
            ? Convert.FromBase64String(File.ReadAllText(PathOf(name + ".spki.pem"))[f.Base64Data]) : [];

    [TestCase("ed25519", "Ed25519", false, false)]
    [TestCase("rsa-2048", "RSA 2048", false, true)]
    [TestCase("rsa-1024", "RSA 1024", false, true)]
    [TestCase("ecdsa-p256", "EC P-256", false, true)]
    [TestCase("ecdsa-p384", "EC P-384", false, true)]
    [TestCase("ecdsa-p521", "EC P-521", false, true)]
    [TestCase("dsa-1024", "DSA 1024", false, false)]
    [TestCase("ed25519-encrypted", "Ed25519", true, false)]
    [TestCase("rsa-3072-encrypted", "RSA 3072", true, false)]
    public void An_openssh_key_has_the_public_key_other_implementations_export(string name, string label, bool encrypted, bool audited)
    {
        var parsed = Parse(PathOf(name));
        parsed.Issues.ShouldBeEmpty();
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(KeyEncoding.OpenSsh);
        key.IsPrivate.ShouldBeTrue();
        key.Encrypted.ShouldBe(encrypted);
        key.PublicKey.ShouldNotBeNull().Label.ShouldBe(label);
        key.PublicKey.Spki.ToArray().ShouldBe(Spki(name));
        key.Location.StartLine.ShouldBe(1);
        // RSA and EC keys are audited as their PKCS#1 / SEC 1 forms are; ssh-keygen's keys are consistent.
        if (audited) key.Verdict.ShouldBe(new PrivateKeyVerdict(null, null));
        else key.Verdict.ShouldBeNull();
        if (encrypted) key.Protection.ShouldNotBeNull().Description.ShouldStartWith("aes256-ctr, bcrypt_pbkdf with ");
    }

    [Test]
    public void The_bcrypt_rounds_are_read_from_the_header_and_never_run()
    {
        Parse(PathOf("rsa-3072-encrypted")).Keys.Single().Protection.ShouldBe(new PbeInfo("bcrypt-pbkdf", 32, "aes256-ctr, bcrypt_pbkdf with 32 rounds", null));
    }

    /// <summary>The openssh-key-v1 body of a fixture and the offset of its private section's length field.</summary>
    private static (byte[] Body, int PrivateAt) Body(string name)
    {
        var text = File.ReadAllText(PathOf(name));
        var body = Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
        var at = 15;                                            // "openssh-key-v1\0"
        for (var i = 0; i < 3; i++) at += 4 + Length(body, at); // cipher, kdf, kdf options
        at += 4;                                                // key count
        at += 4 + Length(body, at);                             // public key
        return (body, at);
    }

    private static int Length(byte[] body, int at) => (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(at));

    private static string Write(CertLint.Tests.Pki.TempDirectory dir, byte[] body)
    {
        var path = dir["id_key"];
        File.WriteAllText(path, PemEncoding.WriteString("OPENSSH PRIVATE KEY", body) + "\n");
        return path;
    }

    private static string IssueOf(string path)
    {
        var parsed = Parse(path);
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Location.StartLine.ShouldBe(1);
        return issue.Message;
    }

    [Test]
    public void A_private_section_of_another_key_is_refused()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (small, smallAt) = Body("rsa-1024");
        var (large, largeAt) = Body("rsa-2048");
        var swapped = small[..smallAt].Concat(large[largeAt..]).ToArray();
        IssueOf(Write(dir, swapped)).ShouldContain("the private key does not belong to the public key in the file's header");
    }

    [Test]
    public void Differing_check_numbers_are_a_corrupt_file()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (body, at) = Body("ed25519");
        body[at + 4 + 7] ^= 0x01; // the second checkint's last byte
        IssueOf(Write(dir, body)).ShouldContain("check numbers differ");
    }

    [Test]
    public void Wrong_padding_is_a_corrupt_file()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (body, _) = Body("ecdsa-p256");
        body[^1] ^= 0x40;
        IssueOf(Write(dir, body)).ShouldContain("padding is wrong");
    }

    [TestCase(20)]
    [TestCase(100)]
    [TestCase(300)]
    public void A_truncated_file_is_a_parse_error(int keep)
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (body, _) = Body("rsa-2048");
        IssueOf(Write(dir, body[..keep])).ShouldContain("OpenSSH key: truncated");
    }

    [Test]
    public void A_file_of_two_keys_is_refused_as_openssh_refuses_it()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (body, _) = Body("ed25519");
        var countAt = 15 + 4 + 4 + 4 + 4 + 4; // "none", "none", "" before it
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(countAt), 2);
        IssueOf(Write(dir, body)).ShouldBe("invalid OPENSSH PRIVATE KEY block: OpenSSH key: the file holds 2 keys, not 1");
    }

    [Test]
    public void A_string_length_past_the_end_is_refused_without_allocating_it()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (body, at) = Body("ed25519");
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(at), 0x7fff_ffff);
        IssueOf(Write(dir, body)).ShouldContain("truncated");
    }

    /// <summary>
    /// Every one-byte change and every truncation of real files (a deterministic sample) is read as a key or reported
    /// as an issue of the file: nothing escapes the parser, whatever the lengths and numbers say.
    /// </summary>
    [TestCase("rsa-2048")]
    [TestCase("ecdsa-p521")]
    [TestCase("ed25519-encrypted")]
    [TestCase("dsa-1024")]
    public void Mutated_files_are_keys_or_issues_never_exceptions(string name)
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var (original, _) = Body(name);
        var random = new Random(5280);
        for (var i = 0; i < 400; i++)
        {
            var body = (byte[])original.Clone();
            if (i % 4 == 3) body = body[..random.Next(body.Length)];
            else body[random.Next(body.Length)] = (byte)random.Next(256);
            var parsed = Parse(Write(dir, body));
            (parsed.Keys.Count + parsed.Issues.Count).ShouldBe(1, $"mutation {i}");
        }
    }
}
