using System.Text.RegularExpressions;
using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// A subject serialNumber or organizationIdentifier written as ETSI EN 319 412-1 §5.1.3 / §5.1.4 structure it: the
/// 3-character identity type reference (<see cref="Scheme"/>, "AB:" for a national scheme), the country, and whether
/// that country is one the identity type allows (null for an identity type the clause does not define).
/// </summary>
public sealed record EtsiPersonIdentifier(string Scheme, bool National, string Country, bool? CountryAllowed);

/// <summary>
/// The EN 319 412-1 §5 person identifiers of the subject, split into identity type and country, so the etsi rules can
/// ask whether the country is one the identity type allows. The tables are pkilint's (pkilint/common/organization_id.py,
/// pkilint/etsi/en_319_412_1.py), which go beyond the clauses' "2 character ISO 3166 country code": they also take
/// ISO 3166-1's exceptionally reserved EU, EZ, SU and UN, and for VAT the EU VAT prefixes EL (Greece) and XI
/// (Northern Ireland); LEI takes only XG, which §5.1.4 names. Case counts: ISO 3166-1 writes its codes in capitals.
/// </summary>
internal static class EtsiIdentifierFields
{
    private const string SerialNumber = "2.5.4.5", OrganizationIdentifier = "2.5.4.97";

    /// <summary>§5.1.3's structure: type reference, country, "-", identifier (what etsi-natural-person-identifier-format asks).</summary>
    private static readonly Regex Natural = new(@"^([A-Z]{2}[A-Z:])([a-zA-Z]{2})-.+\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary>
    /// §5.1.4's structure read as loosely as pkilint reads it (an optional "+" and state, an optional "-" and
    /// identifier), so the country is judged even where the format rule reports the rest.
    /// </summary>
    private static readonly Regex Legal = new(@"^([A-Z]{2}[A-Z:])([a-zA-Z]{2})(\+[a-zA-Z0-9]{1,3})?(-.+)?\z", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    /// <summary>ISO 3166-1's exceptionally reserved codes pkilint accepts besides the assigned ones.</summary>
    private static readonly string[] Transnational = ["EU", "EZ", "SU", "UN"];

    /// <summary>The EU VAT prefixes that are no ISO 3166-1 code: Greece's EL and Northern Ireland's XI.</summary>
    private static readonly string[] VatPrefixes = ["EL", "XI"];

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("subject.etsiNaturalIdentifiers", T.Records,
            "Every subject serialNumber written as EN 319 412-1 §5.1.3 structures it (type reference, country, -, identifier): scheme, national, country, countryAllowed (ISO 3166-1 or EU, EZ, SU, UN, in capitals)",
            c => Identifiers(c, SerialNumber, Natural, static (_, country) => CountryOrTransnational(country)), EtsiRecordScopes.PersonIdentifier);
        yield return Cert("subject.etsiLegalIdentifiers", T.Records,
            "Every subject organizationIdentifier written as EN 319 412-1 §5.1.4 structures it (type reference, country, optional +state, optional - identifier): scheme, national, country, countryAllowed (per type: NTR, PSD and national ISO 3166-1 or EU, EZ, SU, UN; VAT also EL, XI; LEI only XG; absent for another type)",
            c => Identifiers(c, OrganizationIdentifier, Legal, LegalCountryAllowed), EtsiRecordScopes.PersonIdentifier);
    }

    private static EtsiPersonIdentifier[] Identifiers(CertificateInfo c, string oid, Regex structure, Func<string, string, bool?> allowed)
    {
        var attributes = c.Subject.Attributes;
        List<EtsiPersonIdentifier>? found = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (attributes[i].Oid != oid || structure.Match(attributes[i].Value) is not { Success: true } m) continue;
            var scheme = m.Groups[1].Value;
            var country = m.Groups[2].Value;
            (found ??= []).Add(new EtsiPersonIdentifier(scheme, scheme[2] == ':', country, allowed(scheme, country)));
        }
        return found is null ? [] : [.. found];
    }

    private static bool? LegalCountryAllowed(string scheme, string country) => scheme switch
    {
        "LEI" => country == "XG",
        "VAT" => CountryOrTransnational(country) || Array.IndexOf(VatPrefixes, country) >= 0,
        "NTR" or "PSD" => CountryOrTransnational(country),
        _ when scheme[2] == ':' => CountryOrTransnational(country),
        _ => null,
    };

    private static bool CountryOrTransnational(string country) =>
        CountryCodes.IsIso3166UpperCase(country) || Array.IndexOf(Transnational, country) >= 0;
}
