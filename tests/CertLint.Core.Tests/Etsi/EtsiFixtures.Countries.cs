using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The etsi fixtures of the countries and registration authorities EN 319 412-1 §5 asks of person identifiers (per
/// identity type, pkilint's table), the deprecated TAX type, QcCClegislation (EN 319 412-5 §4.2.4) and the ISO 4217
/// currency of QcLimitValue (§4.3.2).
/// </summary>
public static partial class EtsiFixtures
{
    private const string Legislation = "0.4.0.1862.1.7";

    /// <summary>nameRegistrationAuthorities naming a URI, as NAT-5.1.3-05 / LEG-5.1.4-05 ask of a national scheme.</summary>
    private static byte[] UriAuthority => Seq(Gn.Uri("https://ra.example.com/scheme"));

    private static Func<TestCertificate[]> NaturalWithUri(string serial) => Natural(serial, Semantics(SemanticsNatural, UriAuthority));
    private static Func<TestCertificate[]> LegalWith(string orgId, params byte[][] after) => WithSubject(OrganizationIdentifier, orgId, Semantics(SemanticsLegal, after));
    /// <summary>
    /// A QWAC's statements plus one, built when the case runs: static fields of the other files of this partial class
    /// (the English PDS) may not be initialized yet when these are.
    /// </summary>
    private static Func<TestCertificate[]> QwacPlus(Func<byte[]> extra) => () => Leaf([.. Qwac, extra()])();
    private static Func<TestCertificate[]> WithLegislation(params byte[][] info) =>
        QwacPlus(() => info.Length == 0 ? Statement(Legislation) : Statement(Legislation, info[0]));
    private static Func<TestCertificate[]> WithLimit(byte[] currency) => QwacPlus(() => Limit(currency, 10));
    private static byte[] Countries(params string[] names) => Seq([.. names.Select(n => String(PrintableString, n))]);

    public static readonly Case NaturalLowerCountry = new("natural person semantics, serialNumber PASde-123", Natural("PASde-123"), ["etsi-natural-person-identifier-country"]);
    public static readonly Case NaturalTransnational = new("natural person semantics, serialNumber PASEU-123", Natural("PASEU-123"), []);
    public static readonly Case NaturalNationalUnknownCountry = new("natural person semantics, national scheme AB:QQ-1 with a URI authority",
        NaturalWithUri("AB:QQ-1"), ["etsi-natural-person-identifier-country"]);
    public static readonly Case NaturalTax = new("natural person semantics, serialNumber TAXDE-123", Natural("TAXDE-123"), ["etsi-natural-person-identifier-tax-deprecated"]);
    public static readonly Case NaturalNationalNoAuthority = new("natural person semantics, national scheme AB:DE-123, no authority",
        Natural("AB:DE-123"), ["etsi-natural-person-national-scheme-authority"]);
    public static readonly Case NaturalNationalEmailAuthority = new("natural person semantics, national scheme AB:DE-123, an e-mail authority",
        Natural("AB:DE-123", Semantics(SemanticsNatural, Seq(Gn.Email("ra@example.com")))), ["etsi-natural-person-national-scheme-authority"]);

    public static readonly Case LegalVatGreece = new("legal person semantics, organizationIdentifier VATEL-123", Legal("VATEL-123"), []);
    public static readonly Case LegalNtrGreecePrefix = new("legal person semantics, organizationIdentifier NTREL-123", Legal("NTREL-123"), ["etsi-legal-person-identifier-country"]);
    public static readonly Case LegalLeiGlobal = new("legal person semantics, organizationIdentifier LEIXG-5493001KJTIIGC8Y1R12", Legal("LEIXG-5493001KJTIIGC8Y1R12"), []);
    public static readonly Case LegalLeiGermany = new("legal person semantics, organizationIdentifier LEIDE-5493001KJTIIGC8Y1R12", Legal("LEIDE-5493001KJTIIGC8Y1R12"),
        ["etsi-legal-person-identifier-country"]);
    /// <summary>A state is the format rule's finding; the unknown country is still judged (pkilint reports both).</summary>
    public static readonly Case LegalLeiChecksum = new("legal person semantics, organizationIdentifier LEIXG-5493001KJTIIGC8Y1R13 (check digits)",
        Legal("LEIXG-5493001KJTIIGC8Y1R13"), ["etsi-legal-person-identifier-lei"]);
    public static readonly Case LegalLeiShort = new("legal person semantics, organizationIdentifier LEIXG-5493001KJT", Legal("LEIXG-5493001KJT"),
        ["etsi-legal-person-identifier-lei"]);
    public static readonly Case LegalLeiLowerCase = new("legal person semantics, organizationIdentifier LEIXG-5493001kjtiigc8y1r12", Legal("LEIXG-5493001kjtiigc8y1r12"),
        ["etsi-legal-person-identifier-lei"]);
    /// <summary>A wrong country and a broken LEI: two defects, two findings (pkilint reads the LEI only after LEIXG-).</summary>
    public static readonly Case LegalLeiGermanyChecksum = new("legal person semantics, organizationIdentifier LEIDE-5493001KJTIIGC8Y1R13",
        Legal("LEIDE-5493001KJTIIGC8Y1R13"), ["etsi-legal-person-identifier-country", "etsi-legal-person-identifier-lei"]);
    /// <summary>Without the legal person semantics EN 319 412-1 gives the organizationIdentifier no structure: no finding.</summary>
    public static readonly Case LeiChecksumNoSemantics = new("no semantics identifier, organizationIdentifier LEIXG-5493001KJTIIGC8Y1R13",
        WithSubject(OrganizationIdentifier, "LEIXG-5493001KJTIIGC8Y1R13"), []);
    public static readonly Case LegalStateUnknownCountry = new("legal person semantics, organizationIdentifier NTRQQ+CA-123", Legal("NTRQQ+CA-123"),
        ["etsi-legal-person-identifier-country", "etsi-legal-person-identifier-format"]);
    public static readonly Case LegalNational = new("legal person semantics, national scheme AB:DE-123 with a URI authority", LegalWith("AB:DE-123", UriAuthority), []);
    public static readonly Case LegalNationalUnknownCountry = new("legal person semantics, national scheme AB:QQ-123 with a URI authority",
        LegalWith("AB:QQ-123", UriAuthority), ["etsi-legal-person-identifier-scheme"]);
    public static readonly Case LegalNationalNoAuthority = new("legal person semantics, national scheme AB:DE-123, no authority",
        Legal("AB:DE-123"), ["etsi-legal-person-national-scheme-authority"]);

    public static readonly Case LegislationSwitzerland = new("QcCClegislation CH", WithLegislation(Countries("CH")), []);
    public static readonly Case LegislationEmpty = new("QcCClegislation with no country", WithLegislation(Countries()), ["etsi-qc-legislation-countries-empty"]);
    public static readonly Case LegislationUnknown = new("QcCClegislation CH and QQ", WithLegislation(Countries("CH", "QQ")), ["etsi-qc-legislation-country-code"]);
    public static readonly Case LegislationLowerCase = new("QcCClegislation ch", WithLegislation(Countries("ch")), ["etsi-qc-legislation-country-code"]);
    public static readonly Case LegislationThreeLetters = new("QcCClegislation CHE", WithLegislation(Countries("CHE")), ["etsi-qc-legislation-form"]);
    public static readonly Case LegislationMissing = new("QcCClegislation without statementInfo", WithLegislation(), ["etsi-qc-legislation-form"]);
    public static readonly Case LegislationUtf8 = new("QcCClegislation CH as UTF8String", WithLegislation(Seq(String(Utf8String, "CH"))), ["etsi-qc-legislation-form"]);

    public static readonly Case LimitUnknownCurrency = new("QcLimitValue currency XYZ", WithLimit(String(PrintableString, "XYZ")), ["etsi-qc-limit-value-currency"]);
    public static readonly Case LimitLowerCurrency = new("QcLimitValue currency eur", WithLimit(String(PrintableString, "eur")), ["etsi-qc-limit-value-currency"]);
    public static readonly Case LimitTestCurrency = new("QcLimitValue currency XTS", WithLimit(String(PrintableString, "XTS")), ["etsi-qc-limit-value-currency"]);
    public static readonly Case LimitEuro = new("QcLimitValue currency EUR", WithLimit(String(PrintableString, "EUR")), []);
    public static readonly Case LimitNumericFranc = new("QcLimitValue currency 756", WithLimit(Int(756)), ["etsi-qc-limit-value-currency-numeric"]);
    public static readonly Case LimitNumericNoCurrency = new("QcLimitValue currency 999", WithLimit(Int(999)),
        ["etsi-qc-limit-value-currency", "etsi-qc-limit-value-currency-numeric"]);

    private static IEnumerable<Case> CountryCases =>
    [
        NaturalLowerCountry, NaturalTransnational, NaturalNationalUnknownCountry, NaturalTax, NaturalNationalNoAuthority, NaturalNationalEmailAuthority,
        LegalVatGreece, LegalNtrGreecePrefix, LegalLeiGlobal, LegalLeiGermany, LegalLeiChecksum, LegalLeiShort, LegalLeiLowerCase, LegalLeiGermanyChecksum,
        LeiChecksumNoSemantics, LegalStateUnknownCountry, LegalNational, LegalNationalUnknownCountry,
        LegalNationalNoAuthority, LegislationSwitzerland, LegislationEmpty, LegislationUnknown, LegislationLowerCase, LegislationThreeLetters,
        LegislationMissing, LegislationUtf8, LimitUnknownCurrency, LimitLowerCurrency, LimitTestCurrency, LimitEuro, LimitNumericFranc, LimitNumericNoCurrency,
    ];

    private static void AddCountries(Action<string, Case, Case> add)
    {
        add("etsi-natural-person-identifier-country", NaturalLowerCountry, NaturalTransnational);
        add("etsi-natural-person-identifier-country", NaturalNationalUnknownCountry, NaturalNational);
        add("etsi-natural-person-identifier-tax-deprecated", NaturalTax, NaturalGood);
        add("etsi-natural-person-national-scheme-authority", NaturalNationalNoAuthority, NaturalNational);
        add("etsi-natural-person-national-scheme-authority", NaturalNationalEmailAuthority, NaturalNational);
        add("etsi-legal-person-identifier-country", LegalNtrGreecePrefix, LegalVatGreece);
        add("etsi-legal-person-identifier-country", LegalLeiGermany, LegalLeiGlobal);
        add("etsi-legal-person-identifier-scheme", LegalNationalUnknownCountry, LegalNational);
        add("etsi-legal-person-identifier-lei", LegalLeiChecksum, LegalLeiGlobal);
        add("etsi-legal-person-identifier-lei", LegalLeiShort, LegalLeiGermany);
        add("etsi-legal-person-national-scheme-authority", LegalNationalNoAuthority, LegalNational);
        add("etsi-qc-legislation-form", LegislationThreeLetters, LegislationSwitzerland);
        add("etsi-qc-legislation-form", LegislationMissing, LegislationSwitzerland);
        add("etsi-qc-legislation-countries-empty", LegislationEmpty, LegislationSwitzerland);
        add("etsi-qc-legislation-country-code", LegislationUnknown, LegislationSwitzerland);
        add("etsi-qc-limit-value-currency", LimitUnknownCurrency, LimitEuro);
        add("etsi-qc-limit-value-currency-numeric", LimitNumericFranc, LimitEuro);
    }
}
