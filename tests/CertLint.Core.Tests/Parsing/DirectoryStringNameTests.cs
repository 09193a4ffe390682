using System.Text;
using CertLint.Engine;
using CertLint.Parsing;
using CertLint.Tests.CabfBr;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using Raw = CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// RFC 5280's DirectoryString allows TeletexString and UniversalString besides UTF8String, PrintableString and
/// BMPString, and CAs wrote both. .NET's readers took neither: the OCTET STRING reader refuses another universal tag
/// (TeletexString), and the string reader has no UniversalString (ArgumentOutOfRangeException), so a certificate with
/// one such attribute was a parse-error as a whole and no rule saw it (zlint's e_subject_rdns_correct_encoding test
/// certificate with a UniversalString commonName). TeletexString is read as Latin-1, as OpenSSL does; UniversalString
/// as UCS-4 big-endian (X.690 §8.23.7), bad content shown as hex.
/// </summary>
public sealed class DirectoryStringNameTests
{
    private static Model.CertificateInfo Parse(byte[] subject)
    {
        var leaf = RawCertificateBuilder.Leaf("names.example.com", null).With(b => b.Subject = subject).Build();
        return CertificateParser.Parse(leaf.Der, new Model.SourceLocation(new Model.SourceFile("t.der", "t.der", leaf.Der.Length, null)), Model.ObjectFormat.Der);
    }

    [Test]
    public void A_teletex_string_attribute_is_read_as_latin1()
    {
        var parsed = Parse(Name(Attribute(Raw.Oids.Country, PrintableString, "CH"),
            Seq(ObjectId(Raw.Oids.CommonName), Tlv(TeletexString, Encoding.Latin1.GetBytes("Zürich Root")))));

        parsed.Subject.Text.ShouldBe("CN=Zürich Root,C=CH");
        parsed.Subject.CommonName.ShouldBe("Zürich Root");
    }

    [Test]
    public void A_universal_string_attribute_is_read_as_ucs4()
    {
        var parsed = Parse(Name(Attribute(Raw.Oids.Country, PrintableString, "CH"), Attribute(Raw.Oids.CommonName, UniversalString, "Zürich \U0001D11E")));

        parsed.Subject.Text.ShouldBe("CN=Zürich \U0001D11E,C=CH");
        parsed.Subject.CommonName.ShouldBe("Zürich \U0001D11E");
    }

    [Test]
    public void A_universal_string_whose_length_is_not_a_multiple_of_four_is_shown_as_hex()
    {
        var parsed = Parse(Name(Seq(ObjectId(Raw.Oids.CommonName), Tlv(UniversalString, [0x00, 0x00, 0x41]))));

        parsed.Subject.Text.ShouldBe("CN=#1C03000041");
    }

    [Test]
    public void The_br_encoding_rule_reports_a_universal_string_common_name()
    {
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "chain.pem", CabfBrFixtures.Leaf(b => b.Subject = Name(
            Attribute(Raw.Oids.Country, PrintableString, "US"), Attribute(Raw.Oids.CommonName, UniversalString, "www.example.com")))());
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path, Paths = ["chain.pem"], Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Packs = ["cabf-br"], Environment = _ => null,
        });

        result.Inventory.Files.SelectMany(f => f.Issues).ShouldBeEmpty();
        result.Findings.Where(f => f.Subject.Location.StartLine == 1).Select(f => f.Rule.Name).ShouldContain("cabf-subject-attribute-encoding");
    }
}
