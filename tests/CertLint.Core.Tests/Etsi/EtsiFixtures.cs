using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The fixtures of the etsi pack (ETSI EN 319 412-5 QCStatements): leaves with a qcStatements extension written
/// statement by statement, each with the exact set of etsi findings it must yield (<see cref="EtsiFindingSetTests"/>),
/// and for every rule a failing and a passing one (tests/fixtures/rules/etsi/, written by <see cref="EtsiFixtureWriter"/>).
/// Leaves are issued 2025-12-01 for 90 days, after every effective date but QCS-4.1-02A's (2026-05-01), whose
/// fixtures are issued 2026-06-01.
/// </summary>
public static partial class EtsiFixtures
{
    public const string QcStatements = "1.3.6.1.5.5.7.1.3";
    private const string Compliance = "0.4.0.1862.1.1", LimitValue = "0.4.0.1862.1.2", Retention = "0.4.0.1862.1.3", Sscd = "0.4.0.1862.1.4",
        Psd2Statement = "0.4.0.19495.2", Pds = "0.4.0.1862.1.5", QcType = "0.4.0.1862.1.6", Esign = "0.4.0.1862.1.6.1", Eseal = "0.4.0.1862.1.6.2", Web = "0.4.0.1862.1.6.3";
    /// <summary>EN 319 411-2 policies: QCP-n (natural persons) and QCP-l (legal persons).</summary>
    private const string QcpN = "0.4.0.194112.1.0", QcpL = "0.4.0.194112.1.1";

    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset IssuedAfterV261 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A certificate under test, and the etsi rules that must fire on it, no more and no fewer.</summary>
    public sealed record Case(string Name, Func<TestCertificate[]> Build, string[] Findings)
    {
        public override string ToString() => Name;
    }

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint ETSI Root", null).Build());

    private static byte[] Statement(string oid, byte[]? info = null) => info is null ? Seq(ObjectId(oid)) : Seq(ObjectId(oid), info);
    private static byte[] Types(params string[] oids) => Statement(QcType, Seq([.. oids.Select(ObjectId)]));
    private static byte[] PdsList(params (string Url, string Language)[] locations) =>
        Statement(Pds, Seq([.. locations.Select(l => Seq(String(Ia5String, l.Url), String(PrintableString, l.Language)))]));
    private static byte[] Limit(byte[] currency, long amount) => Statement(LimitValue, Seq(currency, Int(amount), Int(0)));

    private static readonly byte[] EnglishPds = PdsList(("https://pds.example.com/en", "en"));

    /// <summary>A qualified website certificate's statements: QcCompliance, QcType web, an English https PDS.</summary>
    private static byte[][] Qwac => [Statement(Compliance), Types(Web), EnglishPds];

    private static Func<TestCertificate[]> Leaf(byte[][] statements, bool critical = false, DateTimeOffset? issued = null) => () =>
    {
        var root = LazyRoot.Value;
        var at = issued ?? Issued;
        var b = RawCertificateBuilder.Leaf("qc.example.com", root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("qc.example.com")))
            .Set(QcStatements, Seq(statements), critical);
        b.NotBefore = Time(at);
        b.NotAfter = Time(at + TimeSpan.FromDays(90));
        return [b.Build(), root];
    };

    public static readonly Case Good = new("a QWAC's three statements", Leaf(Qwac), []);
    /// <summary>Well formed; its numeric currency (978) is only discouraged (QCS-4.3.2-02).</summary>
    public static readonly Case GoodFull = new("every statement of EN 319 412-5 §4.2-4.3, well formed",
        Leaf([.. Qwac, Statement(Sscd), Limit(String(PrintableString, "EUR"), 1000), Limit(Int(978), 5), Statement(Retention, Int(15))]),
        ["etsi-qc-limit-value-currency-numeric"]);
    public static readonly Case GoodAfterV261 = new("a QWAC's statements, issued after V2.6.1", Leaf(Qwac, issued: IssuedAfterV261), []);
    public static readonly Case Critical = new("critical", Leaf(Qwac, critical: true), ["etsi-qcs-critical"]);
    public static readonly Case NoCompliance = new("no QcCompliance", Leaf([Types(Web), EnglishPds]), ["etsi-qc-compliance-missing"]);
    public static readonly Case ComplianceInfo = new("QcCompliance with NULL", Leaf([Statement(Compliance, NullValue()), Types(Web), EnglishPds]), ["etsi-qc-compliance-form"]);
    public static readonly Case SscdInfo = new("QcSSCD with NULL", Leaf([.. Qwac, Statement(Sscd, NullValue())]), ["etsi-qc-sscd-form"]);
    public static readonly Case LimitTwoLetters = new("QcLimitValue currency EU", Leaf([.. Qwac, Limit(String(PrintableString, "EU"), 10)]), ["etsi-qc-limit-value-form"]);
    public static readonly Case LimitNumeric1000 = new("QcLimitValue currency 1000", Leaf([.. Qwac, Limit(Int(1000), 10)]), ["etsi-qc-limit-value-form"]);
    public static readonly Case LimitNegative = new("QcLimitValue amount -1", Leaf([.. Qwac, Limit(String(PrintableString, "EUR"), -1)]), ["etsi-qc-limit-value-form"]);
    public static readonly Case LimitUtf8 = new("QcLimitValue currency as UTF8String", Leaf([.. Qwac, Limit(String(Utf8String, "EUR"), 10)]), ["etsi-qc-limit-value-form"]);
    public static readonly Case RetentionNegative = new("QcRetentionPeriod -1", Leaf([.. Qwac, Statement(Retention, Int(-1))]), ["etsi-qc-retention-period-form"]);
    public static readonly Case RetentionMissing = new("QcRetentionPeriod without statementInfo", Leaf([.. Qwac, Statement(Retention)]), ["etsi-qc-retention-period-form"]);
    public static readonly Case PdsNoEnglish = new("QcPDS in German only", Leaf([Statement(Compliance), Types(Web), PdsList(("https://pds.example.com/de", "de"))]), ["etsi-qc-pds-form"]);
    public static readonly Case PdsTwice = new("QcPDS en twice", Leaf([Statement(Compliance), Types(Web), PdsList(("https://pds.example.com/en", "en"), ("https://pds.example.com/en2", "EN"))]),
        ["etsi-qc-pds-form", "etsi-qc-pds-language-case"]);
    public static readonly Case PdsHttp = new("QcPDS over http", Leaf([Statement(Compliance), Types(Web), PdsList(("http://pds.example.com/en", "en"))]), ["etsi-qc-pds-https"]);
    public static readonly Case PdsUpperCase = new("QcPDS language EN", Leaf([Statement(Compliance), Types(Web), PdsList(("https://pds.example.com/en", "EN"))]), ["etsi-qc-pds-language-case"]);
    public static readonly Case PdsUtf8 = new("QcPDS url as UTF8String", Leaf([Statement(Compliance), Types(Web),
        Statement(Pds, Seq(Seq(String(Utf8String, "https://pds.example.com/en"), String(PrintableString, "en"))))]), ["etsi-qc-pds-form"]);
    public static readonly Case TypeUnknown = new("QcType 0.4.0.1862.1.6.9", Leaf([Statement(Compliance), Types("0.4.0.1862.1.6.9"), EnglishPds]), ["etsi-qc-type-form"]);
    public static readonly Case TypeEmpty = new("QcType empty", Leaf([Statement(Compliance), Types(), EnglishPds]), ["etsi-qc-type-form"]);
    public static readonly Case TypeTwo = new("QcType esign and web", Leaf([Statement(Compliance), Types(Esign, Web), EnglishPds]), ["etsi-qc-type-one-only"]);
    public static readonly Case TypeAsStatement = new("QcType web as a statement", Leaf([Statement(Compliance), Statement(Web), EnglishPds]), ["etsi-qc-type-as-statement"]);
    public static readonly Case Duplicate = new("QcCompliance twice", Leaf([.. Qwac, Statement(Compliance)], issued: IssuedAfterV261), ["etsi-qc-statement-duplicate"]);
    public static readonly Case DuplicateBeforeV261 = new("QcCompliance twice, before V2.6.1", Leaf([.. Qwac, Statement(Compliance)]), []);
    public static readonly Case ComplianceInfoBeforeV221 = new("QcCompliance with NULL, issued before V2.2.1",
        Leaf([Statement(Compliance, NullValue()), Types(Web), EnglishPds], issued: new DateTimeOffset(2017, 6, 1, 0, 0, 0, TimeSpan.Zero)), []);
    /// <summary>One statement more than the decoder reads: the extension is malformed (asn1-malformed), no etsi rule applies.</summary>
    public static readonly Case TooManyStatements = new("65 QcCompliance statements", Leaf([.. Enumerable.Repeat(Statement(Compliance), 65)]), []);
    public static readonly Case OtherStatementsOnly = new("only RFC 3739's pkixQCSyntax-v2", Leaf([Statement("1.3.6.1.5.5.7.11.2")]), []);

    /// <summary>
    /// A qualified eSignature certificate of a natural person (EN 319 412-2): givenName and surname, QcCompliance,
    /// QcType esign and an English PDS, the given policies, and the given keyUsage bits (null: no keyUsage extension); the
    /// subject givenName, surname, countryName and commonName unless <paramref name="subject"/> gives other attributes.
    /// </summary>
    private static Func<TestCertificate[]> Person(int[]? keyUsage, string[] policies, string type = Esign, DateTimeOffset? issued = null,
        byte[][]? subject = null) => () =>
    {
        var root = LazyRoot.Value;
        var at = issued ?? Issued;
        var b = RawCertificateBuilder.Leaf("Alice Example", root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Email("alice@example.com")))
            .Set(QcStatements, Seq(Statement(Compliance), Types(type), EnglishPds));
        b.Subject = Name(subject ?? [Attribute(Oids.GivenName, Utf8String, "Alice"), Attribute(Oids.Surname, Utf8String, "Example"),
            Attribute(Oids.Country, PrintableString, "DE"), Attribute(Oids.CommonName, Utf8String, "Alice Example")]);
        if (policies.Length > 0) b.Set(Oids.CertificatePolicies, Ext.Policies([.. policies.Select(p => Ext.Policy(p))]));
        if (keyUsage is null) b.Extensions.RemoveAll(e => e.Oid == Oids.KeyUsage);
        else b.Set(Oids.KeyUsage, Ext.KeyUsage(keyUsage), critical: true);
        b.NotBefore = Time(at);
        b.NotAfter = Time(at + TimeSpan.FromDays(90));
        return [b.Build(), root];
    };

    public static readonly Case PersonA = new("natural person, QCP-n, keyUsage A (nonRepudiation)", Person([Ext.NonRepudiation], [QcpN]), []);
    public static readonly Case PersonC = new("natural person, QCP-n, keyUsage C (digitalSignature)", Person([Ext.DigitalSignature], [QcpN]), []);
    public static readonly Case PersonEBySubject = new("natural person by its givenName, no policy, keyUsage E (keyAgreement)", Person([Ext.KeyAgreement], []), []);
    public static readonly Case PersonNoKu = new("natural person, QCP-n, no keyUsage", Person(null, [QcpN]), ["etsi-natural-person-ku-missing"]);
    public static readonly Case PersonNoKuBySubject = new("natural person by its givenName, no policy, no keyUsage", Person(null, []), ["etsi-natural-person-ku-missing"]);
    public static readonly Case PersonNoKuBeforeV221 = new("natural person, QCP-n, no keyUsage, issued before 2020-07-01",
        Person(null, [QcpN], issued: new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.Zero)), []);
    /// <summary>A legal person's certificate (QCP-l, or the eSeal QcType) without organizationName and organizationIdentifier.</summary>
    public static readonly Case LegalPersonNoKu = new("QCP-l with a givenName, no keyUsage", Person(null, [QcpL]), ["etsi-legal-person-subject-attributes"]);
    public static readonly Case SealNoKu = new("QcType eseal with a givenName, no keyUsage", Person(null, [], Eseal), ["etsi-legal-person-subject-attributes"]);
    public static readonly Case PersonDataEncipherment = new("natural person, keyUsage dataEncipherment", Person([Ext.DataEncipherment], [QcpN]), ["etsi-natural-person-ku-setting"]);
    public static readonly Case PersonNonRepudiationKeyEncipherment = new("natural person, keyUsage nonRepudiation and keyEncipherment",
        Person([Ext.NonRepudiation, Ext.KeyEncipherment], [QcpN]), ["etsi-natural-person-ku-setting"]);
    public static readonly Case PersonBothKeyManagement = new("natural person, keyUsage digitalSignature, keyEncipherment and keyAgreement",
        Person([Ext.DigitalSignature, Ext.KeyEncipherment, Ext.KeyAgreement], [QcpN]), ["etsi-natural-person-ku-setting"]);
    public static readonly Case PersonEmptyKu = new("natural person, keyUsage without a bit", Person([], [QcpN]), ["etsi-natural-person-ku-setting"]);
    public static readonly Case PersonB = new("natural person, keyUsage B (digitalSignature, nonRepudiation)", Person([Ext.DigitalSignature, Ext.NonRepudiation], [QcpN]), ["etsi-natural-person-ku-mixed"]);
    public static readonly Case PersonF = new("natural person, keyUsage F (digitalSignature, nonRepudiation, keyAgreement)",
        Person([Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyAgreement], [QcpN]), ["etsi-natural-person-ku-mixed"]);

    /// <summary>
    /// A PSD2 certificate (ETSI TS 119 495): a QWAC's statements and the PSD2 statement (by default role PSP_AS, the NCA's
    /// name and identifier) and any <paramref name="extra"/> statements, with this subject organizationIdentifier, issued on
    /// the given date (default: after V1.5.1).
    /// </summary>
    private static Func<TestCertificate[]> Psd2(string organizationIdentifier, DateTimeOffset? issued = null, byte[]? psd2Info = null, byte[][]? extra = null) => () =>
    {
        var (root, at) = (LazyRoot.Value, issued ?? Issued);
        var psd2 = Statement(Psd2Statement, psd2Info ?? Psd2Info([("0.4.0.19495.1.1", "PSP_AS")], "Banco de Espana", "ES-BDE"));
        var b = RawCertificateBuilder.Leaf("psd2.example.com", root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("psd2.example.com")))
            .Set(QcStatements, Seq([.. Qwac, psd2, .. extra ?? []]));
        b.Subject = Name(Attribute(Oids.CommonName, Utf8String, "psd2.example.com"), Attribute("2.5.4.97", Utf8String, organizationIdentifier));
        b.NotBefore = Time(at);
        b.NotAfter = Time(at + TimeSpan.FromDays(90));
        return [b.Build(), root];
    };

    /// <summary>PSD2QcType (TS 119 495 Annex A): the roles (OID, name), nCAName and nCAId, each name a UTF8String.</summary>
    private static byte[] Psd2Info((string Oid, string Name)[] roles, string ncaName, string ncaId) =>
        Seq(Seq([.. roles.Select(r => Seq(ObjectId(r.Oid), String(Utf8String, r.Name)))]), String(Utf8String, ncaName), String(Utf8String, ncaId));

    private static Func<TestCertificate[]> Psd2With((string Oid, string Name)[] roles, string ncaName, string ncaId) =>
        Psd2("PSDES-BDE-3DFD21", psd2Info: Psd2Info(roles, ncaName, ncaId));

    private static readonly (string, string)[] PspAs = [("0.4.0.19495.1.1", "PSP_AS")], PspCb = [("0.4.0.19495.1.5", "PSP_CB")];

    private static readonly DateTimeOffset IssuedV141 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly Case Psd2Good = new("PSD2, organizationIdentifier PSDES-BDE-3DFD21", Psd2("PSDES-BDE-3DFD21"), []);
    public static readonly Case Psd2OtherScheme = new("PSD2, organizationIdentifier NTRES-B12345678", Psd2("NTRES-B12345678"), []);
    public static readonly Case Psd2LowerCaseNca = new("PSD2, organizationIdentifier PSDES-bde-3DFD21", Psd2("PSDES-bde-3DFD21"), ["etsi-psd2-organization-identifier-recommended"]);
    public static readonly Case Psd2UnknownCountry = new("PSD2, organizationIdentifier PSDZZ-BDE-3DFD21", Psd2("PSDZZ-BDE-3DFD21"), ["etsi-psd2-organization-identifier-recommended"]);
    public static readonly Case Psd2GoodV141 = new("PSD2, organizationIdentifier PSDES-BDE-3DFD21, issued under V1.4.1", Psd2("PSDES-BDE-3DFD21", IssuedV141), []);
    public static readonly Case Psd2NoNcaV141 = new("PSD2, organizationIdentifier PSDES-3DFD21, issued under V1.4.1", Psd2("PSDES-3DFD21", IssuedV141),
        ["etsi-psd2-organization-identifier-format"]);

    public static readonly Case Psd2NcaNamePrintable = new("PSD2, nCAName a PrintableString", Psd2("PSDES-BDE-3DFD21", psd2Info:
        Seq(Seq(Seq(ObjectId("0.4.0.19495.1.1"), String(Utf8String, "PSP_AS"))), String(PrintableString, "Banco de Espana"), String(Utf8String, "ES-BDE"))),
        ["etsi-psd2-statement-form"]);
    public static readonly Case Psd2NoRoles = new("PSD2, no role", Psd2With([], "Banco de Espana", "ES-BDE"), ["etsi-psd2-roles-missing"]);
    public static readonly Case Psd2RoleNameMismatch = new("PSD2, role 0.4.0.19495.1.1 named PSP_PI", Psd2With([("0.4.0.19495.1.1", "PSP_PI")], "Banco de Espana", "ES-BDE"),
        ["etsi-psd2-role-name"]);
    public static readonly Case Psd2OtherRole = new("PSD2, a role 1.2.3.4 of another registry", Psd2With([("1.2.3.4", "SomeOtherRole")], "Banco de Espana", "ES-BDE"), []);
    public static readonly Case Psd2NcaIdNoHyphen = new("PSD2, nCAId ESBDE", Psd2With(PspAs, "Banco de Espana", "ESBDE"), ["etsi-psd2-nca-id-format"]);
    public static readonly Case Psd2NcaIdUnknownCountry = new("PSD2, nCAId ZZ-BDE", Psd2With(PspAs, "Banco de Espana", "ZZ-BDE"), ["etsi-psd2-nca-id-format"]);
    public static readonly Case Psd2CentralBank = new("PSD2, PSP_CB with NCA name and id NA", Psd2With(PspCb, "NA", "NA"), []);
    public static readonly Case Psd2CentralBankNcaId = new("PSD2, PSP_CB with nCAId ES-BDE", Psd2With(PspCb, "NA", "ES-BDE"), ["etsi-psd2-nca-id-format"]);
    public static readonly Case Psd2CentralBankNcaName = new("PSD2, PSP_CB with an NCA name", Psd2With(PspCb, "Banco de Espana", "NA"), ["etsi-psd2-nca-name"]);
    public static readonly Case Psd2NcaNameEmpty = new("PSD2, empty nCAName", Psd2With(PspAs, "", "ES-BDE"), ["etsi-psd2-nca-name"]);
    public static readonly Case Psd2NcaNameLong = new("PSD2, nCAName of 257 characters", Psd2With(PspAs, new string('n', 257), "ES-BDE"), ["etsi-psd2-nca-name"]);
    /// <summary>One role more than the decoder reads (a bounded loop): the statement does not decode, one form finding.</summary>
    public static readonly Case Psd2TooManyRoles = new("PSD2, 65 roles", Psd2With([.. Enumerable.Repeat(("0.4.0.19495.1.1", "PSP_AS"), 65)], "Banco de Espana", "ES-BDE"),
        ["etsi-psd2-statement-form"]);
    public static readonly Case Psd2RoleNameLong = new("PSD2, a roleOfPspName of 257 characters", Psd2With([("1.2.3.4", new string('r', 257))], "Banco de Espana", "ES-BDE"),
        ["etsi-psd2-statement-form"]);

    public static IEnumerable<Case> AllCases =>
    [
        Good, GoodFull, GoodAfterV261, Critical, NoCompliance, ComplianceInfo, SscdInfo, LimitTwoLetters, LimitNumeric1000, LimitNegative, LimitUtf8,
        RetentionNegative, RetentionMissing, PdsNoEnglish, PdsTwice, PdsHttp, PdsUpperCase, PdsUtf8, TypeUnknown, TypeEmpty, TypeTwo, TypeAsStatement,
        Duplicate, DuplicateBeforeV261, ComplianceInfoBeforeV221, TooManyStatements, OtherStatementsOnly,
        PersonA, PersonC, PersonEBySubject, PersonNoKu, PersonNoKuBySubject, PersonNoKuBeforeV221, LegalPersonNoKu, SealNoKu,
        PersonDataEncipherment, PersonNonRepudiationKeyEncipherment, PersonBothKeyManagement, PersonEmptyKu, PersonB, PersonF,
        Psd2Good, Psd2OtherScheme, Psd2LowerCaseNca, Psd2UnknownCountry, Psd2GoodV141, Psd2NoNcaV141,
        Psd2NcaNamePrintable, Psd2NoRoles, Psd2RoleNameMismatch, Psd2OtherRole, Psd2NcaIdNoHyphen, Psd2NcaIdUnknownCountry,
        Psd2CentralBank, Psd2CentralBankNcaId, Psd2CentralBankNcaName, Psd2NcaNameEmpty, Psd2NcaNameLong,
        Psd2TooManyRoles, Psd2RoleNameLong, .. SemanticsCases, .. CountryCases, .. NationalCases, .. SubjectCases,
    ];

    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        void Add(string rule, Case fail, Case pass) => add(rule, fail.Build, pass.Build);
        Add("etsi-qcs-critical", Critical, Good);
        Add("etsi-qc-compliance-missing", NoCompliance, Good);
        Add("etsi-qc-compliance-form", ComplianceInfo, Good);
        Add("etsi-qc-sscd-form", SscdInfo, GoodFull);
        Add("etsi-qc-limit-value-form", LimitTwoLetters, GoodFull);
        Add("etsi-qc-limit-value-form", LimitNegative, GoodFull);
        Add("etsi-qc-retention-period-form", RetentionNegative, GoodFull);
        Add("etsi-qc-pds-form", PdsNoEnglish, Good);
        Add("etsi-qc-pds-form", PdsTwice, PdsUpperCase);
        Add("etsi-qc-pds-https", PdsHttp, Good);
        Add("etsi-qc-pds-language-case", PdsUpperCase, Good);
        Add("etsi-qc-type-form", TypeUnknown, Good);
        Add("etsi-qc-type-one-only", TypeTwo, Good);
        Add("etsi-qc-type-as-statement", TypeAsStatement, Good);
        Add("etsi-qc-statement-duplicate", Duplicate, GoodAfterV261);
        Add("etsi-natural-person-ku-missing", PersonNoKu, PersonA);
        Add("etsi-natural-person-ku-missing", PersonNoKuBySubject, PersonEBySubject);
        Add("etsi-natural-person-ku-setting", PersonDataEncipherment, PersonC);
        Add("etsi-natural-person-ku-setting", PersonNonRepudiationKeyEncipherment, PersonEBySubject);
        Add("etsi-natural-person-ku-mixed", PersonB, PersonC);
        Add("etsi-natural-person-ku-mixed", PersonF, PersonC);
        Add("etsi-psd2-organization-identifier-format", Psd2NoNcaV141, Psd2GoodV141);
        Add("etsi-psd2-organization-identifier-recommended", Psd2LowerCaseNca, Psd2Good);
        Add("etsi-psd2-organization-identifier-recommended", Psd2UnknownCountry, Psd2Good);
        Add("etsi-psd2-statement-form", Psd2NcaNamePrintable, Psd2Good);
        Add("etsi-psd2-roles-missing", Psd2NoRoles, Psd2Good);
        Add("etsi-psd2-role-name", Psd2RoleNameMismatch, Psd2OtherRole);
        Add("etsi-psd2-nca-id-format", Psd2NcaIdUnknownCountry, Psd2Good);
        Add("etsi-psd2-nca-id-format", Psd2CentralBankNcaId, Psd2CentralBank);
        Add("etsi-psd2-nca-name", Psd2CentralBankNcaName, Psd2CentralBank);
        Add("etsi-psd2-nca-name", Psd2NcaNameEmpty, Psd2Good);
        AddSemantics(Add);
        AddCountries(Add);
        AddNational(Add);
        AddSubjects(Add);
    });
}
