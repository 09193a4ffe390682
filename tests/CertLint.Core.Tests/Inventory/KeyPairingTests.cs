using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

public sealed class KeyPairingTests
{
    private TestCertificate _root = null!;
    private TestCertificate _leaf = null!;
    private TestCertificate _other = null!;

    [OneTimeSetUp]
    public void MakePki()
    {
        _root = TestPki.CreateRoot("Acme Root");
        _leaf = _root.Issue("client");
        _other = _root.Issue("other");
    }

    [Test]
    public void Keys_pair_with_certificates_by_public_key_whatever_the_file_names()
    {
        var inventory = new TestScan().Pem("certs/alpha.crt", _leaf).Key("secrets/zeta.key", _leaf.Key).Pem("certs/other.crt", _other).Build();

        var pair = inventory.Pairs.ShouldHaveSingleItem();
        pair.Key.Location.File.RelativePath.ShouldBe("secrets/zeta.key");
        pair.Certificate.Sha256.ShouldBe(_leaf.Sha256);
        inventory.Mismatches.ShouldBeEmpty();
    }

    [Test]
    public void A_key_pairs_with_every_copy_of_its_certificate()
    {
        var inventory = new TestScan().Pem("cert.pem", _leaf).Pem("fullchain.pem", _leaf, _root).Key("privkey.pem", _leaf.Key).Build();

        inventory.Pairs.Select(p => p.Certificate.Location.File.RelativePath).ShouldBe(["cert.pem", "fullchain.pem"]);
        inventory.Mismatches.ShouldBeEmpty();
    }

    [Test]
    public void Pkcs12_key_pairs_with_its_certificate()
    {
        var inventory = new TestScan().Pkcs12("client.p12", _leaf.Key, _leaf, _root).Build();

        inventory.Pairs.ShouldHaveSingleItem().Certificate.Sha256.ShouldBe(_leaf.Sha256);
        inventory.Mismatches.ShouldBeEmpty();
    }

    [Test]
    public void Pkcs12_with_a_foreign_key_is_a_mismatch()
    {
        var inventory = new TestScan().Pkcs12("client.p12", _other.Key, _leaf, _root).Build();

        inventory.Pairs.ShouldBeEmpty();
        var mismatch = inventory.Mismatches.ShouldHaveSingleItem();
        mismatch.Certificate.Sha256.ShouldBe(_leaf.Sha256);
        mismatch.Reason.ShouldBe("the private key in keystore client.p12 does not match its certificate CN=client");
    }

    [TestCase("client.crt", "client.key")]
    [TestCase("client.pem", "client-key.pem")]
    [TestCase("client-cert.pem", "client-key.pem")]
    [TestCase("client_crt.pem", "client_key.pem")]
    [TestCase("Client.CRT", "client.key.pem")]
    [TestCase("tls.crt", "tls.key")]
    [TestCase("cert.pem", "privkey.pem")]
    [TestCase("fullchain.pem", "privkey.pem")]
    [TestCase("cert.pem", "key.pem")]
    [TestCase("certificate.crt", "private.key")]
    public void Key_named_as_the_pair_of_a_certificate_it_does_not_match_is_a_mismatch(string certName, string keyName)
    {
        var inventory = new TestScan().Pem($"deploy/{certName}", _leaf, _root).Key($"deploy/{keyName}", _other.Key).Build();

        var mismatch = inventory.Mismatches.ShouldHaveSingleItem();
        mismatch.Key.Location.File.RelativePath.ShouldBe($"deploy/{keyName}");
        mismatch.Certificate.Sha256.ShouldBe(_leaf.Sha256);
        mismatch.Reason.ShouldBe($"deploy/{keyName} and deploy/{certName} are named as a pair, but the private key does not match the certificate CN=client");
    }

    [TestCase("client.crt", "server.key")]
    [TestCase("chain.pem", "privkey.pem")]
    [TestCase("a/client.crt", "b/client.key")]
    public void Files_not_named_as_a_pair_are_no_mismatch(string certPath, string keyPath)
    {
        var inventory = new TestScan().Pem(certPath, _leaf).Key(keyPath, _other.Key).Build();
        inventory.Mismatches.ShouldBeEmpty();
        inventory.Pairs.ShouldBeEmpty();
    }

    [Test]
    public void Matching_pair_by_name_is_no_mismatch()
    {
        var inventory = new TestScan().Pem("tls.crt", _leaf, _root).Key("tls.key", _leaf.Key).Build();
        inventory.Mismatches.ShouldBeEmpty();
        inventory.Pairs.ShouldHaveSingleItem();
    }

    [Test]
    public void Key_matching_another_certificate_of_its_group_is_no_mismatch()
    {
        // certbot after a renewal gone half-way: fullchain.pem still has the old leaf, cert.pem the new one.
        var inventory = new TestScan().Pem("live/cert.pem", _leaf).Pem("live/fullchain.pem", _other, _root).Key("live/privkey.pem", _leaf.Key).Build();
        inventory.Mismatches.ShouldBeEmpty();
    }

    [Test]
    public void Key_is_for_the_first_certificate_of_a_fullchain_only()
    {
        var inventory = new TestScan().Pem("fullchain.pem", _leaf, _root).Key("privkey.pem", _other.Key).Build();

        // One mismatch, with the leaf: the root in the same file is not what the key was meant for.
        inventory.Mismatches.ShouldHaveSingleItem().Certificate.Sha256.ShouldBe(_leaf.Sha256);
    }

    [Test]
    public void Pem_holding_a_key_and_another_certificate_is_a_mismatch()
    {
        var inventory = new TestScan().KeyAndCertificates("haproxy/site.pem", _other.Key, _leaf, _root).Build();

        var mismatch = inventory.Mismatches.ShouldHaveSingleItem();
        mismatch.Reason.ShouldBe("haproxy/site.pem holds a private key and the certificate CN=client, but they do not match");
    }

    [Test]
    public void Pem_holding_a_key_and_its_certificate_pairs()
    {
        var inventory = new TestScan().KeyAndCertificates("haproxy/site.pem", _leaf.Key, _leaf, _root).Build();
        inventory.Mismatches.ShouldBeEmpty();
        inventory.Pairs.ShouldHaveSingleItem().Key.Location.File.ShouldBe(inventory.Pairs[0].Certificate.Location.File);
    }

    [TestCase("client.crt", "client")]
    [TestCase("client.key.pem", "client")]
    [TestCase("ca-key.pem", "ca")]
    [TestCase("server_certificate.pem", "server")]
    [TestCase("site-fullchain.pem", "site")]
    [TestCase("fullchain.pem", "cert")]
    [TestCase("privkey.pem", "cert")]
    [TestCase("chain.pem", "chain")]
    [TestCase("private.key", "certificate")]
    [TestCase("keystore.p12", "keystore")]
    [TestCase("README", "readme")]
    public void Stems_follow_the_documented_conventions(string fileName, string stem) => KeyGroups.Stem(fileName).ShouldBe(stem);
}
