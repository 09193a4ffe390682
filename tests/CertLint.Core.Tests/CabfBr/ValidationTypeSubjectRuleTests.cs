using CertLint.Engine;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The OV and IV subject rules (BR §7.1.2.7.3/.4, zlint e_cert_policy_ov/iv_requires_*) bind subscriber certificates:
/// a CA certificate that asserts the OV or IV policy OIDs (issuing CAs often list every reserved OID they may issue
/// under) is not judged by them, whatever its subject holds. pkilint's TLS test certificates showed them firing on
/// such a CA.
/// </summary>
public sealed class ValidationTypeSubjectRuleTests
{
    private const string Ov = "2.23.140.1.2.2", Iv = "2.23.140.1.2.3";

    private static readonly string[] Rules =
        ["cabf-ov-subject-country", "cabf-ov-subject-locality", "cabf-iv-subject-country", "cabf-iv-subject-locality"];

    private static readonly TestCertificate Root = RawCertificateBuilder.Ca("Validation Type Test Root", null).Build();

    /// <summary>O and CN only: no countryName, localityName or stateOrProvinceName.</summary>
    private static readonly byte[] Subject = Name(Attribute(Oids.Organization, Utf8String, "Example Org"),
        Attribute(Oids.CommonName, Utf8String, "www.example.com"));

    [Test]
    public void A_subordinate_ca_with_the_ov_and_iv_policy_oids_is_not_judged_by_them()
    {
        var ca = RawCertificateBuilder.Ca("Example Issuing CA", Root).With(b => b.Subject = Subject)
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Ov), Ext.Policy(Iv))).Build();

        Fired(ca).ShouldBeEmpty();
    }

    [Test]
    public void A_subscriber_certificate_with_the_same_subject_and_policies_fires_all_four()
    {
        var leaf = RawCertificateBuilder.Leaf("www.example.com", Root).With(b => b.Subject = Subject)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com")))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Ov), Ext.Policy(Iv))).Build();

        Fired(leaf).ShouldBe(Rules.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Which of <see cref="Rules"/> fire on <paramref name="certificate"/> (linted with its root, cabf-br on).</summary>
    private static string[] Fired(TestCertificate certificate)
    {
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "chain.pem", certificate, Root);
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path, Paths = ["chain.pem"], Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Packs = ["cabf-br"], Environment = _ => null,
        });
        return result.Findings.Where(f => f.Subject.ObjectId == certificate.Sha256 && Rules.Contains(f.Rule.Name))
            .Select(f => f.Rule.Name).Order(StringComparer.Ordinal).ToArray();
    }
}
