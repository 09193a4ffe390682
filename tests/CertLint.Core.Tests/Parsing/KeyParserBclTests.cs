using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>Keys exported by the BCL in every encoding must derive exactly the BCL's own SubjectPublicKeyInfo.</summary>
public class KeyParserBclTests
{
    private static readonly SourceFile Memory = new("/mem/key.pem", "key.pem", 0, null);

    private static KeyInfo ParsePem(string pem, IPasswordSource? passwords = null)
    {
        var parsed = ContentParser.Parse(Memory, Encoding.ASCII.GetBytes(pem), passwords ?? TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        return parsed.Keys.ShouldHaveSingleItem();
    }

    public static IEnumerable<TestCaseData> Keys()
    {
        yield return new TestCaseData((Func<AsymmetricAlgorithm>)(() => RSA.Create(2048)), KeyAlgorithm.Rsa, 2048).SetName("RSA 2048");
        yield return new TestCaseData((Func<AsymmetricAlgorithm>)(() => ECDsa.Create(ECCurve.NamedCurves.nistP384)), KeyAlgorithm.Ec, 384).SetName("EC P-384");
        yield return new TestCaseData((Func<AsymmetricAlgorithm>)(() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1)), KeyAlgorithm.Ec, 256).SetName("EC brainpoolP256r1");
        yield return new TestCaseData((Func<AsymmetricAlgorithm>)(() => DSA.Create(2048)), KeyAlgorithm.Dsa, 2048).SetName("DSA 2048");
    }

    [TestCaseSource(nameof(Keys))]
    public void Pkcs8_and_encrypted_pkcs8_give_the_bcl_spki(Func<AsymmetricAlgorithm> make, KeyAlgorithm algorithm, int bits)
    {
        using var key = make();
        var expected = key.ExportSubjectPublicKeyInfo();

        var plain = ParsePem(PemEncoding.WriteString("PRIVATE KEY", key.ExportPkcs8PrivateKey()));
        plain.PublicKey!.Spki.ToArray().ShouldBe(expected);
        plain.PublicKey.Algorithm.ShouldBe(algorithm);
        plain.PublicKey.SizeBits.ShouldBe(bits);

        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000);
        var encrypted = key.ExportEncryptedPkcs8PrivateKeyPem("s3cret-pw".AsSpan(), pbe);
        ParsePem(encrypted, TestPasswords.With("s3cret-pw")).PublicKey!.Spki.ToArray().ShouldBe(expected);

        var publicOnly = ParsePem(key.ExportSubjectPublicKeyInfoPem());
        publicOnly.IsPrivate.ShouldBeFalse();
        publicOnly.PublicKey!.Spki.ToArray().ShouldBe(expected);
    }

    [Test]
    public void Pkcs1_rsa_private_and_public_keys()
    {
        using var rsa = RSA.Create(3072);
        var expected = rsa.ExportSubjectPublicKeyInfo();
        ParsePem(rsa.ExportRSAPrivateKeyPem()).PublicKey!.Spki.ToArray().ShouldBe(expected);
        var publicKey = ParsePem(rsa.ExportRSAPublicKeyPem());
        publicKey.PublicKey!.Spki.ToArray().ShouldBe(expected);
        publicKey.PublicKey.SizeBits.ShouldBe(3072);
    }

    [Test]
    public void Sec1_without_public_point_is_computed()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var parameters = ec.ExportParameters(true);
        // Re-encode SEC1 with only version, privateKey and curve: the public point must be derived.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(parameters.D);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true))) writer.WriteObjectIdentifier("1.3.132.0.35");
        }
        var key = ParsePem(PemEncoding.WriteString("EC PRIVATE KEY", writer.Encode()));
        key.PublicKey!.Spki.ToArray().ShouldBe(ec.ExportSubjectPublicKeyInfo());
        key.PublicKey.CurveName.ShouldBe("P-521");
    }

    [Test]
    public void Der_crl_and_normalized_name_matching()
    {
        var crlPem = PemScanner.Scan(Fixtures.Bytes("root-ca.crl")).Single();
        var crl = ContentParser.Parse(Memory with { RelativePath = "root.crl" }, crlPem.Data.ToArray(), TestPasswords.None);
        crl.Issues.ShouldBeEmpty();
        crl.Crls.ShouldHaveSingleItem().Issuer.CommonName.ShouldBe("CertLint Root CA");

        static string Key(string dn)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var cert = new CertificateRequest(dn, key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1));
            return CertificateParser.Parse(cert.RawData, new SourceLocation(Memory), ObjectFormat.Der).Subject.NormalizedKey;
        }
        Key("CN=Acme   Root CA, O=ACME").ShouldBe(Key("CN=acme root ca, O=Acme"));
        Key("CN=Acme Root CA, O=ACME").ShouldNotBe(Key("CN=Acme Root CA 2, O=ACME"));
        Key("CN=Acme Root CA, O=ACME").ShouldNotBe(Key("O=ACME, CN=Acme Root CA"));
    }
}
