using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    private const string Ev = "2.23.140.1.1", BusinessCategory = "2.5.4.15", OrganizationIdentifier = "2.5.4.97";
    private const string CabfOrganizationIdentifier = "2.23.140.3.1";

    /// <summary>The EV Guidelines and .onion names: an EV leaf with the full EV subject, changed one thing at a time.</summary>
    private static void ExtendedValidation()
    {
        foreach (var (rule, oid) in new[]
        {
            ("cabf-ev-business-category", BusinessCategory), ("cabf-ev-country", Oids.Country),
            ("cabf-ev-organization", Oids.Organization), ("cabf-ev-serial-number", Oids.SerialNumber),
        })
        {
            Add(rule, Leaf(EvLeaf(without: oid)), Leaf(EvLeaf()));
        }
        // EVG §9.2.4: EvLeaf has no jurisdiction; with jurisdictionCountryName GB it passes, with UK (not an ISO code) it fails.
        Add("cabf-ev-jurisdiction-country", Leaf(EvLeaf()), Leaf(EvLeaf(extra: Attribute(JurisdictionCountry, PrintableString, "GB"))));
        Add("cabf-ev-jurisdiction-country-iso", Leaf(EvLeaf(extra: Attribute(JurisdictionCountry, PrintableString, "UK"))),
            Leaf(EvLeaf(extra: Attribute(JurisdictionCountry, PrintableString, "GB"))));
        var y2016 = new DateTimeOffset(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-ev-validity-27-months", Leaf(b => { EvLeaf()(b); ValidFor(y2016, TimeSpan.FromDays(900))(b); }),
            Leaf(b => { EvLeaf()(b); ValidFor(y2016, TimeSpan.FromDays(800))(b); }));
        Add("cabf-ev-wildcard", Leaf(b => { EvLeaf()(b); Dns("www.example.com", "*.example.com")(b); }), Leaf(EvLeaf()));
        Add("cabf-ev-san-ip",
            Leaf(b => { EvLeaf()(b); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(93, 184, 215, 14))); }), Leaf(EvLeaf()));
        var orgId = Attribute(OrganizationIdentifier, PrintableString, "NTRUS-1234567");
        Add("cabf-ev-organization-id-extension", Leaf(EvLeaf(extra: orgId)),
            Leaf(b => { EvLeaf(extra: orgId)(b); b.Set(CabfOrganizationIdentifier, Seq(String(PrintableString, "NTR"), String(PrintableString, "US"), String(Utf8String, "1234567"))); }));

        var badOrgId = Attribute(OrganizationIdentifier, PrintableString, "US-1234567");
        Add("cabf-ev-organization-identifier-format", Leaf(EvLeaf(extra: badOrgId)),
            Leaf(EvLeaf(extra: Attribute(OrganizationIdentifier, PrintableString, "NTRUS+CA-1234567"))));

        var y2019 = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-onion-validity-15-months", Leaf(b => { ValidFor(y2019, TimeSpan.FromDays(500))(b); Dns("www.example.com", "shop.example.onion")(b); }),
            Leaf(b => { ValidFor(y2019, TimeSpan.FromDays(400))(b); Dns("www.example.com", "shop.example.onion")(b); }));
        Add("cabf-onion-not-ev", Leaf(b => { ValidFor(y2019, TimeSpan.FromDays(90))(b); Dns("www.example.com", "shop.example.onion")(b); }),
            Leaf(b => { EvLeaf()(b); ValidFor(y2019, TimeSpan.FromDays(90))(b); Dns("www.example.com", "shop.example.onion")(b); }));
    }

    /// <summary>The EV policy and EV subject (EVG §9.2), without the attribute <paramref name="without"/>, plus <paramref name="extra"/> (before the CN).</summary>
    private static Action<RawCertificateBuilder> EvLeaf(string? without = null, byte[]? extra = null, string businessCategory = "Private Organization") => b =>
    {
        var attributes = new List<(string Oid, byte[] Der)>
        {
            (Oids.Country, C("US")), (Oids.State, St("Delaware")), (Oids.Locality, L("Wilmington")),
            (Oids.Organization, O("Example Corp")), (BusinessCategory, Attribute(BusinessCategory, Utf8String, businessCategory)),
            (Oids.SerialNumber, Attribute(Oids.SerialNumber, PrintableString, "1234567")), (Oids.CommonName, Cn("www.example.com")),
        };
        var kept = attributes.Where(a => a.Oid != without).Select(a => a.Der).ToList();
        if (extra is not null) kept.Insert(kept.Count - 1, extra);
        b.Subject = Name([.. kept]);
        b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Ev)));
    };
}
