using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.WeakKeys;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// RFC 4716 "SSH2 PUBLIC KEY" blocks (ssh-keygen -e, PuTTYgen's "Save public key"), written here from RFC 4716 §3 with
/// RFC 4253 §6.6 blobs: each block is a public key at its lines, judged by the key rules; a damaged block is a parse
/// error at its lines; a file that does not open with a BEGIN line is not read as one.
/// </summary>
public sealed class Ssh2PublicKeyBlockTests
{
    private static string RsaBody(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return Wrap(Convert.ToBase64String([.. OpenSshPublicKeyLineTests.SshString("ssh-rsa"u8), .. OpenSshPublicKeyLineTests.Mpint(p.Exponent!), .. OpenSshPublicKeyLineTests.Mpint(p.Modulus!)]));
    }

    private static readonly byte[] EdKey = Convert.FromHexString("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"); // RFC 8032 TEST 2

    private static string EdBody() => Wrap(Convert.ToBase64String([.. OpenSshPublicKeyLineTests.SshString("ssh-ed25519"u8), .. OpenSshPublicKeyLineTests.SshString(EdKey)]));

    /// <summary>RFC 4716 §3: lines of at most 72 octets.</summary>
    private static string Wrap(string base64) => string.Join('\n', base64.Chunk(70).Select(c => new string(c)));

    private static ParsedFile Parse(string name, string text) =>
        ContentParser.Parse(new SourceFile("/mem/" + name, name, text.Length, null), Encoding.ASCII.GetBytes(text), TestPasswords.None);

    [Test]
    public void Each_block_is_a_public_key_at_its_lines_whatever_its_headers()
    {
        using var rsa = RSA.Create(1024);
        var text = string.Join('\n',
            "---- BEGIN SSH2 PUBLIC KEY ----",
            "Comment: \"1024-bit RSA, a comment long enough to need \\",
            "a continuation line: key: value\"",
            "x-command: /bin/true",
            RsaBody(rsa),
            "---- END SSH2 PUBLIC KEY ----",
            "",
            "---- BEGIN SSH2 PUBLIC KEY ----",
            "Subject: deploy",
            EdBody(),
            "---- END SSH2 PUBLIC KEY ----",
            "");
        Ssh2PublicKeyBlocks.Looks(Encoding.ASCII.GetBytes(text)).ShouldBeTrue();
        var parsed = Parse("keys.pub", text);
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.OpenSsh);
        var rsaLines = RsaBody(rsa).Split('\n').Length;
        parsed.Keys.Select(k => (k.Location.StartLine, k.Location.EndLine, k.Label, k.Encoding, k.IsPrivate)).ShouldBe([
            (1, 5 + rsaLines, "RSA 1024 SSH public key", KeyEncoding.OpenSshPublic, false),
            (7 + rsaLines, 10 + rsaLines, "Ed25519 SSH public key", KeyEncoding.OpenSshPublic, false),
        ]);
        parsed.Keys[0].PublicKey!.Spki.ToArray().ShouldBe(rsa.ExportSubjectPublicKeyInfo());
    }

    [Test]
    public void A_damaged_block_is_a_parse_error_at_its_lines()
    {
        var text = string.Join('\n',
            "---- BEGIN SSH2 PUBLIC KEY ----",
            "AAAAC3NzaC1lZDI1NTE5AAAAIA!!",
            "---- END SSH2 PUBLIC KEY ----",
            "---- BEGIN SSH2 PUBLIC KEY ----",
            "AAAAC3NzaC1lZDI1NTE5AAAAAQA=",            // an Ed25519 key of one octet
            "---- END SSH2 PUBLIC KEY ----",
            "---- END SSH2 PUBLIC KEY ----",
            "---- BEGIN SSH2 PUBLIC KEY ----",
            EdBody(),
            "");
        var parsed = Parse("damaged.pub", text);
        parsed.Keys.ShouldBeEmpty();
        parsed.Issues.Select(i => $"{i.Location.StartLine}-{i.Location.EndLine} {i.Message}").ShouldBe([
            "1-3 invalid SSH2 public key: its body is not base64",
            "4-6 invalid SSH2 public key: OpenSSH key: an Ed25519 public key of 1 octets, not 32",
            "7-7 SSH2 public key END line without a BEGIN line",
            "8-10 SSH2 public key block has no END line",
        ]);
    }

    [Test]
    public void Blocks_are_found_by_content_and_judged_and_prose_before_one_is_not_read()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        using var weak = RSA.Create(1024);
        var block = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"putty\"\n" + RsaBody(weak) + "\n---- END SSH2 PUBLIC KEY ----\n";
        File.WriteAllText(dir["putty-public"], block);
        File.WriteAllText(dir["id_rsa.pub"], "\n\n" + block);
        File.WriteAllText(dir["NOTES.txt"], "Paste this key into the portal:\n" + block);
        var result = WeakKeyRuleTests.Lint(dir.Path);
        result.Findings.Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine}-{f.Location.EndLine}").Order(StringComparer.Ordinal).ShouldBe([
            "weak-key id_rsa.pub:3-" + (3 + block.Split('\n').Length - 2),
            "weak-key putty-public:1-" + (block.Split('\n').Length - 1),
        ]);
        result.Inventory.Keys.Count.ShouldBe(2);
    }

    [Test]
    public void A_file_of_more_blocks_than_the_bound_reads_the_bound_and_says_so()
    {
        var block = "---- BEGIN SSH2 PUBLIC KEY ----\n" + EdBody() + "\n---- END SSH2 PUBLIC KEY ----\n";
        var parsed = Parse("many.pub", string.Concat(Enumerable.Repeat(block, Ssh2PublicKeyBlocks.MaxKeys + 2)));
        parsed.Keys.Count.ShouldBe(Ssh2PublicKeyBlocks.MaxKeys);
        var issue = parsed.Issues.ShouldHaveSingleItem();
        var lines = block.Split('\n').Length - 1;
        (issue.Location.StartLine, issue.Message).ShouldBe((Ssh2PublicKeyBlocks.MaxKeys * lines + 1,
            "more than 5,000 SSH2 public keys in one file: this block and those after it were not read"));
    }

    [Test]
    public void A_block_over_the_base64_bound_is_one_issue_and_the_next_block_is_read()
    {
        var huge = string.Join('\n', Enumerable.Repeat(new string('A', 70), 300)); // 21,000 characters
        var text = "---- BEGIN SSH2 PUBLIC KEY ----\n" + huge + "\n---- END SSH2 PUBLIC KEY ----\n"
            + "---- BEGIN SSH2 PUBLIC KEY ----\n" + EdBody() + "\n---- END SSH2 PUBLIC KEY ----\n";
        var parsed = Parse("huge.pub", text);
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Location.StartLine, issue.Message).ShouldBe((1, "SSH2 public key block holds more than 16,384 characters of base64: not read"));
        parsed.Keys.ShouldHaveSingleItem().Location.StartLine.ShouldBe(303);
    }
}
