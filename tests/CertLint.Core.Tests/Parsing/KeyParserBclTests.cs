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
    public void Der_pkcs1_rsa_public_key_is_a_public_key_and_der_private_key_still_private()
    {
        using var rsa = RSA.Create(2048);
        var file = Memory with { RelativePath = "rsa.pub.der", FullPath = "/mem/rsa.pub.der" };
        var parsed = ContentParser.Parse(file, rsa.ExportRSAPublicKey(), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.IsPrivate.ShouldBeFalse();
        key.PublicKey!.Spki.ToArray().ShouldBe(rsa.ExportSubjectPublicKeyInfo());

        var priv = ContentParser.Parse(file with { RelativePath = "rsa.der" }, rsa.ExportRSAPrivateKey(), TestPasswords.None);
        priv.Issues.ShouldBeEmpty();
        priv.Keys.ShouldHaveSingleItem().IsPrivate.ShouldBeTrue();
    }

    /// <summary>OpenSSL's traditional DSA private key, PEM "DSA PRIVATE KEY" and DER (version 0, p, q, g, y, x), is a
    /// private key with the BCL's own SPKI: before, the PEM label was skipped as "not ours" and a committed DSA key
    /// passed unseen.</summary>
    [Test]
    public void Traditional_dsa_private_key_in_pem_and_der()
    {
        using var dsa = DSA.Create(2048);
        var p = dsa.ExportParameters(true);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            // Y and X come at their fixed lengths, sometimes with a leading zero octet: write them as numbers.
            foreach (var n in new[] { p.P!, p.Q!, p.G!, p.Y!, p.X! }) w.WriteInteger(new System.Numerics.BigInteger(n, isUnsigned: true, isBigEndian: true));
        }
        var der = w.Encode();
        var pem = ParsePem(PemEncoding.WriteString("DSA PRIVATE KEY", der));
        pem.IsPrivate.ShouldBeTrue();
        pem.Encoding.ShouldBe(KeyEncoding.OpenSslDsa);
        pem.PublicKey!.Spki.ToArray().ShouldBe(dsa.ExportSubjectPublicKeyInfo());
        var parsed = ContentParser.Parse(Memory with { RelativePath = "dsa.der", FullPath = "/mem/dsa.der" }, der, TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        parsed.Keys.ShouldHaveSingleItem().PublicKey!.Spki.ToArray().ShouldBe(dsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>(n, e) is an RSAPublicKey; (p, g) with p prime is DH parameters, whatever g's parity, read as such;
    /// (p, q, g) DSA parameters, not linted. None is an error.</summary>
    [Test]
    public void Der_integer_pairs_are_rsa_public_keys_or_domain_parameters()
    {
        using var dsa = DSA.Create(2048);
        var prime = dsa.ExportParameters(false);
        byte[] Ints(params byte[][] values)
        {
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                foreach (var v in values) w.WriteInteger(new System.Numerics.BigInteger(v, isUnsigned: true, isBigEndian: true));
            }
            return w.Encode();
        }
        using var rsa = RSA.Create(2048);
        var rsaParameters = rsa.ExportParameters(false);
        foreach (var (name, der, isKey, isDh) in new[]
        {
            ("rsa-e3.der", Ints(rsaParameters.Modulus!, [3]), true, false),
            ("dh-g2.der", Ints(prime.P!, [2]), false, true),
            ("dh-g5.der", Ints(prime.P!, [5]), false, true),
            ("dsa-params.der", Ints(prime.P!, prime.Q!, prime.G!), false, false),
        })
        {
            var parsed = ContentParser.Parse(Memory with { RelativePath = name, FullPath = "/mem/" + name }, der, TestPasswords.None);
            parsed.Issues.ShouldBeEmpty(name);
            parsed.Keys.Count.ShouldBe(isKey ? 1 : 0, name);
            parsed.DhParameters.Count.ShouldBe(isDh ? 1 : 0, name);
            if (!isKey) DerSniffer.Sniff(der).ShouldBe(isDh ? DerShape.DhParameters : DerShape.NotLinted, name);
        }
    }

    /// <summary>An OCSP request or OCSP response is well formed, just not linted: no object, no parse issue. A DER
    /// certificate request yields the key it asks for, as in PEM. A truncated one is still malformed DER.</summary>
    [Test]
    public void Der_requests_yield_their_key_and_ocsp_messages_are_not_linted_and_not_errors()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=req.example", ec, HashAlgorithmName.SHA256).CreateSigningRequest();
        var ocspResponse = Convert.FromHexString("30030a0101");   // OCSPResponse { malformedRequest(1) }
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())               // OCSPRequest
        using (w.PushSequence())               // tbsRequest
        using (w.PushSequence())               // requestList
        using (w.PushSequence())               // Request
        using (w.PushSequence())               // reqCert CertID
        {
            using (w.PushSequence()) w.WriteObjectIdentifier("1.3.14.3.2.26");
            w.WriteOctetString(new byte[20]);
            w.WriteOctetString(new byte[20]);
            w.WriteInteger(42);
        }
        var ocspRequest = w.Encode();
        var request = ContentParser.Parse(Memory with { RelativePath = "req.der", FullPath = "/mem/req.der" }, csr, TestPasswords.None);
        request.Issues.ShouldBeEmpty();
        request.Keys.ShouldHaveSingleItem().PublicKey!.Spki.ToArray().ShouldBe(ec.ExportSubjectPublicKeyInfo());
        DerSniffer.Sniff(csr).ShouldBe(DerShape.CertificationRequest);
        foreach (var (name, der) in new[] { ("resp.der", ocspResponse), ("ocsp-req.der", ocspRequest) })
        {
            var parsed = ContentParser.Parse(Memory with { RelativePath = name, FullPath = "/mem/" + name }, der, TestPasswords.None);
            parsed.Issues.ShouldBeEmpty(name);
            (parsed.Certificates.Count + parsed.Keys.Count + parsed.Crls.Count).ShouldBe(0, name);
            DerSniffer.Sniff(der).ShouldBe(DerShape.NotLinted, name);
        }
        var truncated = ContentParser.Parse(Memory with { RelativePath = "cut.der" }, csr[..^10], TestPasswords.None);
        truncated.Issues.ShouldHaveSingleItem().Message.ShouldContain("malformed or truncated DER");
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
        crl.Kind.ShouldBe(FileKind.DerCrl); // the JSON report's files[].kind: was "unknown"
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
