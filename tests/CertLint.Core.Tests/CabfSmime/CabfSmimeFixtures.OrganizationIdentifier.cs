using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The subject organizationIdentifier cases (S/MIME BR §7.1.4.2.2(d), Appendix A.1): an Organization-validated Strict
/// leaf whose subject has organizationName, the identifiers under test and, where given, a countryName.
/// </summary>
internal static partial class CabfSmimeFixtures
{
    private const string OrganizationIdentifierOid = "2.5.4.97", OrganizationName = "Example Ltd";

    private static void OrganizationIdentifiers(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        // NTR needs a Registration Reference; INT (Note 2) has none.
        add("smime-organization-identifier-format", Leaf(Organization(null, "NTRUS+PA")), Leaf(Organization(null, "NTRUS+CA-12345678")));
        add("smime-organization-identifier-format", Leaf(Organization(null, "INTXG-123")), Leaf(Organization(null, "INTXG")));
        // A four-character subdivision; references may hold hyphens (the leftmost one separates).
        add("smime-organization-identifier-format", Leaf(Organization(null, "NTRFR+PARI-123")), Leaf(Organization(null, "PSDBE-NBB-1234.567.890")));
        add("smime-organization-identifier-scheme", Leaf(Organization(null, "TAXDE-123456789")), Leaf(Organization(null, "VATDE-123456789")));
        add("smime-organization-identifier-country", Leaf(Organization(null, "LEIUS-9845001D460B1A3C7F38")), Leaf(Organization(null, "LEIXG-9845001D460B1A3C7F38")));
        // GOV names its nation; a GOV without a country code is this rule's finding, not a format one as well.
        add("smime-organization-identifier-country", Leaf(Organization(null, "GOV")), Leaf(Organization(null, "GOVUS")));
        add("smime-organization-identifier-country", Leaf(Organization(null, "VATXG-123")), Leaf(Organization(null, "NTRGB-12345678")));
        // ISO 17442: a wrong check digit, then a lower-case letter (GLEIF writes capitals); the pass is a real LEI.
        add("smime-organization-identifier-lei", Leaf(Organization(null, "LEIXG-9845001D460B1A3C7F39")), Leaf(Organization(null, "LEIXG-5493001KJTIIGC8Y1R12")));
        add("smime-organization-identifier-lei", Leaf(Organization(null, "LEIXG-5493001kJTIIGC8Y1R12")), Leaf(Organization(null, "LEIXG-9845001D460B1A3C7F38")));
        add("smime-organization-identifier-state", Leaf(Organization(null, "VATDE+BE-123456789")), Leaf(Organization(null, "GOVUS+CA")));
        // The countryName compares ignoring case; LEI and INT identifiers are global and exempt.
        add("smime-organization-identifier-country-name", Leaf(Organization("DE", "NTRGB-12345678")), Leaf(Organization("gb", "NTRGB-12345678")));
        add("smime-organization-identifier-country-name", Leaf(Organization("JP", "LEIXG-9845001D460B1A3C7F38", "NTRUS+PA-123")),
            Leaf(Organization("JP", "LEIXG-9845001D460B1A3C7F38", "INTXG")));
    }

    /// <summary>An Organization-validated Strict leaf: countryName (when given), organizationName, these
    /// organizationIdentifiers and the mailbox commonName.</summary>
    public static Action<RawCertificateBuilder> Organization(string? country, params string[] identifiers)
    {
        (string, string)[] head = country is null ? [] : [(Oids.Country, country)];
        return Subject(OrganizationStrict, [.. head, (Oids.Organization, OrganizationName),
            .. identifiers.Select(v => (OrganizationIdentifierOid, v)), (Oids.CommonName, Mailbox)]);
    }
}
