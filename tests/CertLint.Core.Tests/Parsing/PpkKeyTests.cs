using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CertLint.Discovery;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// PuTTY private key files made by PuTTYgen from the OpenSSH fixtures (tests/fixtures/ppk/README.md), read by the real
/// FileParser: each one's public key is the SubjectPublicKeyInfo other implementations export for the same key,
/// unencrypted ones are audited as their OpenSSH forms are, encrypted ones are read from their clear public lines
/// (Argon2 never run), and a file PuTTY would refuse is a parse error that quotes nothing from it.
/// </summary>
public sealed class PpkKeyTests
{
    private static string PathOf(string name) => Path.Combine(Fixtures.Directory, "ppk", name);

    private static ParsedFile Parse(string path) =>
        FileParser.Parse(new SourceFile(path, Path.GetFileName(path), new FileInfo(path).Length, null), TestPasswords.None);

    private static byte[] Spki(string name)
    {
        var text = File.ReadAllText(Path.Combine(Fixtures.Directory, "openssh", name + ".spki.pem"));
        return Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
    }

    [TestCase("ed25519.ppk", "ed25519", "Ed25519", false, false)]
    [TestCase("rsa-1024.ppk", "rsa-1024", "RSA 1024", false, true)]
    [TestCase("ecdsa-p256.ppk", "ecdsa-p256", "EC P-256", false, true)]
    [TestCase("ecdsa-p384.ppk", "ecdsa-p384", "EC P-384", false, true)]
    [TestCase("dsa-1024.ppk", "dsa-1024", "DSA 1024", false, false)]
    [TestCase("rsa-2048-v2.ppk", "rsa-2048", "RSA 2048", false, true)]
    [TestCase("ed25519-encrypted.ppk", "ed25519", "Ed25519", true, false)]
    [TestCase("rsa-2048-v2-encrypted.ppk", "rsa-2048", "RSA 2048", true, false)]
    public void A_ppk_key_has_the_public_key_other_implementations_export(string file, string spki, string label, bool encrypted, bool audited)
    {
        var parsed = Parse(PathOf(file));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Ppk);
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(KeyEncoding.Ppk);
        key.IsPrivate.ShouldBeTrue();
        key.Encrypted.ShouldBe(encrypted);
        key.PublicKey.ShouldNotBeNull().Label.ShouldBe(label);
        key.PublicKey.Spki.ToArray().ShouldBe(Spki(spki));
        (key.Location.StartLine, key.Location.EndLine).ShouldBe((1, File.ReadAllText(PathOf(file)).TrimEnd('\n').Split('\n').Length));
        if (audited) key.Verdict.ShouldBe(new PrivateKeyVerdict(null, null));
        else key.Verdict.ShouldBeNull();
    }

    [Test]
    public void Version_3_argon2_parameters_are_read_and_never_run()
    {
        Parse(PathOf("ed25519-encrypted.ppk")).Keys.Single().Protection
            .ShouldBe(new PbeInfo("argon2id", 1, "aes256-cbc, Argon2id with 8,192 KiB, 1 pass, parallelism 1", null));
    }

    [Test]
    public void Version_2_encryption_is_a_weak_protection()
    {
        var protection = Parse(PathOf("rsa-2048-v2-encrypted.ppk")).Keys.Single().Protection.ShouldNotBeNull();
        protection.Scheme.ShouldBe("putty-ppk2");
        protection.Weakness.ShouldNotBeNull().ShouldStartWith("PuTTY's version 2 key file derives its AES key from SHA-1 of the passphrase");
    }

    private static string IssueOf(string text)
    {
        using var dir = new TempDirectory();
        var parsed = Parse(dir.Write("key.ppk", Encoding.Latin1.GetBytes(text)));
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Location.StartLine.ShouldBe(1);
        issue.Message.ShouldNotContain("fixture");
        return issue.Message;
    }

    private static string Fixture(string name) => File.ReadAllText(PathOf(name));

    [Test]
    public void An_edited_file_fails_its_mac_as_in_putty()
    {
        IssueOf(Fixture("rsa-1024.ppk").Replace("Comment: fixture rsa 1024", "Comment: fixture rsa 1025"))
            .ShouldBe("invalid PuTTY key file: PuTTY key: the Private-MAC does not match the file (corrupt or edited)");
    }

    /// <summary>Version 3, unencrypted: the MAC is HMAC-SHA-256 with an empty key, so a test can make a consistent file.</summary>
    private static string WithPrivateLines(string file, string privateBase64)
    {
        var lines = Fixture(file).TrimEnd('\n').Split('\n');
        string Value(string name) => lines.First(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];
        var publicCount = int.Parse(Value("Public-Lines"), System.Globalization.CultureInfo.InvariantCulture);
        var at = Array.FindIndex(lines, l => l.StartsWith("Public-Lines: ", StringComparison.Ordinal));
        var publicBlob = Convert.FromBase64String(string.Concat(lines.Skip(at + 1).Take(publicCount)));
        var privateBlob = Convert.FromBase64String(privateBase64);
        var data = new List<byte>();
        foreach (var field in new[] { Encoding.ASCII.GetBytes(lines[0][(lines[0].IndexOf(": ", StringComparison.Ordinal) + 2)..]), "none"u8.ToArray(), Encoding.ASCII.GetBytes(Value("Comment")), publicBlob, privateBlob })
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)field.Length);
            data.AddRange(length);
            data.AddRange(field);
        }
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Array.Empty<byte>(), data.ToArray()));
        return string.Join('\n', lines.Take(at + 1 + publicCount)) + $"\nPrivate-Lines: 1\n{privateBase64}\nPrivate-MAC: {mac}\n";
    }

    private static string PrivateLines(string file)
    {
        var lines = Fixture(file).TrimEnd('\n').Split('\n');
        var at = Array.FindIndex(lines, l => l.StartsWith("Private-Lines: ", StringComparison.Ordinal));
        return string.Concat(lines.Skip(at + 1).Take(int.Parse(lines[at]["Private-Lines: ".Length..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void A_consistent_rebuilt_file_is_read_so_the_test_mac_is_putty_s()
    {
        using var dir = new TempDirectory();
        var parsed = Parse(dir.Write("key.ppk", WithPrivateLines("ed25519.ppk", PrivateLines("ed25519.ppk"))));
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.ShouldHaveSingleItem().PublicKey!.Spki.ToArray().ShouldBe(Spki("ed25519"));
    }

    [Test]
    public void A_private_key_of_another_public_key_is_refused()
    {
        var other = Convert.ToBase64String([0, 0, 0, 32, .. Enumerable.Repeat((byte)7, 32)]);
        IssueOf(WithPrivateLines("ed25519.ppk", other))
            .ShouldBe("invalid PuTTY key file: PuTTY key: the private key does not belong to the public key in the file's header");
    }

    [Test]
    public void Inconsistent_rsa_numbers_are_judged_by_the_audit()
    {
        // rsa-1024.ppk's d, p, q, iqmp with iqmp replaced by 1: the audit's WrongCrtCoefficient, as for PEM keys.
        var blob = Convert.FromBase64String(PrivateLines("rsa-1024.ppk"));
        var reader = 0;
        for (var i = 0; i < 3; i++) reader += 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(blob.AsSpan(reader));
        byte[] edited = [.. blob[..reader], 0, 0, 0, 1, 1];
        using var dir = new TempDirectory();
        var key = Parse(dir.Write("key.ppk", WithPrivateLines("rsa-1024.ppk", Convert.ToBase64String(edited)))).Keys.ShouldHaveSingleItem();
        key.Verdict.ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.WrongCrtCoefficient, null));
    }

    [TestCase("PuTTY-User-Key-File-1: ssh-rsa\n", "PuTTY key: a file format version other than 2 and 3 (or no key type after it)")]
    [TestCase("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes128-ctr\n", "PuTTY key: an encryption type other than none and aes256-cbc")]
    [TestCase("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: fixture\nPublic-Lines: 99999\n", "PuTTY key: \"Public-Lines\" is not a whole number up to 1,024 (line 4)")]
    [TestCase("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: fixture\nPublic-Lines: 3\nAAAA\n", "PuTTY key: the file ends inside its Public-Lines block")]
    [TestCase("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: fixture\nPublic-Lines: 1\n*fixture*\n", "PuTTY key: the Public-Lines block is not base64")]
    [TestCase("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n", "PuTTY key: line 3 is not the \"Comment\" line")]
    public void A_malformed_file_is_a_parse_error_that_quotes_nothing(string text, string message) =>
        IssueOf(text).ShouldBe("invalid PuTTY key file: " + message);

    [Test]
    public void Argon2_parameters_out_of_range_are_refused_unrun()
    {
        var text = Fixture("ed25519-encrypted.ppk").Replace("Argon2-Memory: 8192", "Argon2-Memory: 99999999999");
        IssueOf(text).ShouldBe("invalid PuTTY key file: PuTTY key: \"Argon2-Memory\" is not a whole number up to 4,294,967,295 (line 8)");
        IssueOf(Fixture("ed25519-encrypted.ppk").Replace("Argon2-Passes: 1", "Argon2-Passes: 0"))
            .ShouldBe("invalid PuTTY key file: PuTTY key: Argon2 parameters out of range (RFC 9106 §3.1: at least 1 pass, 1 lane and 8 KiB a lane)");
    }

    [Test]
    public void Ppk_files_are_candidates_by_extension_and_by_content()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("putty-key", File.ReadAllBytes(PathOf("ed25519.ppk")));
        CandidateSniffer.HasCandidateExtension("keys/deploy.ppk").ShouldBeTrue();
        CandidateSniffer.LooksLikeCandidate(path, new FileInfo(path).Length).ShouldBeTrue();
        Parse(path).Keys.ShouldHaveSingleItem().Encoding.ShouldBe(KeyEncoding.Ppk);
    }
}
