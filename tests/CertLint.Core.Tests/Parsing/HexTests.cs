using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>The hex formatter writes what Convert.ToHexString and ToHexStringLower write, for every byte and length.</summary>
public class HexTests
{
    [Test]
    public void Every_byte_value_reads_as_Convert_writes_it()
    {
        var all = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        Hex.Upper(all).ShouldBe(Convert.ToHexString(all));
        Hex.Lower(all).ShouldBe(Convert.ToHexStringLower(all));
    }

    [Test]
    public void Every_length_from_empty_past_the_stack_buffer_matches_Convert()
    {
        var random = new Random(18);
        for (var length = 0; length <= 400; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Hex.Upper(bytes).ShouldBe(Convert.ToHexString(bytes), $"length {length}");
            Hex.Lower(bytes).ShouldBe(Convert.ToHexStringLower(bytes), $"length {length}");
        }
        Hex.Upper([]).ShouldBeSameAs(string.Empty);
    }

    [Test]
    public void A_parsed_certificate_keeps_its_fingerprints_serial_and_key_identifiers()
    {
        var der = Fixtures.Bytes("leaf.der");
        var cert = CertificateParser.Parse(der, new SourceLocation(new SourceFile("/x/leaf.der", "leaf.der", der.Length, null)), ObjectFormat.Der);
        using var bcl = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(der);
        cert.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(der)));
        cert.Sha1.ShouldBe(Convert.ToHexStringLower(SHA1.HashData(der)));
        var serial = bcl.SerialNumberBytes.ToArray().AsSpan();
        while (serial.Length > 1 && serial[0] == 0) serial = serial[1..];
        cert.SerialNumber.ShouldBe(Convert.ToHexString(serial));
        cert.PublicKey.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bcl.PublicKey.ExportSubjectPublicKeyInfo())));
        var ski = bcl.Extensions.OfType<System.Security.Cryptography.X509Certificates.X509SubjectKeyIdentifierExtension>().Single();
        cert.SubjectKeyIdentifier.ShouldBe(ski.SubjectKeyIdentifier);
    }
}
