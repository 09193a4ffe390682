using System.Text;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    private const string JurisdictionCountry = "1.3.6.1.4.1.311.60.2.1.3";

    /// <summary>
    /// The cabfOrganizationIdentifier extension (EVG §9.8.2) and its agreement with the subject organizationIdentifier
    /// and jurisdictionCountryName: an EV leaf whose extension and subject change one thing at a time.
    /// </summary>
    private static void OrganizationIdentifierExtension()
    {
        Add("cabf-ev-organization-identifier-extension-format", EvOrgId(null, OrgIdExtension("ABC", "US", null, "1234567")),
            EvOrgId(null, OrgIdExtension("NTR", "US", null, "1234567")));
        Add("cabf-organization-identifier-extension-state", EvOrgId(null, OrgIdExtension("VAT", "DE", "BY", "123456789")),
            EvOrgId(null, OrgIdExtension("VAT", "DE", null, "123456789")));
        Add("cabf-organization-identifier-extension-joi-country",
            EvOrgId(null, OrgIdExtension("NTR", "US", null, "1234567"), Attribute(JurisdictionCountry, PrintableString, "DE")),
            EvOrgId(null, OrgIdExtension("NTR", "US", null, "1234567"), Attribute(JurisdictionCountry, PrintableString, "us")));
        Add("cabf-ev-organization-identifier-extension-subject", EvOrgId("NTRUS+CA-1234567", OrgIdExtension("NTR", "US", null, "1234567")),
            EvOrgId("PSDBE-NBB-1234.567.890", OrgIdExtension("PSD", "BE", null, "NBB-1234.567.890")));
        Add("cabf-organization-identifier-joi-country",
            EvOrgId("NTRGB-1234567", OrgIdExtension("NTR", "GB", null, "1234567"), Attribute(JurisdictionCountry, PrintableString, "US")),
            EvOrgId("NTRUS-1234567", OrgIdExtension("NTR", "US", null, "1234567"), Attribute(JurisdictionCountry, PrintableString, "US")));
    }

    /// <summary>An EV leaf with the subject organizationIdentifier <paramref name="orgId"/> (none when null), the extension, and an optional jurisdiction attribute.</summary>
    private static Func<TestCertificate[]> EvOrgId(string? orgId, byte[] extension, byte[]? jurisdiction = null) => Leaf(b =>
    {
        EvLeaf()(b);
        var extra = new List<byte[]>();
        if (orgId is not null) extra.Add(Attribute(OrganizationIdentifier, PrintableString, orgId));
        if (jurisdiction is not null) extra.Add(jurisdiction);
        b.Subject = Name([C("US"), St("Delaware"), L("Wilmington"), O("Example Corp"), Attribute(BusinessCategory, Utf8String, "Private Organization"),
            Attribute(Oids.SerialNumber, PrintableString, "1234567"), .. extra, Cn("www.example.com")]);
        b.Set(CabfOrganizationIdentifier, extension);
    });

    /// <summary>CABFOrganizationIdentifier ::= SEQUENCE { PrintableString, PrintableString, [0] IMPLICIT PrintableString OPTIONAL, UTF8String }.</summary>
    private static byte[] OrgIdExtension(string scheme, string country, string? state, string reference) =>
        Seq(String(PrintableString, scheme), String(PrintableString, country),
            state is null ? [] : Context(0, false, Encoding.ASCII.GetBytes(state)), String(Utf8String, reference));
}
