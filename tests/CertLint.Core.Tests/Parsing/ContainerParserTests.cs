using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

public class ContainerParserTests
{
    private static readonly string[] ChainSubjects = ["www.acme.test", "CertLint Intermediate CA", "CertLint Root CA"];

    [TestCase("chain.p7b", FileKind.Pkcs7)]
    [TestCase("chain-p7.pem", FileKind.Pem)]
    public void Pkcs7_yields_the_chain_in_order(string file, FileKind kind)
    {
        var parsed = FileParser.Parse(Fixtures.Source(file), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(kind);
        parsed.Certificates.Select(c => c.Subject.CommonName).ShouldBe(ChainSubjects);
        parsed.Certificates.Select(c => c.Location.Index).ShouldBe([0, 1, 2]);
        parsed.Certificates[0].Sha256.ShouldBe("fb61b2a443958d92c79388930a1cbfeccacacc3d7278493acf111e762b3deb66");
        parsed.Certificates.ShouldAllBe(c => c.Format == ObjectFormat.Pkcs7);
    }

    [TestCase("leaf-nopass.p12", null, false)]
    [TestCase("leaf-password.pfx", TestPasswords.FixturePassword, true)]
    public void Pkcs12_opens_and_pairs(string file, string? password, bool protectedByPassword)
    {
        var parsed = FileParser.Parse(Fixtures.Source(file), TestPasswords.With(password));
        parsed.Issues.ShouldBeEmpty();
        parsed.Kind.ShouldBe(FileKind.Pkcs12);
        parsed.Keystore.ShouldBe(new KeystoreInfo(new SourceLocation(Fixtures.Source(file)), protectedByPassword, 2, 1));
        parsed.Certificates.Select(c => c.Subject.CommonName).ShouldBe(ChainSubjects.Take(2), ignoreOrder: true);
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(KeyEncoding.Pkcs12Entry);
        key.Format.ShouldBe(ObjectFormat.Pkcs12);
        key.PublicKey!.Sha256.ShouldBe(parsed.Certificates.Single(c => c.Subject.CommonName == "www.acme.test").PublicKey.Sha256);
    }

    [Test]
    public void Pkcs12_without_its_password_is_password_required()
    {
        var parsed = FileParser.Parse(Fixtures.Source("leaf-password.pfx"), TestPasswords.With("nope-not-it"));
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        issue.Message.ShouldBe("PKCS#12 keystore is encrypted; set CERTLINT_PASSWORD or --password-env");
        parsed.Keystore!.PasswordProtected.ShouldBeTrue();
        parsed.Certificates.ShouldBeEmpty();
    }

    [Test]
    public void Crl_and_trusted_certificate_and_csr()
    {
        var crl = FileParser.Parse(Fixtures.Source("root-ca.crl"), TestPasswords.None);
        crl.Crls.ShouldHaveSingleItem().Issuer.Text.ShouldBe("CN=CertLint Root CA,O=CertLint Fixtures,C=US");
        crl.Issues.ShouldBeEmpty();

        var trusted = FileParser.Parse(Fixtures.Source("root-ca-trusted.pem"), TestPasswords.None);
        trusted.Certificates.ShouldHaveSingleItem().Subject.CommonName.ShouldBe("CertLint Root CA");
        trusted.Issues.ShouldBeEmpty();

        // A PKCS#10 request: the key it asks a CA to certify, judged as a public key (weak-key rules) before issuance.
        var csr = FileParser.Parse(Fixtures.Source("request.csr"), TestPasswords.None);
        csr.Issues.ShouldBeEmpty();
        var requested = csr.Keys.ShouldHaveSingleItem();
        (requested.Encoding, requested.IsPrivate, requested.Label).ShouldBe((KeyEncoding.CertificationRequest, false, "RSA 2048 key of a certificate request"));
        var text = File.ReadAllText(Fixtures.PathOf("request.csr"));
        var der = Convert.FromBase64String(text[PemEncoding.Find(text).Base64Data]);
        var expected = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256).PublicKey.ExportSubjectPublicKeyInfo();
        requested.PublicKey!.Spki.ToArray().ShouldBe(expected);
        var fromDer = ContentParser.Parse(csr.File, der, TestPasswords.None);
        fromDer.Issues.ShouldBeEmpty();
        fromDer.Keys.ShouldHaveSingleItem().PublicKey!.Spki.ToArray().ShouldBe(expected);
    }

    [Test]
    public void Openssl_text_dump_yields_the_certificate_after_the_text()
    {
        var parsed = FileParser.Parse(Fixtures.Source("leaf-text-dump.txt"), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        var cert = parsed.Certificates.ShouldHaveSingleItem();
        cert.Sha256.ShouldBe("fb61b2a443958d92c79388930a1cbfeccacacc3d7278493acf111e762b3deb66");
        File.ReadAllLines(Fixtures.PathOf("leaf-text-dump.txt"))[cert.Location.StartLine - 1].ShouldBe("-----BEGIN CERTIFICATE-----");
        cert.Location.StartLine.ShouldBeGreaterThan(50);
    }

    [Test]
    public void Text_dump_chain_keeps_pem_lines()
    {
        var parsed = FileParser.Parse(Fixtures.Source("chain-crlf.pem"), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        parsed.Certificates.Count.ShouldBe(2);
        var lines = File.ReadAllLines(Fixtures.PathOf("chain-crlf.pem"));
        foreach (var cert in parsed.Certificates)
        {
            lines[cert.Location.StartLine - 1].ShouldBe("-----BEGIN CERTIFICATE-----");
            lines[cert.Location.EndLine - 1].ShouldBe("-----END CERTIFICATE-----");
        }
        parsed.Certificates[1].Location.StartLine.ShouldBeGreaterThan(parsed.Certificates[0].Location.EndLine);
    }
}
