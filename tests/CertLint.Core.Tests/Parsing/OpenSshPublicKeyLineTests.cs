using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.WeakKeys;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// One-line OpenSSH public keys (.pub, authorized_keys, known_hosts; sshd(8)'s file formats), with key blobs written
/// here in RFC 4253 §6.6 wire form: each key line is a public key at its line, judged by the key rules; a line naming a
/// key type whose blob is broken is a parse error there; a file that does not open with a key line is not read as one.
/// </summary>
public sealed class OpenSshPublicKeyLineTests
{
    internal static byte[] SshString(ReadOnlySpan<byte> value)
    {
        var result = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt32BigEndian(result, (uint)value.Length);
        value.CopyTo(result.AsSpan(4));
        return result;
    }

    /// <summary>An mpint (RFC 4251 §5): unsigned big-endian with a leading zero when the top bit is set.</summary>
    internal static byte[] Mpint(byte[] unsigned) => SshString(unsigned[0] >= 0x80 ? [0, .. unsigned] : unsigned);

    internal static string RsaLine(RSA rsa, string prefix = "", string comment = "")
    {
        var p = rsa.ExportParameters(false);
        var blob = (byte[])[.. SshString("ssh-rsa"u8), .. Mpint(p.Exponent!), .. Mpint(p.Modulus!)];
        return $"{prefix}ssh-rsa {Convert.ToBase64String(blob)} {comment}".Trim();
    }

    internal static string Ed25519Line(byte[] publicKey, string comment = "") =>
        $"ssh-ed25519 {Convert.ToBase64String([.. SshString("ssh-ed25519"u8), .. SshString(publicKey)])} {comment}".Trim();

    internal static readonly byte[] EdKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"); // RFC 8032 TEST 1

    [Test]
    public void Every_key_line_is_a_public_key_at_its_line_and_a_broken_one_a_parse_error()
    {
        using var rsa = RSA.Create(1024);
        var text = string.Join('\n',
            "# deploy keys",
            RsaLine(rsa, "command=\"echo ssh-rsa x\",no-pty ", "weak@example"),
            Ed25519Line(EdKey, "ok"),
            "",
            "ssh-rsa AAAAB3NzaC1yc2Ebroken comment",
            "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29t cert",
            "");
        OpenSshPublicKeyLines.Looks(Encoding.ASCII.GetBytes(text)).ShouldBeTrue();
        var parsed = ContentParser.Parse(new SourceFile("/mem/authorized_keys", "authorized_keys", 0, null), Encoding.ASCII.GetBytes(text), TestPasswords.None);
        parsed.Kind.ShouldBe(FileKind.OpenSsh);
        parsed.Keys.Select(k => (k.Location.StartLine, k.Label, k.Encoding, k.IsPrivate)).ShouldBe([
            (2, "RSA 1024 SSH public key", KeyEncoding.OpenSshPublic, false),
            (3, "Ed25519 SSH public key", KeyEncoding.OpenSshPublic, false),
        ]);
        parsed.Keys[0].PublicKey!.Spki.ToArray().ShouldBe(rsa.ExportSubjectPublicKeyInfo());
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Location.StartLine, issue.Message).ShouldBe((5, "invalid OpenSSH public key: the base64 after ssh-rsa does not decode to a key blob of that type"));
    }

    [Test]
    public void Key_files_authorized_keys_and_known_hosts_are_found_and_judged_and_prose_is_not()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        using var weak = RSA.Create(1024);
        using var strong = RSA.Create(3072);
        File.WriteAllText(dir["id_deploy.pub"], RsaLine(weak, comment: "deploy@ci") + "\n");
        File.WriteAllText(dir["known_hosts"], RsaLine(strong, "git.example.test,192.0.2.7 ") + "\n" + "|1|c2FsdA==|aGFzaA== " + Ed25519Line(EdKey) + "\n");
        File.WriteAllText(dir["README.md"], "# Access\n\nAdd your key:\n\n    " + RsaLine(weak) + "\n");
        var result = WeakKeyRuleTests.Lint(dir.Path);
        result.Findings.Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine}").Order(StringComparer.Ordinal).ShouldBe([
            "key-known-compromised known_hosts:2",   // RFC 8032's TEST 1 key, whatever the file
            "weak-key id_deploy.pub:1",
        ]);
        result.Findings.First(f => f.Rule.Name == "weak-key").Message.ShouldBe(
            "RSA 1024 SSH public key uses a weak RSA 1024 key: generate a new SSH key and replace the old one in authorized_keys (RSA 3072 or EC P-256 are strong).");
        result.Inventory.Keys.Count.ShouldBe(3);
    }

    [Test]
    public void A_file_of_more_keys_than_the_bound_reads_the_bound_and_says_so()
    {
        var lines = string.Join('\n', Enumerable.Repeat(Ed25519Line(EdKey), OpenSshPublicKeyLines.MaxKeys + 2)) + "\n";
        var parsed = ContentParser.Parse(new SourceFile("/mem/keys.pub", "keys.pub", 0, null), Encoding.ASCII.GetBytes(lines), TestPasswords.None);
        parsed.Keys.Count.ShouldBe(OpenSshPublicKeyLines.MaxKeys);
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Location.StartLine, issue.Message).ShouldBe((OpenSshPublicKeyLines.MaxKeys + 1,
            "more than 5,000 OpenSSH public keys in one file: this line and those after it were not read"));
    }
}
