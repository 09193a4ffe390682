using System.Text;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using Raw = CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// RFC 5280's DirectoryString allows TeletexString, and older CAs wrote it. The name reader asked .NET's OCTET STRING
/// reader for its content, which refuses any other universal tag, so a certificate with a TeletexString attribute was a
/// parse-error as a whole. It is read as Latin-1, as OpenSSL does.
/// </summary>
public sealed class TeletexNameTests
{
    [Test]
    public void A_teletex_string_attribute_is_read_as_latin1()
    {
        var teletex = Seq(ObjectId(Raw.Oids.CommonName), Tlv(TeletexString, Encoding.Latin1.GetBytes("Zürich Root")));
        var leaf = RawCertificateBuilder.Leaf("teletex.example.com", null)
            .With(b => b.Subject = Name(Attribute(Raw.Oids.Country, PrintableString, "CH"), teletex))
            .Build();

        var parsed = CertificateParser.Parse(leaf.Der, new CertLint.Model.SourceLocation(new CertLint.Model.SourceFile("t.der", "t.der", leaf.Der.Length, null)), CertLint.Model.ObjectFormat.Der);

        parsed.Subject.Text.ShouldBe("CN=Zürich Root,C=CH");
        parsed.Subject.CommonName.ShouldBe("Zürich Root");
    }
}
