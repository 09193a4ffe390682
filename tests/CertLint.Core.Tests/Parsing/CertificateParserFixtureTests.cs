using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Expected values are what `openssl x509 -text -nameopt RFC2253` printed for the committed fixtures.</summary>
public class CertificateParserFixtureTests
{
    private static CertificateInfo Leaf() => CertificateParser.Parse(Fixtures.Bytes("leaf.der"), Fixtures.Location("leaf.der"), ObjectFormat.Der);

    [Test]
    public void Leaf_core_fields_match_openssl()
    {
        var cert = Leaf();
        cert.Version.ShouldBe(3);
        cert.SerialNumber.ShouldBe("C0FFEE01");
        cert.Subject.Text.ShouldBe(@"emailAddress=ops@acme.test,CN=www.acme.test,OU=Web\+Ops,O=Acme\, Inc.,L=Berlin,ST=Berlin,C=DE");
        cert.Issuer.Text.ShouldBe("CN=CertLint Intermediate CA,OU=Issuing,O=CertLint Fixtures,C=US");
        cert.Subject.CommonName.ShouldBe("www.acme.test");
        cert.Subject.Attributes.Select(a => a.ShortName).ShouldBe(["C", "ST", "L", "O", "OU", "CN", "emailAddress"]);
        cert.NotBefore.ShouldBe(new DateTimeOffset(2026, 11, 28, 11, 31, 43, TimeSpan.Zero));
        cert.NotAfter.ShouldBe(new DateTimeOffset(2109, 1, 17, 11, 31, 43, TimeSpan.Zero));
        cert.Sha256.ShouldBe("fb61b2a443958d92c79388930a1cbfeccacacc3d7278493acf111e762b3deb66");
        cert.Sha1.ShouldBe("8ed735408a4819dbc507a1faf536802aa64bf495");
        cert.Signature.AlgorithmName.ShouldBe("ecdsa-with-SHA256");
        cert.Signature.AlgorithmOid.ShouldBe("1.2.840.10045.4.3.2");
        cert.Signature.HashName.ShouldBe("SHA256");
        cert.Signature.Value.Span[..4].ToArray().ShouldBe(new byte[] { 0x30, 0x64, 0x02, 0x30 });
        cert.PublicKey.Algorithm.ShouldBe(KeyAlgorithm.Rsa);
        cert.PublicKey.SizeBits.ShouldBe(2048);
        cert.PublicKey.Sha256.ShouldBe("369f6ac478dcc953ae88bf3e29dec435baac6c87894077f4d251e4b48f8b0a5e");
        cert.IsCa.ShouldBeFalse();
        cert.IsSelfIssued.ShouldBeFalse();
    }

    [Test]
    public void Leaf_extensions_match_openssl()
    {
        var cert = Leaf();
        cert.Extensions.Count.ShouldBe(9);
        cert.Extensions.Single(e => e.Oid == Oids.KeyUsage).Critical.ShouldBeTrue();
        cert.KeyUsage.ShouldBe(KeyUsageFlags.DigitalSignature | KeyUsageFlags.KeyEncipherment);
        cert.ExtendedKeyUsage.ShouldBe([Oids.ServerAuth, Oids.ClientAuth]);
        cert.BasicConstraints.ShouldBe(new BasicConstraints(false, null, false));
        cert.SubjectAltNames!.Dns.ShouldBe(["www.acme.test", "acme.test"]);
        cert.SubjectAltNames.Ip.ShouldBe(["192.0.2.10", "2001:db8::1"]);
        cert.SubjectAltNames.Email.ShouldBe(["ops@acme.test"]);
        cert.SubjectAltNames.Uri.ShouldBe(["https://acme.test/"]);
        cert.SubjectKeyIdentifier.ShouldBe("A3DD85BE8598946B1C26A2EFA57D698065C5CDE7");
        cert.AuthorityKeyIdentifier.ShouldBe("7650B978890A8D2824DB93EB95FBF2B485FE90D3");
        cert.CrlDistributionPoints.ShouldBe(["http://crl.acme.test/intermediate.crl"]);
        cert.AuthorityInfoAccess!.Ocsp.ShouldBe(["http://ocsp.acme.test/"]);
        cert.AuthorityInfoAccess.CaIssuers.ShouldBe(["http://certs.acme.test/intermediate.cer"]);
        cert.Policies.ShouldBe(["2.23.140.1.2.2", "1.3.6.1.4.1.99999.1"]);
    }

    [Test]
    public void Intermediate_is_a_ca_with_path_length_and_matches_leaf_issuer()
    {
        var blocks = PemScanner.Scan(Fixtures.Bytes("intermediate.pem"));
        var ca = CertificateParser.Parse(blocks.Single().Data, Fixtures.Location("intermediate.pem"), ObjectFormat.Pem);
        ca.BasicConstraints.ShouldBe(new BasicConstraints(true, 0, true));
        ca.KeyUsage.ShouldBe(KeyUsageFlags.KeyCertSign | KeyUsageFlags.CrlSign);
        ca.PublicKey.CurveName.ShouldBe("P-384");
        ca.Signature.AlgorithmName.ShouldBe("sha256WithRSAEncryption");
        ca.SerialNumber.ShouldBe("1001");
        ca.Subject.NormalizedKey.ShouldBe(Leaf().Issuer.NormalizedKey);
        ca.SubjectKeyIdentifier.ShouldBe(Leaf().AuthorityKeyIdentifier);
    }

    [TestCase("rsa1024.pem", KeyAlgorithm.Rsa, 1024, null, "sha256WithRSAEncryption")]
    [TestCase("ec-p256.pem", KeyAlgorithm.Ec, 256, "P-256", "ecdsa-with-SHA256")]
    [TestCase("ec-p384.pem", KeyAlgorithm.Ec, 384, "P-384", "ecdsa-with-SHA256")]
    [TestCase("ec-p521.pem", KeyAlgorithm.Ec, 521, "P-521", "ecdsa-with-SHA256")]
    [TestCase("ec-secp256k1.pem", KeyAlgorithm.Ec, 256, "secp256k1", "ecdsa-with-SHA256")]
    [TestCase("ed25519.pem", KeyAlgorithm.Ed25519, 253, null, "ED25519")]
    [TestCase("ed448.pem", KeyAlgorithm.Ed448, 456, null, "ED448")]
    public void Key_types_and_signatures(string file, KeyAlgorithm algorithm, int bits, string? curve, string signature)
    {
        var cert = CertificateParser.Parse(PemScanner.Scan(Fixtures.Bytes(file)).Single().Data, Fixtures.Location(file), ObjectFormat.Pem);
        cert.PublicKey.Algorithm.ShouldBe(algorithm);
        cert.PublicKey.SizeBits.ShouldBe(bits);
        cert.PublicKey.CurveName.ShouldBe(curve);
        cert.Signature.AlgorithmName.ShouldBe(signature);
        cert.IsSelfIssued.ShouldBeTrue();
        cert.Subject.CommonName.ShouldBe(file[..^4] + ".fixture.test");
    }

    [Test]
    public void Trailing_bytes_and_truncation_are_errors()
    {
        var der = Fixtures.Bytes("leaf.der");
        Should.Throw<Exception>(() => CertificateParser.Parse(der.Concat(new byte[] { 0x05, 0x00 }).ToArray(), Fixtures.Location("leaf.der"), ObjectFormat.Der));
        Should.Throw<Exception>(() => CertificateParser.Parse(der.AsMemory(0, der.Length - 10), Fixtures.Location("leaf.der"), ObjectFormat.Der));
    }
}
