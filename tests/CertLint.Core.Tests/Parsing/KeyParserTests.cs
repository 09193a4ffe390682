using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Keys made by openssl pair with certificates made by openssl: SPKI SHA-256 values below are what
/// `openssl x509 -pubkey | openssl pkey -pubin -outform DER | sha256sum` printed for the fixtures.</summary>
public class KeyParserTests
{
    private const string LeafSpki = "369f6ac478dcc953ae88bf3e29dec435baac6c87894077f4d251e4b48f8b0a5e";

    private static ParsedFile ParseFixture(string name, IPasswordSource? passwords = null) =>
        FileParser.Parse(Fixtures.Source(name), passwords ?? TestPasswords.None);

    [TestCase("rsa1024", "6f4e63ab92b8003bf68944b9c11c97ee9cdd912b0d65d821ed99269d01b5e421", KeyAlgorithm.Rsa)]
    [TestCase("ec-p256", "ab36ded26103671a3ae4e075e441a65dfc8313ec5ab65df8c3689fa02e136d2e", KeyAlgorithm.Ec)]
    [TestCase("ec-p384", "ef013f7961e80c15ec5310aaa0beaf8a1d8aaeb619a4bdc2331f64bc85f0b2a3", KeyAlgorithm.Ec)]
    [TestCase("ec-p521", "e06e11a174769828d6c6be7d99cd4820fee0f417536d15f25bd0e73cd2e338e1", KeyAlgorithm.Ec)]
    [TestCase("ec-secp256k1", "1b0aa04f454498b92a2102e271a15f533ef668e00909355d84845e5d9c2db275", KeyAlgorithm.Ec)]
    [TestCase("ed25519", "f8d50bed1e6497486eaf174f31bd72607e65a2b285c5702e59ba6c74aa80fb75", KeyAlgorithm.Ed25519)]
    [TestCase("ed448", "be8eab3ab92829e8c4e3f05337ac01d071db5b689275ba4c52cbc252e22e5a48", KeyAlgorithm.Ed448)]
    [TestCase("leaf", LeafSpki, KeyAlgorithm.Rsa)]
    public void Pkcs8_key_pairs_with_its_certificate(string name, string spkiSha256, KeyAlgorithm algorithm)
    {
        var key = ParseFixture(name + ".key").Keys.ShouldHaveSingleItem();
        var cert = ParseFixture(name + ".pem").Certificates.ShouldHaveSingleItem();
        key.IsPrivate.ShouldBeTrue();
        key.Encoding.ShouldBe(KeyEncoding.Pkcs8);
        key.PublicKey.ShouldNotBeNull().Sha256.ShouldBe(spkiSha256);
        key.PublicKey.Algorithm.ShouldBe(algorithm);
        cert.PublicKey.Sha256.ShouldBe(spkiSha256);
        key.PublicKey.Spki.ToArray().ShouldBe(cert.PublicKey.Spki.ToArray());
        key.Location.StartLine.ShouldBe(1);
    }

    [TestCase("leaf-pkcs1.key", KeyEncoding.Pkcs1Rsa, false)]
    [TestCase("leaf-public.pem", KeyEncoding.SubjectPublicKeyInfo, false)]
    [TestCase("leaf-pkcs8.der", KeyEncoding.Pkcs8, false)]
    [TestCase("leaf-encrypted.key", KeyEncoding.EncryptedPkcs8, true)]
    [TestCase("leaf-legacy-encrypted.key", KeyEncoding.Pkcs1Rsa, true)]
    public void Every_encoding_of_the_leaf_key_pairs_with_the_leaf(string file, KeyEncoding encoding, bool encrypted)
    {
        var key = ParseFixture(file, TestPasswords.Fixture).Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(encoding);
        key.Encrypted.ShouldBe(encrypted);
        key.IsPrivate.ShouldBe(encoding != KeyEncoding.SubjectPublicKeyInfo);
        key.PublicKey.ShouldNotBeNull().Sha256.ShouldBe(LeafSpki);
        key.PublicKey.SizeBits.ShouldBe(2048);
    }

    [TestCase("ec-p256-sec1.key")]
    [TestCase("ec-p256-sec1-nopub.key")]
    public void Sec1_keys_with_and_without_public_point_pair(string file)
    {
        var key = ParseFixture(file).Keys.ShouldHaveSingleItem();
        key.Encoding.ShouldBe(KeyEncoding.Sec1Ec);
        key.PublicKey.ShouldNotBeNull().Sha256.ShouldBe("ab36ded26103671a3ae4e075e441a65dfc8313ec5ab65df8c3689fa02e136d2e");
        key.PublicKey.CurveName.ShouldBe("P-256");
    }

    [TestCase("leaf-encrypted.key")]
    [TestCase("leaf-legacy-encrypted.key")]
    public void Encrypted_key_without_the_password_is_password_required(string file)
    {
        var parsed = ParseFixture(file, TestPasswords.With("wrong-password"));
        parsed.Keys.ShouldBeEmpty();
        var issue = parsed.Issues.ShouldHaveSingleItem();
        issue.Kind.ShouldBe(ParseIssueKind.PasswordRequired);
        issue.Message.ShouldContain("CERTLINT_PASSWORD");
        issue.Message.ShouldNotContain("wrong-password");
        issue.Location.StartLine.ShouldBe(1);
    }

    [Test]
    public void Per_path_password_variable_is_used()
    {
        var settings = new CertLint.Configuration.LintSettings
        {
            Root = Fixtures.Directory,
            Paths = [Fixtures.Directory],
            Now = DateTimeOffset.UnixEpoch,
            PasswordsByPath = [new CertLint.Configuration.PathPassword("leaf-*.key", "LEAF_KEY_PASSWORD")],
            Environment = name => name == "LEAF_KEY_PASSWORD" ? TestPasswords.FixturePassword : null,
        };
        var source = new SettingsPasswordSource(settings);
        source.CandidatesFor(Fixtures.Source("leaf-encrypted.key")).ShouldBe(["", TestPasswords.FixturePassword]);
        source.CandidatesFor(Fixtures.Source("leaf-password.pfx")).ShouldBe([""]);
        source.HintFor(Fixtures.Source("leaf-encrypted.key")).ShouldBe("set LEAF_KEY_PASSWORD or CERTLINT_PASSWORD or --password-env");
        FileParser.Parse(Fixtures.Source("leaf-encrypted.key"), source).Keys.ShouldHaveSingleItem().PublicKey!.Sha256.ShouldBe(LeafSpki);
    }
}
