using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using CertLint.Configuration.Yaml;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// The text readers other than PEM (JSON Web Keys, OpenSSH key lines) and the YAML loader read a file with a UTF-8 byte
/// order mark as .NET and OpenSSH read it, and UTF-16 by its mark; UTF-16 that holds a key is an encoding issue.
/// </summary>
public sealed class TextMarkParsingTests
{
    private static readonly byte[] Utf8Mark = [0xEF, 0xBB, 0xBF];

    private static ParsedFile Parse(string name, byte[] bytes) =>
        ContentParser.Parse(new SourceFile("/mem/" + name, name, bytes.Length, null), bytes, TestPasswords.None);

    private static string Jwk(RSA rsa)
    {
        var p = rsa.ExportParameters(false);
        return $$"""{"kty":"RSA","n":"{{Base64Url.EncodeToString(p.Modulus)}}","e":"{{Base64Url.EncodeToString(p.Exponent)}}"}""";
    }

    private static string Ed25519Line() => OpenSshPublicKeyLineTests.Ed25519Line(OpenSshPublicKeyLineTests.EdKey, "deploy") + "\n";

    [Test]
    public void A_json_web_key_and_ssh_key_lines_after_a_utf8_mark_are_read()
    {
        using var rsa = RSA.Create(2048);
        var jwk = Parse("key.jwk", [.. Utf8Mark, .. Encoding.UTF8.GetBytes(Jwk(rsa))]);
        jwk.Issues.ShouldBeEmpty();
        jwk.Keys.ShouldHaveSingleItem().PublicKey!.Spki.ToArray().ShouldBe(rsa.ExportSubjectPublicKeyInfo());

        var ssh = Parse("authorized_keys", [.. Utf8Mark, .. Encoding.ASCII.GetBytes(Ed25519Line())]);
        ssh.Issues.ShouldBeEmpty();
        ssh.Kind.ShouldBe(FileKind.OpenSsh);
        ssh.Keys.ShouldHaveSingleItem().Label.ShouldBe("Ed25519 SSH public key");
    }

    [Test]
    public void A_key_stored_as_utf16_is_read_and_is_an_encoding_issue()
    {
        var utf16 = (byte[])[0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Ed25519Line())];
        var parsed = Parse("id_ed25519.pub", utf16);
        parsed.Keys.ShouldHaveSingleItem().Label.ShouldBe("Ed25519 SSH public key");
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Location.StartLine).ShouldBe((ParseIssueKind.Encoding, 1));
        issue.Message.ShouldStartWith("the file is stored as UTF-16 little-endian (byte order mark FF FE): ");
    }

    [Test]
    public void Utf16_without_anything_to_read_is_no_encoding_issue_but_unrecognised_content()
    {
        var parsed = Parse("notes.crt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("hello\n")]);
        parsed.Issues.Select(i => (i.Kind, i.Message)).ShouldBe([(ParseIssueKind.ParseError, "unrecognised content: neither PEM nor DER certificate material")]);
    }

    [Test]
    public void The_yaml_loader_reads_utf16_by_its_mark()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        const string Text = "rules:\n  cert-expiring-soon: off\n";
        File.WriteAllBytes(dir[".certlint.yml"], [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)]);
        File.WriteAllBytes(dir["utf8.yml"], [.. Utf8Mark, .. Encoding.UTF8.GetBytes(Text)]);
        SafeYaml.ReadText(dir[".certlint.yml"], ".certlint.yml").ShouldBe(Text);
        SafeYaml.ReadText(dir["utf8.yml"], "utf8.yml").ShouldBe(Text);
    }
}
