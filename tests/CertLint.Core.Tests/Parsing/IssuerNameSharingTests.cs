using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// The certificate parser decodes an issuer Name once per distinct encoding and shares it (10,000 leaves of one CA
/// carry the same name): certificates with the same issuer get one instance, others their own, each equal to what
/// decoding it alone gives.
/// </summary>
public class IssuerNameSharingTests
{
    private static CertificateInfo Parse(string fixture) =>
        ContentParser.Parse(Fixtures.Source(fixture), Fixtures.Bytes(fixture), TestPasswords.None).Certificates.ShouldHaveSingleItem();

    [Test]
    public void Certificates_of_one_issuer_share_its_decoded_name()
    {
        // A cache of its own: the parser's is process-wide and bounded, and other tests may have filled it.
        var cache = new BytesCache<DistinguishedName>(maxEntries: 4, maxKeyLength: 2048);
        var intermediate = IssuerOf("intermediate.pem", cache);
        var root = IssuerOf("root-ca.pem", cache);
        var leaf = IssuerOf("leaf.pem", cache);
        ReferenceEquals(intermediate, root).ShouldBeTrue();
        ReferenceEquals(intermediate, leaf).ShouldBeFalse();
        intermediate.Text.ShouldBe("CN=CertLint Root CA,O=CertLint Fixtures,C=US");
        intermediate.NormalizedKey.ShouldBe(Parse("root-ca.pem").Subject.NormalizedKey);
        leaf.Text.ShouldBe("CN=CertLint Intermediate CA,OU=Issuing,O=CertLint Fixtures,C=US");
    }

    [Test]
    public void A_full_cache_decodes_each_name_anew()
    {
        var cache = new BytesCache<DistinguishedName>(maxEntries: 1, maxKeyLength: 2048);
        var leaf = IssuerOf("leaf.pem", cache);
        var first = IssuerOf("root-ca.pem", cache);
        var second = IssuerOf("root-ca.pem", cache);
        ReferenceEquals(first, second).ShouldBeFalse();
        second.Text.ShouldBe(first.Text);
        ReferenceEquals(leaf, IssuerOf("leaf.pem", cache)).ShouldBeTrue();
    }

    /// <summary>The issuer Name of a fixture's certificate, read the way the parser reads it (past version, serial and algorithm).</summary>
    private static DistinguishedName IssuerOf(string fixture, BytesCache<DistinguishedName> cache)
    {
        var tbs = new AsnCursor(Parse(fixture).TbsRaw, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        tbs.ReadEncodedValue(); // [0] version
        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature
        return NameParser.ReadIssuer(ref tbs, cache);
    }

    [Test]
    public void Certificates_of_other_issuers_keep_their_own_names()
    {
        var leaf = Parse("leaf.pem");
        var root = Parse("root-ca.pem");
        var ec = Parse("ec-p256.pem");
        leaf.Issuer.Text.ShouldBe("CN=CertLint Intermediate CA,OU=Issuing,O=CertLint Fixtures,C=US");
        root.Issuer.Text.ShouldBe("CN=CertLint Root CA,O=CertLint Fixtures,C=US");
        ec.Issuer.Text.ShouldBe("CN=ec-p256.fixture.test");
        ec.Issuer.Attributes.ShouldHaveSingleItem().Value.ShouldBe("ec-p256.fixture.test");
        ReferenceEquals(ec.Subject, ec.Issuer).ShouldBeFalse(); // subjects are never shared
        ec.Subject.Text.ShouldBe(ec.Issuer.Text);
    }

    [Test]
    public void A_certificate_parsed_again_from_a_new_buffer_gets_the_same_values()
    {
        var first = Parse("leaf.der");
        var again = CertificateParser.Parse(Fixtures.Bytes("leaf.der"), Fixtures.Location("leaf.der"), ObjectFormat.Der);
        again.Issuer.Text.ShouldBe(first.Issuer.Text);
        again.Subject.Text.ShouldBe(first.Subject.Text);
        again.Extensions.Select(e => (e.Oid, e.Critical)).ShouldBe(first.Extensions.Select(e => (e.Oid, e.Critical)));
        again.DerError.ShouldBeNull();
    }
}
