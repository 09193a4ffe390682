using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// The profile details decoder (CertificateDetailsParser): repeated extensions, malformed parts, and the values it
/// shares between certificates that carry the same bytes (one CA's leaves), which must never change what a rule sees.
/// </summary>
public class CertificateDetailsTests
{
    private const string Policies = "2.5.29.32";

    private static readonly byte[] BadPolicies = [0x30, 0x03, 0x02, 0x01, 0x05];

    /// <summary>A leaf with two certificatePolicies extensions (CertificateRequest refuses a duplicate: the second is
    /// added as cRLDistributionPoints 2.5.29.31 and renamed in the DER, same length; the signature no longer verifies).</summary>
    private static CertificateInfo TwoPolicies(byte[] first, byte[] second)
    {
        var der = TestPki.CreateSelfSigned("leaf.acme.test", o => o.Extension(new X509Extension(Policies, first, false))
            .Extension(new X509Extension("2.5.29.31", second, false))).Der;
        var at = der.AsSpan().IndexOf(new byte[] { 0x06, 0x03, 0x55, 0x1D, 0x1F });
        der[at + 4] = 0x20;
        return TestScan.Certificate(der, FileAt("certs/x.pem"));
    }

    private static byte[] PolicyValue(string oid)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        using (w.PushSequence())
            w.WriteObjectIdentifier(oid);
        return w.Encode();
    }

    [Test]
    public void A_malformed_first_occurrence_is_named_and_the_next_one_decodes()
    {
        var details = CertificateDetailsParser.Parse(TwoPolicies(BadPolicies, PolicyValue("2.23.140.1.2.1")));
        details.Malformed.ShouldBe([Policies]);
        var decoded = details.Extension(Policies).ShouldBeOfType<PoliciesDetails>();
        decoded.Entries.Select(e => e.Oid).ShouldBe(["2.23.140.1.2.1"]);
        details.Extensions.Keys.ShouldContain(Policies);
    }

    [Test]
    public void Every_malformed_occurrence_is_named_and_none_after_a_decoded_one()
    {
        CertificateDetailsParser.Parse(TwoPolicies(BadPolicies, BadPolicies)).Malformed.ShouldBe([Policies, Policies]);
        var later = CertificateDetailsParser.Parse(TwoPolicies(PolicyValue("2.23.140.1.2.2"), BadPolicies));
        later.Malformed.ShouldBeEmpty();
        later.Extension(Policies).ShouldBeOfType<PoliciesDetails>().Entries.Single().Oid.ShouldBe("2.23.140.1.2.2");
    }

    [Test]
    public void Leaves_of_one_issuer_share_decoded_values_and_stay_equal_to_a_fresh_decode()
    {
        var ca = TestPki.CreateRoot("Details Root CA");
        var a = TestScan.Certificate(ca.Issue("a.acme.test", o => o.ClientAuth().Dns("a.acme.test")), FileAt("certs/a.pem"));
        var b = TestScan.Certificate(ca.Issue("b.acme.test", o => o.ClientAuth().Dns("b.acme.test")), FileAt("certs/b.pem"));
        var (da, db) = (CertificateDetailsParser.Parse(a), CertificateDetailsParser.Parse(b));

        da.IssuerAttributes.ShouldBeSameAs(db.IssuerAttributes);
        da.TbsSignature.ShouldBeSameAs(db.TbsSignature);
        da.Extension("2.5.29.37").ShouldBeSameAs(db.Extension("2.5.29.37"));
        da.Extension("2.5.29.17").ShouldNotBeSameAs(db.Extension("2.5.29.17")); // SANs differ: never shared
        ((OidListDetails)da.Extension("2.5.29.37")!).Oids.ShouldBe(["1.3.6.1.5.5.7.3.2"]);
        da.IssuerAttributes.Select(n => (n.Oid, n.Value)).ShouldBe([("2.5.4.3", "Details Root CA")]);
        da.SubjectAttributes.Single().Value.ShouldBe("a.acme.test");
        db.SubjectAttributes.Single().Value.ShouldBe("b.acme.test");
        da.TbsSignature!.Der.ShouldBe(da.OuterSignature!.Der);
        da.Malformed.ShouldBeEmpty();
    }

    [Test]
    public void A_malformed_value_is_reported_on_every_certificate_that_carries_it()
    {
        for (var i = 0; i < 2; i++)
        {
            var cert = TestScan.Certificate(TestPki.CreateSelfSigned($"m{i}.acme.test", o => o.Extension(new X509Extension(Policies, BadPolicies, false))),
                FileAt($"certs/m{i}.pem"));
            var details = CertificateDetailsParser.Parse(cert);
            details.Malformed.ShouldBe([Policies]);
            details.Extension(Policies).ShouldBeNull();
        }
    }

    [TestCase("1.3.6.1.5.5.7.48.1.5", new byte[0], true, TestName = "OCSP nocheck with an empty value is malformed")]
    [TestCase("1.3.6.1.5.5.7.48.1.5", new byte[] { 0x05, 0x01, 0x00 }, true, TestName = "OCSP nocheck NULL with content is malformed")]
    [TestCase("1.3.6.1.5.5.7.48.1.5", new byte[] { 0x05, 0x00 }, false, TestName = "OCSP nocheck NULL decodes")]
    [TestCase("1.3.6.1.4.1.11129.2.4.3", new byte[] { 0x04, 0x00 }, true, TestName = "CT poison holding an OCTET STRING is malformed")]
    [TestCase("1.3.6.1.4.1.11129.2.4.3", new byte[] { 0x05, 0x00 }, false, TestName = "CT poison NULL decodes")]
    public void An_extension_defined_as_NULL_decodes_only_from_NULL(string oid, byte[] value, bool malformed)
    {
        var cert = TestScan.Certificate(TestPki.CreateSelfSigned("null.acme.test", o => o.Extension(new X509Extension(oid, value, false))),
            FileAt("certs/null.pem"));
        CertificateDetailsParser.Parse(cert).Malformed.ShouldBe(malformed ? [oid] : []);
    }

    [Test]
    public void The_shared_value_cache_is_bounded_in_entries_and_key_length()
    {
        var cache = new BytesCache<string>(maxEntries: 2, maxKeyLength: 4);
        cache.Add([1], "one").ShouldBe("one");
        cache.Add([1, 2, 3, 4, 5], "long");
        cache.Add([2], "two");
        cache.Add([3], "three");
        cache.TryGet([1], out var one).ShouldBeTrue();
        one.ShouldBe("one");
        cache.TryGet([2], out _).ShouldBeTrue();
        cache.TryGet([3], out _).ShouldBeFalse();
        cache.TryGet([1, 2, 3, 4, 5], out _).ShouldBeFalse();
    }
}
