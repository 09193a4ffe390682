using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>One QcCClegislation statement's CountryNames (EN 319 412-5 §4.2.4), as a record of its own.</summary>
public sealed record QcLegislationCountries(IReadOnlyList<string> Countries);

/// <summary>The element scopes of the etsi pack's records fields added with EN 319 412-1 §5 and EN 319 412-5 §4.2.4/§4.3.2.</summary>
public static class EtsiRecordScopes
{
    public static readonly FieldScope PersonIdentifier = new RecordScope<EtsiPersonIdentifier>("ETSI person identifier")
        .Add("scheme", T.String, "The 3-character identity type reference as written (AB: for a national scheme)", p => p.Scheme)
        .Add("national", T.Boolean, "A national scheme: 2 characters and a colon", p => p.National)
        .Add("country", T.String, "The 2-letter country as written", p => p.Country)
        .Add("countryAllowed", T.Boolean, "The country is one the identity type allows (absent for a type EN 319 412-1 does not define)", p => p.CountryAllowed);

    public static readonly FieldScope QcSemantics = new RecordScope<Model.QcSemantics>("semantics information")
        .Add("id", T.String, "semanticsIdentifier (absent when not encoded)", s => s.Id)
        .Add("authorities", T.Integer, "GeneralNames in nameRegistrationAuthorities (absent when it is not encoded)", s => s.Authorities is { } n ? (long)n : null)
        .Add("authorityUri", T.Boolean, "A nameRegistrationAuthorities GeneralName is a uniformResourceIdentifier", s => s.AuthorityUri);

    public static readonly FieldScope QcLegislation = new RecordScope<QcLegislationCountries>("QcCClegislation")
        .Add("countries", T.List, "The CountryNames as written", l => l.Countries)
        .Add("countryCount", T.Integer, "Number of CountryNames", l => (long)l.Countries.Count)
        .Add("countriesIso", T.Boolean, "Every CountryName is an ISO 3166-1 alpha-2 code in capitals",
            l => l.Countries.All(CountryCodes.IsIso3166UpperCase));

    public static readonly FieldScope QcLimit = new RecordScope<Model.QcMonetaryValue>("QcLimitValue")
        .Add("currency", T.String, "The currency code as written (a numeric one as 3 digits)", m => m.Currency)
        .Add("numeric", T.Boolean, "The currency is the numeric form of Iso4217CurrencyCode", m => m.Numeric)
        .Add("currencyIso", T.Boolean, "The currency is an ISO 4217 code (capitals; not XTS or XXX)", m => CurrencyCodes.IsIso4217(m.Currency, m.Numeric));

    public static IEnumerable<FieldScope> All => [PersonIdentifier, QcSemantics, QcLegislation, QcLimit];
}
