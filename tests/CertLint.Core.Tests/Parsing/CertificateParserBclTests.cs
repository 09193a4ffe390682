using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Certificates made at test time with CertificateRequest, checked against X509Certificate2's view of the same bytes.</summary>
public class CertificateParserBclTests
{
    private static readonly SourceLocation Here = new(new SourceFile("/mem/test.der", "test.der", 0, null));

    public static IEnumerable<TestCaseData> Requests()
    {
        yield return new TestCaseData("rsa-pkcs1", (Func<CertificateRequest>)(() =>
            new CertificateRequest("CN=rsa.test, O=Acme Inc, C=US", RSA.Create(2048), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), "sha256WithRSAEncryption", "SHA256");
        yield return new TestCaseData("rsa-pss", (Func<CertificateRequest>)(() =>
            new CertificateRequest("CN=pss.test", RSA.Create(3072), HashAlgorithmName.SHA384, RSASignaturePadding.Pss)), "RSASSA-PSS", "SHA384");
        yield return new TestCaseData("rsa-sha512", (Func<CertificateRequest>)(() =>
            new CertificateRequest("CN=sha512.test, L=Köln", RSA.Create(4096), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1)), "sha512WithRSAEncryption", "SHA512");
        yield return new TestCaseData("ec-p256", (Func<CertificateRequest>)(() =>
            new CertificateRequest("CN=p256.test, OU=a, OU=b, DC=example, DC=com", ECDsa.Create(ECCurve.NamedCurves.nistP256), HashAlgorithmName.SHA256)), "ecdsa-with-SHA256", "SHA256");
        yield return new TestCaseData("ec-p521", (Func<CertificateRequest>)(() =>
            new CertificateRequest("CN=p521.test, E=admin@p521.test", ECDsa.Create(ECCurve.NamedCurves.nistP521), HashAlgorithmName.SHA512)), "ecdsa-with-SHA512", "SHA512");
    }

    [TestCaseSource(nameof(Requests))]
    public void Parsed_fields_agree_with_X509Certificate2(string name, Func<CertificateRequest> make, string sigName, string hash)
    {
        var request = make();
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 2, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.DecipherOnly, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(Oids.ServerAuth)], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(name + ".example");
        san.AddIpAddress(IPAddress.Parse("10.1.2.3"));
        san.AddIpAddress(IPAddress.Parse("fe80::1"));
        san.AddEmailAddress("x@example.com");
        san.AddUri(new Uri("spiffe://example/ns/x"));
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notBefore = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var x509 = request.CreateSelfSigned(notBefore, new DateTimeOffset(2060, 6, 7, 8, 9, 10, TimeSpan.Zero));

        var cert = CertificateParser.Parse(x509.RawData, Here, ObjectFormat.Der);

        cert.Version.ShouldBe(x509.Version);
        // Whole octets, leading zero octets dropped: what `openssl x509 -serial` prints.
        var serial = x509.SerialNumber;
        while (serial.Length > 2 && serial.StartsWith("00")) serial = serial[2..];
        cert.SerialNumber.ShouldBe(serial);
        cert.NotBefore.ShouldBe(new DateTimeOffset(x509.NotBefore.ToUniversalTime(), TimeSpan.Zero));
        cert.NotAfter.ShouldBe(new DateTimeOffset(x509.NotAfter.ToUniversalTime(), TimeSpan.Zero));
        cert.Sha1.ShouldBe(x509.Thumbprint.ToLowerInvariant());
        cert.Sha256.ShouldBe(x509.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());
        cert.Subject.Raw.ToArray().ShouldBe(x509.SubjectName.RawData);
        cert.Subject.Attributes.Select(a => (a.Oid, a.Value)).ShouldBe(
            x509.SubjectName.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => (r.GetSingleElementType().Value!, r.GetSingleElementValue()!)));
        cert.Subject.Text.ShouldBe(x509.SubjectName.Decode(X500DistinguishedNameFlags.Reversed | X500DistinguishedNameFlags.UseCommas | X500DistinguishedNameFlags.DoNotUseQuotes)
            .Replace(", ", ",").Replace("E=", "emailAddress="));
        cert.IsSelfIssued.ShouldBeTrue();
        cert.Signature.AlgorithmName.ShouldBe(sigName);
        cert.Signature.HashName.ShouldBe(hash);
        cert.PublicKey.Spki.ToArray().ShouldBe(x509.PublicKey.ExportSubjectPublicKeyInfo());
        cert.PublicKey.AlgorithmOid.ShouldBe(x509.PublicKey.Oid.Value);
        cert.PublicKey.SizeBits.ShouldBe((x509.GetRSAPublicKey() as AsymmetricAlgorithm ?? x509.GetECDsaPublicKey())!.KeySize);

        cert.BasicConstraints.ShouldBe(new BasicConstraints(true, 2, true));
        cert.KeyUsage.ShouldBe(KeyUsageFlags.KeyCertSign | KeyUsageFlags.DigitalSignature | KeyUsageFlags.DecipherOnly);
        cert.ExtendedKeyUsage.ShouldBe([Oids.ServerAuth]);
        var bclSan = x509.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        cert.SubjectAltNames!.Dns.ShouldBe(bclSan.EnumerateDnsNames());
        cert.SubjectAltNames.Ip.ShouldBe(bclSan.EnumerateIPAddresses().Select(ip => ip.ToString()));
        cert.SubjectAltNames.Email.ShouldBe(["x@example.com"]);
        cert.SubjectAltNames.Uri.ShouldBe(["spiffe://example/ns/x"]);
        cert.SubjectKeyIdentifier.ShouldBe(x509.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifier);
        cert.AuthorityKeyIdentifier.ShouldBeNull();
        cert.CrlDistributionPoints.ShouldBeNull();
        cert.Extensions.Select(e => e.Oid).ShouldBe(x509.Extensions.Select(e => e.Oid!.Value!));
    }

    [TestCase(new byte[] { 0xFF, 0x01 }, "-FF")]
    [TestCase(new byte[] { 0x00, 0xC0 }, "C0")]
    [TestCase(new byte[] { 0x00 }, "00")]
    [TestCase(new byte[] { 0x05 }, "05")]
    [TestCase(new byte[] { 0x0A, 0x7F }, "0A7F")]
    public void Serial_hex_like_openssl(byte[] content, string expected) =>
        Asn1Helpers.IntegerToHex(content).ShouldBe(expected);

    [Test]
    public void Generalized_time_after_2049_and_no_extensions()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=x", key, HashAlgorithmName.SHA256);
        var notAfter = new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero);
        using var x509 = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), DateTimeOffset.UnixEpoch, notAfter, [0x01]);
        var cert = CertificateParser.Parse(x509.RawData, Here, ObjectFormat.Der);
        cert.SerialNumber.ShouldBe("01");
        cert.NotAfter.ShouldBe(notAfter);
        cert.NotBefore.ShouldBe(DateTimeOffset.UnixEpoch);
        cert.Extensions.ShouldBeEmpty();
        cert.SubjectAltNames.ShouldBeNull();
        cert.KeyUsage.ShouldBeNull();
    }
}
