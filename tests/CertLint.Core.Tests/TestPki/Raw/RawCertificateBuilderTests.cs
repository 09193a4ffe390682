using System.Security.Cryptography.X509Certificates;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Pki.Raw;

public sealed class RawCertificateBuilderTests
{
    [Test]
    public void Default_leaf_is_a_v3_certificate_signed_by_its_issuer()
    {
        var root = RawCertificateBuilder.Ca("Raw Root", null).Build();
        var leaf = RawCertificateBuilder.Leaf("raw.example.com", root).Build();

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = TestPki.DefaultNow.UtcDateTime;
        chain.Build(leaf.Certificate).ShouldBeTrue(string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        leaf.Certificate.Version.ShouldBe(3);
        leaf.Certificate.Extensions.Select(e => e.Oid!.Value).ShouldBe([Oids.BasicConstraints, Oids.KeyUsage, Oids.SubjectKeyId, Oids.AuthorityKeyId]);
    }

    [Test]
    public void Writes_what_conforming_encoders_refuse()
    {
        var leaf = RawCertificateBuilder.Leaf("raw.example.com", null)
            .With(b => b.Subject = Name(Attribute(Oids.CommonName, PrintableString, "a@b")))
            .With(b => b.Serial = IntRaw(0xFF))
            .With(b => b.NotAfter = Time(UtcTime, "500101000000Z"))
            .Add(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature))
            .Build();

        var der = Convert.ToHexString(leaf.Der);
        der.ShouldContain("1303614062"); // PrintableString "a@b"
        der.ShouldContain("0201FF"); // serial -1
        der.ShouldContain("170D3530303130313030303030305A"); // UTCTime 2050
        (der.Length - der.Replace("0603551D0F", "").Length).ShouldBe(2 * 10); // keyUsage twice
    }
}
