using System.Security.Cryptography;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// PEM labels are exact (RFC 7468 §2; OpenSSL reads no other): a label one or two letters off one CertLint reads is a
/// parse error naming the label meant, and a certificate or key file of blocks no reader knows is not an empty file.
/// Labels tools write for what is not linted (EC PARAMETERS, PGP SIGNATURE...) stay silent.
/// </summary>
public sealed class PemLabelTests
{
    private static string Block(string label, byte[] der) =>
        $"-----BEGIN {label}-----\n{Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks)}\n-----END {label}-----\n";

    private static ParsedFile Parse(string name, string text) =>
        ContentParser.Parse(new SourceFile("/mem/" + name, name, text.Length, null), Encoding.ASCII.GetBytes(text), TestPasswords.None);

    private static readonly byte[] CertificateDer = Convert.FromBase64String(string.Concat(
        File.ReadAllLines(Fixtures.PathOf("leaf.pem")).Where(l => !l.StartsWith("-----", StringComparison.Ordinal))));

    /// <summary>Every label of <see cref="PemLabels.Read"/> reaches a parser: garbage under it is an issue, never nothing.</summary>
    [Test]
    public void Every_label_read_reaches_its_parser()
    {
        foreach (var label in PemLabels.Read)
        {
            var parsed = Parse("x.pem", Block(label, [0x30, 0x03, 0x02, 0x01, 0x07, 0x00]));
            (parsed.Issues.Count + parsed.Keys.Count + parsed.Certificates.Count + parsed.SecretKeys.Count).ShouldBeGreaterThan(0, label);
        }
    }

    [TestCase("CERTIFICAT", "CERTIFICATE")]
    [TestCase("Certificate", "CERTIFICATE")]
    [TestCase("CERTIFICATES", "CERTIFICATE")]
    [TestCase("PRIVATE KEYS", "PRIVATE KEY")]
    [TestCase("RSA PRIVATE KY", "RSA PRIVATE KEY")]
    public void A_label_a_letter_or_two_off_is_a_parse_error_naming_the_one_meant(string written, string meant)
    {
        var parsed = Parse("bundle.pem", Block("CERTIFICATE", CertificateDer) + Block(written, CertificateDer));
        parsed.Certificates.Count.ShouldBe(1);
        var issue = parsed.Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Location.StartLine).ShouldBe((ParseIssueKind.ParseError, Block("CERTIFICATE", CertificateDer).Split('\n').Length));
        issue.Message.ShouldBe($"PEM label \"{written}\" is not one OpenSSL reads (labels are exact, RFC 7468 §2): \"{meant}\" was probably meant");
    }

    [Test]
    public void A_certificate_or_key_file_of_unknown_labels_only_is_a_parse_error_and_other_files_are_not()
    {
        var tpm = Block("TSS2 PRIVATE KEY", [0x30, 0x00]);
        var issue = Parse("tpm.key", tpm).Issues.ShouldHaveSingleItem();
        (issue.Kind, issue.Message).ShouldBe((ParseIssueKind.ParseError, "no certificate, key or CRL in this file: its PEM label \"TSS2 PRIVATE KEY\" is not one CertLint reads"));
        Parse("notes.txt", tpm).Issues.ShouldBeEmpty();                        // found by sniffing: not a file that promises a key
        Parse("p256.pem", Block("EC PARAMETERS", [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07])).Issues.ShouldBeEmpty();
        Parse("release.asc", Block("PGP SIGNATURE", [1, 2, 3])).Issues.ShouldBeEmpty();

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var withParameters = Parse("ec.key", Block("EC PARAMETERS", [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]) + ec.ExportECPrivateKeyPem() + "\n");
        withParameters.Issues.ShouldBeEmpty();
        withParameters.Keys.ShouldHaveSingleItem().Label.ShouldBe("EC P-256 private key");
    }

    [Test]
    public void Misspelt_labels_are_compared_for_the_first_blocks_only()
    {
        var text = string.Concat(Enumerable.Repeat("-----BEGIN CERTIFICAT-----\nAAAA\n-----END CERTIFICAT-----\n", 20_000));
        var parsed = Parse("many.crt", text);
        parsed.Issues.Count.ShouldBe(PemScanner.MaxErrorBlocks);
        parsed.Issues.Select(i => i.Location.StartLine).ShouldBe(Enumerable.Range(0, PemScanner.MaxErrorBlocks).Select(i => 3 * i + 1));
    }
}
