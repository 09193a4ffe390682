using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Pkcs;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace CertLint.Tests.Pki;

/// <summary>The test PKI itself must produce what it promises, or every test built on it proves nothing.</summary>
public sealed class TestPkiTests
{
    [Test]
    public void Root_intermediate_leaf_chain_validates_with_the_platform()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Intermediate", o => o.Rsa());
        var leaf = inter.Issue("client", o => o.ClientAuth().Dns("a.test").EcP384());

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root.Certificate);
        chain.ChainPolicy.ExtraStore.Add(inter.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = TestPki.DefaultNow.UtcDateTime;

        chain.Build(leaf.Certificate).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        leaf.Certificate.Issuer.ShouldBe("CN=Acme Intermediate");
        leaf.Certificate.GetNameInfo(X509NameType.DnsName, false).ShouldBe("a.test");
        leaf.ChainToRoot.Select(c => c.Subject).ShouldBe(["CN=client", "CN=Acme Intermediate", "CN=Acme Root"]);
        inter.Certificate.PublicKey.Oid.Value.ShouldBe("1.2.840.113549.1.1.1");
    }

    [Test]
    public void Options_shape_the_extensions()
    {
        var root = TestPki.CreateRoot("Acme Root", o => o.Ca(pathLength: 0).KeyUsage(X509KeyUsageFlags.CrlSign));
        var leaf = root.Issue("server", o => o.ServerAuth().Ip("10.0.0.1").Valid(TestPki.DefaultNotBefore, TestPki.DefaultNotBefore.AddDays(90)));

        var bc = root.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        bc.CertificateAuthority.ShouldBeTrue();
        bc.PathLengthConstraint.ShouldBe(0);
        root.Certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.ShouldBe(X509KeyUsageFlags.CrlSign);
        leaf.Certificate.NotAfter.ToUniversalTime().ShouldBe(TestPki.DefaultNotBefore.AddDays(90).UtcDateTime);
        leaf.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages[0].Value.ShouldBe("1.3.6.1.5.5.7.3.1");
        leaf.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();
    }

    [Test]
    public void Tampered_copy_no_longer_verifies()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var leaf = root.Issue("leaf");
        var ec = root.Certificate.GetECDsaPublicKey()!;
        var tampered = leaf.Tampered();
        Verify(ec, leaf).ShouldBeTrue();
        Verify(ec, tampered).ShouldBeFalse();
        tampered.Sha256.ShouldNotBe(leaf.Sha256);
    }

    [TestCase(TestKeyType.Ed25519)]
    [TestCase(TestKeyType.Ed448)]
    public void EdDsa_certificates_verify_with_BouncyCastle(TestKeyType type)
    {
        var root = TestPki.CreateRoot("Ed Root", o => o.Key(type));
        var leaf = root.Issue("ed leaf", o => o.Key(type));
        var bcLeaf = new BcCertificate(leaf.Der);
        var bcRoot = new BcCertificate(root.Der);
        Should.NotThrow(() => bcLeaf.Verify(bcRoot.GetPublicKey()));
        Should.Throw<Exception>(() => new BcCertificate(leaf.Tampered().Der).Verify(bcRoot.GetPublicKey()));
        leaf.Key.ToPem().ShouldStartWith("-----BEGIN PRIVATE KEY-----");
    }

    [Test]
    public void Files_are_written_in_the_requested_formats()
    {
        using var dir = new TempDirectory();
        var root = TestPki.CreateRoot("Acme Root", o => o.Rsa());
        var leaf = root.Issue("client");

        var pem = TestPki.WritePem(dir.Path, "sub/client.crt", leaf, root);
        File.ReadAllText(pem).Split("BEGIN CERTIFICATE").Length.ShouldBe(3);
        File.ReadAllText(TestPki.WriteKey(dir.Path, "client.key", leaf, KeyFileFormat.Traditional)).ShouldStartWith("-----BEGIN EC PRIVATE KEY-----");
        File.ReadAllText(TestPki.WriteKey(dir.Path, "root.key", root, KeyFileFormat.EncryptedPkcs8, "pw")).ShouldStartWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");

        var p12 = TestPki.WritePkcs12(dir.Path, "client.p12", "secret", leaf, [root]);
        var loaded = X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, "secret");
        loaded.Count.ShouldBe(2);
        loaded.Single(c => c.HasPrivateKey).Thumbprint.ShouldBe(leaf.Certificate.Thumbprint);

        var p7 = TestPki.WritePkcs7(dir.Path, "chain.p7b", leaf, root);
        var cms = new SignedCms();
        cms.Decode(File.ReadAllBytes(p7));
        cms.Certificates.Count.ShouldBe(2);
    }

    [Test]
    public void Spki_hash_matches_the_certificate_public_key()
    {
        var leaf = TestPki.CreateRoot("r").Issue("l", o => o.Rsa());
        var spki = leaf.Certificate.PublicKey.ExportSubjectPublicKeyInfo();
        leaf.Key.SpkiSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(spki)));
    }

    private static bool Verify(ECDsa key, TestCertificate cert)
    {
        var bc = new BcCertificate(cert.Der);
        return key.VerifyData(bc.GetTbsCertificate(), bc.GetSignature(), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
