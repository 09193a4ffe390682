using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>One subject organizationIdentifier value and its parts (absent when the value cannot be split).</summary>
public sealed record OrganizationIdentifierParts(string Value, string? Scheme, string? Country, string? State, string? Reference)
{
    /// <summary>The country part is an ISO 3166-1 alpha-2 code (the one country list; XX and XG are not).</summary>
    public bool? CountryIso => Country is null ? null : CountryCodes.IsIso3166(Country);

    /// <summary>For the LEI scheme: the Registration Reference is an ISO 17442 LEI (absent for other schemes or without a reference).</summary>
    public bool? LeiValid => Scheme == "LEI" && Reference is not null ? LegalEntityIdentifier.IsValid(Reference) : null;
}

/// <summary>
/// The cabfOrganizationIdentifier extension (2.23.140.3.1, EV Guidelines §9.8.2) and the subject organizationIdentifier
/// attribute (2.5.4.97, §9.2.8) split into the Registration Scheme's parts, so the EV rules can judge the extension's
/// contents and compare it with the subject and its jurisdictionCountryName.
/// </summary>
internal static class CabfOrganizationIdentifierFields
{
    private const string Oid = "2.23.140.3.1";
    private const string SubjectOrgId = "2.5.4.97";
    private const string JurisdictionCountry = "1.3.6.1.4.1.311.60.2.1.3";

    /// <summary>The Registration Scheme identifiers of EVG §9.2.8 (Appendix H).</summary>
    private static readonly string[] Schemes = ["NTR", "VAT", "PSD"];

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("cabfOrganizationIdentifier.scheme", T.String, "cabfOrganizationIdentifier registrationSchemeIdentifier (absent without the extension or when it cannot be decoded)", c => Ext(c)?.Scheme);
        yield return Cert("cabfOrganizationIdentifier.country", T.String, "cabfOrganizationIdentifier registrationCountry", c => Ext(c)?.Country);
        yield return Cert("cabfOrganizationIdentifier.state", T.String, "cabfOrganizationIdentifier registrationStateOrProvince (absent when the optional [0] field is)", c => Ext(c)?.State);
        yield return Cert("cabfOrganizationIdentifier.reference", T.String, "cabfOrganizationIdentifier registrationReference", c => Ext(c)?.Reference);
        yield return Cert("cabfOrganizationIdentifier.problem", T.String,
            "Why the cabfOrganizationIdentifier extension is not well formed (EVG §9.8.2: cannot be decoded, scheme not NTR/VAT/PSD, country not 2 capital letters, state over 128 characters, empty reference); absent when it is or without the extension",
            Problem);
        yield return Cert("cabfOrganizationIdentifier.joiMismatch", T.String,
            "The first subject jurisdictionCountryName that differs (ignoring case) from the cabfOrganizationIdentifier registrationCountry (a VAT registrationCountry EL read as Greece's GR); absent when none does or the extension is absent or undecodable",
            c => Ext(c) is { } e ? FirstJoiCountry(c, j => !string.Equals(j, JurisdictionCountryOf(e.Scheme, e.Country), StringComparison.OrdinalIgnoreCase)) : null);
        yield return Cert("cabfOrganizationIdentifier.subjectMismatch", T.String,
            "The parts of the cabfOrganizationIdentifier extension that differ from the subject organizationIdentifier split at its leftmost hyphen (EVG §9.2.8 Note); absent when they agree, or without a decodable extension or a splittable subject value",
            SubjectMismatch);
        yield return Cert("subject.organizationIdentifier.scheme", T.String,
            "The Registration Scheme (first 3 characters) of a subject organizationIdentifier of the form SCHEME COUNTRY [+STATE] - REFERENCE; absent when it is not of that form",
            c => Split(c.Subject.Get(SubjectOrgId))?.Scheme);
        yield return Cert("subject.organizationIdentifier.country", T.String,
            "The country (characters 4-5) of a subject organizationIdentifier of the form SCHEME COUNTRY [+STATE] - REFERENCE; absent when it is not of that form",
            c => Split(c.Subject.Get(SubjectOrgId))?.Country);
        yield return Cert("subject.organizationIdentifiers", T.Records,
            "Every subject organizationIdentifier read as the S/MIME BR write it (§7.1.4.2.2(d): SCHEME COUNTRY [+STATE] [- REFERENCE], split at the leftmost hyphen): value, scheme, country, countryIso, state, reference, leiValid; scheme is absent unless the value starts with 3 capital letters, country unless 2 letters follow, state and reference unless the whole value splits",
            OrganizationIdentifiers, RecordScopes.OrganizationIdentifier);
    }

    private static OrganizationIdentifierParts[] OrganizationIdentifiers(CertificateInfo c)
    {
        var attributes = c.Subject.Attributes;
        List<OrganizationIdentifierParts>? parts = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid != SubjectOrgId) continue;
            var value = attributes[i].Value;
            // Scheme and country are read by position, so a value broken after them is still judged by scheme and
            // country; characters that are not letters there are no scheme or country at all.
            var scheme = value.Length >= 3 && value[..3].All(char.IsAsciiLetterUpper) ? value[..3] : null;
            var country = value.Length >= 5 && value[3..5].All(char.IsAsciiLetter) ? value[3..5] : null;
            var p = scheme is null || country is null ? null : Parse(value, referenceRequired: false);
            (parts ??= []).Add(new OrganizationIdentifierParts(value, scheme, country, p?.State, p?.Reference));
        }
        return parts is null ? [] : [.. parts];
    }

    private static CabfOrganizationIdentifierDetails? Ext(CertificateInfo c) => ExtensionFields.Get<CabfOrganizationIdentifierDetails>(c, Oid);

    private static string? Problem(CertificateInfo c)
    {
        if (ExtensionFields.Find(c, Oid) is null) return null;
        if (Ext(c) is not { } e)
            return "it cannot be decoded as SEQUENCE { PrintableString scheme, PrintableString country, [0] IMPLICIT PrintableString state OPTIONAL, UTF8String reference }";
        if (e.Scheme.Length != 3) return $"registrationSchemeIdentifier '{e.Scheme}' is not 3 characters";
        if (e.Country.Length != 2) return $"registrationCountry '{e.Country}' is not 2 characters";
        if (e.State is { Length: > 128 }) return "registrationStateOrProvince is longer than 128 characters";
        if (Array.IndexOf(Schemes, e.Scheme) < 0) return $"registrationSchemeIdentifier '{e.Scheme}' is not NTR, VAT or PSD";
        if (!e.Country.All(char.IsAsciiLetterUpper)) return $"registrationCountry '{e.Country}' is not an ISO 3166 code in capital letters";
        if (e.Reference.Length == 0) return "registrationReference is empty";
        return null;
    }

    /// <summary>
    /// The ISO 3166-1 country of a registrationCountry: Greek VAT numbers carry the EU's prefix EL, not ISO's GR (the
    /// EU VAT system writes them so, and EVG §9.2.8 asks for the country in which the scheme is operated), so a VAT
    /// identifier for EL is one of a Greek jurisdiction. EL means nothing else in any scheme.
    /// </summary>
    private static string JurisdictionCountryOf(string scheme, string country) =>
        scheme == "VAT" && country == "EL" ? "GR" : country;

    private static string? FirstJoiCountry(CertificateInfo c, Func<string, bool> predicate)
    {
        var attributes = c.Subject.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid == JurisdictionCountry && predicate(attributes[i].Value)) return attributes[i].Value;
        }
        return null;
    }

    private static string? SubjectMismatch(CertificateInfo c)
    {
        if (Ext(c) is not { } e || Split(c.Subject.Get(SubjectOrgId)) is not { } s) return null;
        var parts = new List<string>(4);
        Compare(parts, "registrationSchemeIdentifier", e.Scheme, s.Scheme);
        Compare(parts, "registrationCountry", e.Country, s.Country);
        Compare(parts, "registrationStateOrProvince", e.State ?? "", s.State ?? "");
        Compare(parts, "registrationReference", e.Reference, s.Reference);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static void Compare(List<string> parts, string name, string extension, string subject)
    {
        if (!string.Equals(extension, subject, StringComparison.Ordinal)) parts.Add($"{name} is '{extension}' but the subject has '{subject}'");
    }

    /// <summary>
    /// SCHEME COUNTRY [+STATE] - REFERENCE split at the leftmost hyphen (EVG §9.2.8 Note: schemes, country codes and
    /// ISO 3166-2 codes hold no hyphen, references may): at least 5 characters before it, a non-empty reference after,
    /// and anything between the country and the hyphen a "+" and a non-empty state. Null for any other value.
    /// </summary>
    internal static (string Scheme, string Country, string? State, string Reference)? Split(string? value) =>
        Parse(value, referenceRequired: true) is { } p ? (p.Scheme, p.Country, p.State, p.Reference!) : null;

    /// <summary>
    /// <see cref="Split"/>, where <paramref name="referenceRequired"/> false also reads a value without any hyphen as
    /// SCHEME COUNTRY [+STATE] with no reference: the S/MIME BR's GOV and INT identifiers (§7.1.4.2.2(d) Note 2:
    /// GOVUS, GOVUS+CA, INTXG) have none.
    /// </summary>
    internal static (string Scheme, string Country, string? State, string? Reference)? Parse(string? value, bool referenceRequired)
    {
        if (value is null) return null;
        var hyphen = value.IndexOf('-', StringComparison.Ordinal);
        if (hyphen < 0 && !referenceRequired) hyphen = value.Length; // no reference: the whole value is the head
        if (hyphen < 5 || hyphen == value.Length - 1) return null;
        var head = value[..hyphen];
        string? state = null;
        if (head.Length > 5)
        {
            if (head[5] != '+' || head.Length == 6) return null;
            state = head[6..];
        }
        return (head[..3], head[3..5], state, hyphen < value.Length ? value[(hyphen + 1)..] : null);
    }
}
