using System.Text;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The cabfOrganizationIdentifier extension rules (CL2121-CL2125) through the real engine: each reason the extension is
/// not well formed, an undecodable value as the extension's malformed state (never a parse error), the subject split at
/// its leftmost hyphen, and the jurisdiction comparisons, with the exact finding set.
/// </summary>
public sealed class CabfOrganizationIdentifierTests
{
    private const string Format = "cabf-ev-organization-identifier-extension-format", State = "cabf-organization-identifier-extension-state",
        ExtJoi = "cabf-organization-identifier-extension-joi-country", Subject = "cabf-ev-organization-identifier-extension-subject",
        SubjectJoi = "cabf-organization-identifier-joi-country";
    private const string Ev = "2.23.140.1.1", OrgIdExtension = "2.23.140.3.1", OrgId = "2.5.4.97", Joi = "1.3.6.1.4.1.311.60.2.1.3";
    private static readonly TestCertificate Root = RawCertificateBuilder.Ca("OrgId Test Root", null).Build();

    private static byte[] Value(string scheme, string country, string? state, string reference, byte schemeTag = PrintableString) =>
        Seq(String(schemeTag, scheme), String(PrintableString, country),
            state is null ? [] : Context(0, false, Encoding.ASCII.GetBytes(state)), String(Utf8String, reference));

    /// <summary>A server leaf (EV policy when <paramref name="ev"/>) with the extension value, a subject organizationIdentifier and a jurisdiction when given.</summary>
    private static TestCertificate Leaf(byte[]? extension, string? orgId = null, string? joi = null, bool ev = true)
    {
        var b = RawCertificateBuilder.Leaf("www.example.com", Root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com")))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(ev ? Ev : CabfBrFixtures.Dv)));
        var attributes = new List<byte[]> { Attribute(Oids.Organization, Utf8String, "Example Corp") };
        if (orgId is not null) attributes.Add(Attribute(OrgId, PrintableString, orgId));
        if (joi is not null) attributes.Add(Attribute(Joi, PrintableString, joi));
        attributes.Add(Attribute(Oids.CommonName, Utf8String, "www.example.com"));
        b.Subject = Name([.. attributes]);
        if (extension is not null) b.Set(OrgIdExtension, extension);
        return b.Build();
    }

    /// <summary>The (rule, message) findings of the five rules and any parse-error on the leaf, the message from after the subject.</summary>
    private static (string Rule, string Message)[] Lint(TestCertificate leaf) =>
        [.. CabfBrLeafLint.Findings(leaf, Root, Format, State, ExtJoi, Subject, SubjectJoi)
            .Select(f => (f.Rule.Name, f.Message[(f.Message.IndexOf(" has ", StringComparison.Ordinal) + 5)..]))];

    [TestCase("NTR", "US", null, "1234567", null)]
    [TestCase("ABCD", "US", null, "1", "registrationSchemeIdentifier 'ABCD' is not 3 characters")]
    [TestCase("NTR", "USA", null, "1", "registrationCountry 'USA' is not 2 characters")]
    [TestCase("GOV", "US", null, "1", "registrationSchemeIdentifier 'GOV' is not NTR, VAT or PSD")]
    [TestCase("NTR", "us", null, "1", "registrationCountry 'us' is not an ISO 3166 code in capital letters")]
    [TestCase("NTR", "US", null, "", "registrationReference is empty")]
    public void Each_reason_the_extension_is_not_well_formed_is_named(string scheme, string country, string? state, string reference, string? reason) =>
        Lint(Leaf(Value(scheme, country, state, reference))).ShouldBe(reason is null ? [] :
            [(Format, $"a cabfOrganizationIdentifier extension that is not well formed: {reason} (EVG §9.8.2).")]);

    [Test]
    public void An_undecodable_extension_is_its_malformed_state_and_only_an_ev_finding()
    {
        var utf8Scheme = Value("NTR", "US", null, "1", schemeTag: Utf8String);
        Lint(Leaf(utf8Scheme)).ShouldBe([(Format, "a cabfOrganizationIdentifier extension that is not well formed: it cannot be decoded as SEQUENCE { PrintableString scheme, PrintableString country, [0] IMPLICIT PrintableString state OPTIONAL, UTF8String reference } (EVG §9.8.2).")]);
        Lint(Leaf(Seq(String(PrintableString, "NTR")), joi: "DE")).Select(f => f.Rule).ShouldBe([Format]);
        Lint(Leaf(utf8Scheme, ev: false)).ShouldBeEmpty();
    }

    [Test]
    public void Only_ntr_may_name_a_state_in_the_extension_ev_or_not()
    {
        Lint(Leaf(Value("PSD", "BE", "VL", "NBB-1"), ev: false)).ShouldBe([(State, "a cabfOrganizationIdentifier extension with scheme PSD and registrationStateOrProvince 'VL': only NTR may name a state (EVG §9.2.8, §9.8.2).")]);
        Lint(Leaf(Value("NTR", "US", "CA", "1"), ev: false)).ShouldBeEmpty();
    }

    [Test]
    public void The_extension_country_is_every_jurisdiction_country_ignoring_case()
    {
        Lint(Leaf(Value("VAT", "DE", null, "1"), joi: "FR", ev: false)).ShouldBe([(ExtJoi, "jurisdictionCountryName FR but its cabfOrganizationIdentifier registrationCountry is DE (EVG §9.8.2, Appendix H).")]);
        Lint(Leaf(Value("VAT", "DE", null, "1"), joi: "de", ev: false)).ShouldBeEmpty();
        // Greek VAT numbers carry the EU prefix EL (pkilint's tls_br/ev_final_certificate/vat_el_org_id); NTR has no
        // such exception, so an NTR registrationCountry EL still differs from GR (its ntr_el_org_id).
        Lint(Leaf(Value("VAT", "EL", null, "099028220"), joi: "GR", ev: false)).ShouldBeEmpty();
        Lint(Leaf(Value("NTR", "EL", null, "099028220"), joi: "GR", ev: false)).ShouldBe([(ExtJoi, "jurisdictionCountryName GR but its cabfOrganizationIdentifier registrationCountry is EL (EVG §9.8.2, Appendix H).")]);
        Lint(Leaf(Value("VAT", "DE", null, "1"), ev: false)).ShouldBeEmpty();
    }

    [TestCase("NTRUS+CA-12-34", "NTR", "US", "CA", "12-34", null)]
    [TestCase("PSDBE-NBB-1234", "PSD", "BE", null, "1234", "registrationReference is '1234' but the subject has 'NBB-1234'")]
    [TestCase("VATDE-1", "NTR", "GB", null, "1", "registrationSchemeIdentifier is 'NTR' but the subject has 'VAT'; registrationCountry is 'GB' but the subject has 'DE'")]
    [TestCase("NTRUS-1", "NTR", "US", "NY", "1", "registrationStateOrProvince is 'NY' but the subject has ''")]
    public void The_extension_matches_the_subject_split_at_its_leftmost_hyphen(string orgId, string scheme, string country, string? state, string reference, string? mismatch) =>
        Lint(Leaf(Value(scheme, country, state, reference), orgId)).Where(f => f.Rule == Subject).ShouldBe(mismatch is null ? [] :
            [(Subject, $"a cabfOrganizationIdentifier extension that disagrees with its subject organizationIdentifier {orgId}: {mismatch} (EVG §9.2.8, §9.8.2).")]);

    [TestCase("NTRUS1234567")]
    [TestCase("NTRUS+-1")]
    [TestCase("NTR-1")]
    public void A_subject_value_that_does_not_split_is_not_compared(string orgId) =>
        Lint(Leaf(Value("NTR", "GB", null, "1"), orgId)).Where(f => f.Rule == Subject).ShouldBeEmpty();

    [Test]
    public void An_ntr_subject_identifier_names_the_jurisdiction_country()
    {
        Lint(Leaf(null, "NTRGB-1", "US", ev: false)).ShouldBe([(SubjectJoi, "an NTR organizationIdentifier (NTRGB-1) for country GB but jurisdictionCountryName US (EVG Appendix H).")]);
        Lint(Leaf(null, "VATGB-1", "US", ev: false)).ShouldBeEmpty();
        Lint(Leaf(null, "NTRUS-1", "US", ev: false)).ShouldBeEmpty();
    }
}
