using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The etsi fixtures of EN 319 412-1 §5 (semantics identifiers in RFC 3739's pkixQCSyntax-v2 statement, and the subject
/// serialNumber / organizationIdentifier structure they announce), TS 119 495's plain Latin NCA name and the ISO 639-1
/// QcPDS language.
/// </summary>
public static partial class EtsiFixtures
{
    private const string SyntaxV2 = "1.3.6.1.5.5.7.11.2", SerialNumber = "2.5.4.5", OrganizationIdentifier = "2.5.4.97";
    private const string SemanticsNatural = "0.4.0.194121.1.1", SemanticsLegal = "0.4.0.194121.1.2", SemanticsEidasLegal = "0.4.0.194121.1.3";

    /// <summary>SemanticsInformation with a semanticsIdentifier (and, optionally, what follows it).</summary>
    private static byte[] Semantics(string id, params byte[][] after) => Statement(SyntaxV2, Seq([ObjectId(id), .. after]));

    /// <summary>A QWAC's statements plus <paramref name="extra"/>, the subject a CN and one attribute (type, value).</summary>
    private static Func<TestCertificate[]> WithSubject(string attributeOid, string value, params byte[][] extra) => () =>
    {
        var root = LazyRoot.Value;
        var b = RawCertificateBuilder.Leaf("qc.example.com", root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("qc.example.com")))
            .Set(QcStatements, Seq([.. Qwac, .. extra]));
        // UTF8String for both: the fixtures write ':' and a newline, which a PrintableString cannot hold.
        b.Subject = Name(Attribute(Oids.CommonName, Utf8String, "qc.example.com"), Attribute(attributeOid, Utf8String, value));
        b.NotBefore = Time(Issued);
        b.NotAfter = Time(Issued + TimeSpan.FromDays(90));
        return [b.Build(), root];
    };

    private static Func<TestCertificate[]> Natural(string serial, params byte[][] statements) =>
        WithSubject(SerialNumber, serial, statements.Length == 0 ? [Semantics(SemanticsNatural)] : statements);
    private static Func<TestCertificate[]> Legal(string orgId, string semantics = SemanticsLegal) => WithSubject(OrganizationIdentifier, orgId, Semantics(semantics));

    public static readonly Case NaturalGood = new("natural person semantics, serialNumber PASDE-123456789", Natural("PASDE-123456789"), []);
    public static readonly Case NaturalNational = new("natural person semantics, national scheme AB:DE-123 with a URI authority",
        Natural("AB:DE-123", Semantics(SemanticsNatural, UriAuthority)), []);
    public static readonly Case NaturalBadFormat = new("natural person semantics, serialNumber 123456789", Natural("123456789"), ["etsi-natural-person-identifier-format"]);
    public static readonly Case NaturalTrailingNewline = new("natural person semantics, serialNumber PASDE-1 and a newline", Natural("PASDE-1\n"),
        ["etsi-natural-person-identifier-format"]);
    public static readonly Case NaturalBadScheme = new("natural person semantics, serialNumber ABCDE-123", Natural("ABCDE-123"), ["etsi-natural-person-identifier-scheme"]);
    /// <summary>The semantics identifier followed by nameRegistrationAuthorities (one URI): still decoded.</summary>
    public static readonly Case NaturalWithAuthorities = new("natural person semantics with a name registration authority, serialNumber 123",
        Natural("123", Semantics(SemanticsNatural, Seq(Gn.Uri("https://ra.example.com")))), ["etsi-natural-person-identifier-format"]);
    /// <summary>Something after nameRegistrationAuthorities: not a SemanticsInformation, so no semantics and no finding.</summary>
    public static readonly Case NaturalUndecodable = new("pkixQCSyntax-v2 with trailing data, serialNumber 123",
        Natural("123", Semantics(SemanticsNatural, Seq(Gn.Uri("https://ra.example.com")), Int(1))), []);
    public static readonly Case NoSemantics = new("no semantics identifier, serialNumber 123", WithSubject(SerialNumber, "123"), []);
    public static readonly Case LegalGood = new("legal person semantics, organizationIdentifier VATBE-0876543210", Legal("VATBE-0876543210"), []);
    public static readonly Case LegalState = new("legal person semantics, organizationIdentifier NTRUS+CA-123", Legal("NTRUS+CA-123"), ["etsi-legal-person-identifier-format"]);
    public static readonly Case LegalBadScheme = new("legal person semantics, organizationIdentifier XYZBE-123", Legal("XYZBE-123"), ["etsi-legal-person-identifier-scheme"]);
    public static readonly Case EidasGood = new("eIDAS legal person semantics, organizationIdentifier VATBE-0876543210", Legal("VATBE-0876543210", SemanticsEidasLegal), []);
    public static readonly Case EidasSpace = new("eIDAS legal person semantics, organizationIdentifier with a space", Legal("VATBE 0876543210", SemanticsEidasLegal),
        ["etsi-eidas-legal-person-identifier"]);
    public static readonly Case EidasLong = new("eIDAS legal person semantics, organizationIdentifier of 257 characters", Legal("VATBE-" + new string('1', 251), SemanticsEidasLegal),
        ["etsi-eidas-legal-person-identifier"]);
    public static readonly Case EidasLongest = new("eIDAS legal person semantics, organizationIdentifier of 256 characters", Legal("VATBE-" + new string('1', 250), SemanticsEidasLegal), []);

    public static readonly Case Psd2NcaNameAccented = new("PSD2, nCAName Banco de España", Psd2With(PspAs, "Banco de Espa\u00f1a", "ES-BDE"), ["etsi-psd2-nca-name-latin"]);
    public static readonly Case PdsUnknownLanguage = new("QcPDS in en and xx", Leaf([Statement(Compliance), Types(Web),
        PdsList(("https://pds.example.com/en", "en"), ("https://pds.example.com/xx", "xx"))]), ["etsi-qc-pds-language-code"]);
    public static readonly Case PdsEnglishAndGerman = new("QcPDS in en and DE", Leaf([Statement(Compliance), Types(Web),
        PdsList(("https://pds.example.com/en", "en"), ("https://pds.example.com/de", "DE"))]), ["etsi-qc-pds-language-case"]);

    private static IEnumerable<Case> SemanticsCases =>
    [
        NaturalGood, NaturalNational, NaturalBadFormat, NaturalTrailingNewline, NaturalBadScheme, NaturalWithAuthorities, NaturalUndecodable, NoSemantics,
        LegalGood, LegalState, LegalBadScheme, EidasGood, EidasSpace, EidasLong, EidasLongest, Psd2NcaNameAccented, PdsUnknownLanguage, PdsEnglishAndGerman,
    ];

    private static void AddSemantics(Action<string, Case, Case> add)
    {
        add("etsi-natural-person-identifier-format", NaturalBadFormat, NaturalGood);
        add("etsi-natural-person-identifier-scheme", NaturalBadScheme, NaturalNational);
        add("etsi-legal-person-identifier-format", LegalState, LegalGood);
        add("etsi-legal-person-identifier-scheme", LegalBadScheme, LegalGood);
        add("etsi-eidas-legal-person-identifier", EidasSpace, EidasGood);
        add("etsi-eidas-legal-person-identifier", EidasLong, EidasLongest);
        add("etsi-psd2-nca-name-latin", Psd2NcaNameAccented, Psd2Good);
        add("etsi-qc-pds-language-code", PdsUnknownLanguage, PdsEnglishAndGerman);
    }
}
