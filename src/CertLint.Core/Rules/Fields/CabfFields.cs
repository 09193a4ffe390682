using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Facts the CA/B Forum profile rules need that no generic field states: calendar-month validity (the EV Guidelines
/// and older BRs count months), the reserved policy identifiers, repeated AIA locations, the subject order of
/// BR §7.1.4.2 and whether the certificate's purpose puts it under the TLS Baseline Requirements at all.
/// </summary>
internal static class CabfFields
{
    /// <summary>The CA/B Forum reserved policy identifiers (BR §7.1.6.1: DV, OV, IV; EV Guidelines: EV).</summary>
    private static readonly HashSet<string> ReservedPolicies = ["2.23.140.1.1", "2.23.140.1.2.1", "2.23.140.1.2.2", "2.23.140.1.2.3"];

    /// <summary>
    /// The EV policy identifiers: the CA/B Forum's 2.23.140.1.1 and the CA-specific EV OIDs that browsers recognised,
    /// as zlint's util.IsEV lists them (its EV lints apply to a certificate asserting any of these).
    /// </summary>
    private static readonly HashSet<string> EvPolicies =
    [
        "2.23.140.1.1", "1.3.159.1.17.1", "1.3.6.1.4.1.34697.2.1", "1.3.6.1.4.1.34697.2.2", "1.3.6.1.4.1.34697.2.3", "1.3.6.1.4.1.34697.2.4", "1.2.40.0.17.1.22", "2.16.578.1.26.1.3.3", "1.3.6.1.4.1.17326.10.14.2.1.2", "1.3.6.1.4.1.17326.10.8.2.1.2", "1.3.6.1.4.1.6449.1.2.1.5.1", "2.16.840.1.114412.2.1", "2.16.840.1.114412.1.3.0.2", "2.16.528.1.1001.1.1.1.12.6.1.1.1", "2.16.792.3.0.4.1.1.4", "2.16.840.1.114028.10.1.2", "0.4.0.2042.1.4", "0.4.0.2042.1.5", "1.3.6.1.4.1.13177.10.1.3.10", "1.3.6.1.4.1.14370.1.6", "1.3.6.1.4.1.4146.1.1", "2.16.840.1.114413.1.7.23.3", "1.3.6.1.4.1.14777.6.1.1", "2.16.792.1.2.1.1.5.7.1.9", "1.3.6.1.4.1.782.1.2.1.8.1", "1.3.6.1.4.1.22234.2.5.2.3.1", "1.3.6.1.4.1.8024.0.2.100.1.2", "1.2.392.200091.100.721.1", "2.16.840.1.114414.1.7.23.3", "1.3.6.1.4.1.23223.2", "1.3.6.1.4.1.23223.1.1.1", "2.16.756.1.83.21.0", "2.16.756.1.89.1.2.1.1", "1.3.6.1.4.1.7879.13.24.1", "2.16.840.1.113733.1.7.48.1", "2.16.840.1.114404.1.1.2.4.1", "2.16.840.1.113733.1.7.23.6", "1.3.6.1.4.1.6334.1.100.1", "2.16.840.1.114171.500.9", "1.3.6.1.4.1.36305.2",
    ];

    /// <summary>BR §7.1.4.2: the subject attributes that appear, in this relative order (DC, C, ST, L, postalCode,
    /// street, O, SN, givenName, OU, CN); others may appear anywhere.</summary>
    private static readonly string[] SubjectOrder =
        [.. new[] { "dc", "c", "st", "l", "postalCode", "street", "o", "sn", "givenName", "ou", "cn" }.Select(f => Parsing.DnAttributeNames.OidByField[f])];

    private static readonly string CountryName = Parsing.DnAttributeNames.OidByField["c"];
    private static readonly string JurisdictionCountryName = Parsing.DnAttributeNames.OidByField["jurisdictionC"];

    /// <summary>An EV policy identifier as zlint's util.IsEV knows them.</summary>
    public static bool IsEvPolicy(string oid) => EvPolicies.Contains(oid);

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("validity.months", T.Integer,
            "Calendar months the validity spans, rounded up: the smallest m with notBefore + m months ≥ notAfter (`max: 39` = no longer than 39 months)",
            c => Boxes.Of(CalendarMonths.Spanned(c.NotBefore, c.NotAfter)));
        yield return Cert("policies.cabfReserved", T.List, "The certificate's CA/B Forum reserved policy OIDs (EV 2.23.140.1.1, DV, OV, IV 2.23.140.1.2.x), repeats kept",
            c => c.Policies is { } p ? Reserved(p) : null);
        yield return Cert("subject.countryKnown", T.Boolean,
            "Every subject countryName is an ISO 3166-1 alpha-2 code or the user-assigned XX, ignoring case (TLS BR §7.1.4.2, S/MIME BR §7.1.4.2.2(n)); absent without a countryName",
            c => CountriesKnown(c.Subject, CountryName, CountryCodes.IsKnown));
        yield return Cert("subject.jurisdictionCountryIso", T.Boolean,
            "Every subject jurisdictionCountryName is an ISO 3166-1 alpha-2 code in capitals, as EVG §9.2.4 writes it (no XX: a registered business has a jurisdiction); absent without one",
            c => CountriesKnown(c.Subject, JurisdictionCountryName, CountryCodes.IsIso3166UpperCase));
        yield return Cert("policies.ev", T.Boolean, "The certificate asserts an EV policy: 2.23.140.1.1 or a CA's own EV OID (the 40 zlint's util.IsEV knows)",
            c => c.Policies is { } p && AnyEv(p));
        yield return Cert("policies.firstCpsUris", T.List,
            "The CPS URI qualifiers of the first policy that has any, in certificate order (zcrypto's CPSuri as zlint's e_ev_certificate_policies reads it); absent when no policy has one",
            c => FirstCpsUris(c));
        yield return Cert("policies.firstCpsUri.problem", T.String,
            "Why the CPS URIs of policies.firstCpsUris are not exactly one http(s) URL whose host ends in a known top-level domain (zlint e_ev_certificate_policies); absent when they are",
            CpsProblem);
        yield return Cert("aia.repeatedLocations", T.List, "AIA accessLocations that occur more than once for the same accessMethod (compared ignoring case)",
            c => c.AuthorityInfoAccess is { } aia ? RepeatedLocations(aia) : null);
        yield return Cert("eku.serverAuthScope", T.Boolean,
            "The certificate is one the TLS Baseline Requirements govern by its purpose (BR §1.1): it has no extendedKeyUsage, or its extendedKeyUsage lists serverAuth or anyExtendedKeyUsage (zlint's util.IsServerAuthCert, which scopes every BR lint)",
            c => InServerAuthScope(c.ExtendedKeyUsage));
        yield return Cert("subject.brOrder", T.Boolean,
            "The subject's DC, C, ST, L, postalCode, street, O, SN, givenName, OU and CN attributes appear in that order (BR §7.1.4.2); other attributes are ignored",
            c => InBrOrder(c.Subject.Attributes));
    }

    private const string CpsQualifier = "1.3.6.1.5.5.7.2.1";

    private static string[]? FirstCpsUris(CertificateInfo c) =>
        ExtensionFields.Get<PoliciesDetails>(c, "2.5.29.32")?.Entries
            .Select(p => p.Qualifiers.Where(q => q.Oid == CpsQualifier && q.Cps is not null).Select(q => q.Cps!).ToArray())
            .FirstOrDefault(uris => uris.Length > 0);

    /// <summary>zlint's e_ev_certificate_policies: one CPS URI, http or https, whose host has a TLD that exists (here: the Public Suffix List knows it).</summary>
    private static string? CpsProblem(CertificateInfo c)
    {
        if (FirstCpsUris(c) is not { } uris) return "no certificate policy has a CPS URI qualifier";
        if (uris.Length != 1) return $"the first policy with CPS URIs has {uris.Length} of them, not one";
        if (!Uri.TryCreate(uris[0], UriKind.Absolute, out var uri)) return $"the CPS URI '{uris[0]}' is not a URL";
        if (uri.Scheme is not ("http" or "https")) return $"the CPS URI '{uris[0]}' is not http or https";
        if (uri.HostNameType != UriHostNameType.Dns || !Primitives.DomainNames.PublicSuffixList.Default.HasKnownTld(uri.IdnHost))
            return $"the CPS URI '{uris[0]}' has no host name in a known top-level domain";
        return null;
    }

    // The helpers below walk their lists by index: these fields are read for every certificate when the cabf-br pack
    // is on, and LINQ or a foreach over an interface allocated iterators, delegates and boxed enumerators on each read.

    private static string[] Reserved(IReadOnlyList<string> policies)
    {
        List<string>? found = null;
        for (var i = 0; i < policies.Count; i++)
        {
            if (ReservedPolicies.Contains(policies[i])) (found ??= []).Add(policies[i]);
        }
        return found is null ? [] : [.. found];
    }

    private static bool AnyEv(IReadOnlyList<string> policies)
    {
        for (var i = 0; i < policies.Count; i++)
        {
            if (EvPolicies.Contains(policies[i])) return true;
        }
        return false;
    }

    /// <summary>Locations repeated for the same method, compared ignoring case, each once as first written: OCSP, then caIssuers.</summary>
    private static string[] RepeatedLocations(AuthorityInfoAccess aia)
    {
        var ocsp = ExtensionFields.Repeated(aia.Ocsp, static u => u, StringComparison.OrdinalIgnoreCase);
        var caIssuers = ExtensionFields.Repeated(aia.CaIssuers, static u => u, StringComparison.OrdinalIgnoreCase);
        return ocsp.Length == 0 ? caIssuers : caIssuers.Length == 0 ? ocsp : [.. ocsp, .. caIssuers];
    }

    private static bool InServerAuthScope(IReadOnlyList<string>? eku)
    {
        if (eku is null) return true;
        for (var i = 0; i < eku.Count; i++)
        {
            if (eku[i] is Oids.ServerAuth or Oids.AnyExtendedKeyUsage) return true;
        }
        return false;
    }

    private static bool InBrOrder(IReadOnlyList<DnAttribute> attributes)
    {
        var last = -1;
        for (var i = 0; i < attributes.Count; i++)
        {
            var p = Array.IndexOf(SubjectOrder, attributes[i].Oid);
            if (p < 0) continue;
            if (p < last) return false;
            last = p;
        }
        return true;
    }

    /// <summary>Whether every <paramref name="oid"/> attribute of <paramref name="name"/> passes <paramref name="known"/>; null when it has none.</summary>
    private static object? CountriesKnown(DistinguishedName name, string oid, Func<string, bool> known)
    {
        var any = false;
        var attributes = name.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid != oid) continue;
            if (!known(attributes[i].Value)) return Boxes.Of(false);
            any = true;
        }
        return any ? Boxes.Of(true) : null;
    }
}
