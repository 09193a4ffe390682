using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The etsi fixtures of the subject attributes EN 319 412-2 §4.2.4 asks of a natural person's certificate and EN 319
/// 412-3 §4.2.1 of a legal person's.
/// </summary>
public static partial class EtsiFixtures
{
    private const string Pseudonym = "2.5.4.65", QcpLQscd = "0.4.0.194112.1.3";

    private static byte[] GivenName => Attribute(Oids.GivenName, Utf8String, "Alice");
    private static byte[] Surname => Attribute(Oids.Surname, Utf8String, "Example");
    private static byte[] PseudonymAttribute => Attribute(Pseudonym, Utf8String, "Wonderland");
    private static byte[] CountryDe => Attribute(Oids.Country, PrintableString, "DE");
    private static byte[] PersonCn => Attribute(Oids.CommonName, Utf8String, "Alice Example");
    private static byte[] SealO => Attribute(Oids.Organization, Utf8String, "Example SA");
    private static byte[] SealOrgId => Attribute(OrganizationIdentifier, Utf8String, "VATBE-0876543210");
    private static byte[] SealCn => Attribute(Oids.CommonName, Utf8String, "Example SA invoicing seal");

    /// <summary>A QCP-n eSignature certificate with keyUsage C (digitalSignature) and this subject, built when the case runs.</summary>
    private static Func<TestCertificate[]> NaturalSubject(Func<byte[][]> subject) => () => Person([Ext.DigitalSignature], [QcpN], subject: subject())();

    /// <summary>An eSeal certificate (QcType eseal and the given policies) with keyUsage C and this subject.</summary>
    private static Func<TestCertificate[]> SealSubject(string[] policies, Func<byte[][]> subject) => () =>
        Person([Ext.DigitalSignature], policies, Eseal, subject: subject())();

    public static readonly Case PersonNoCountry = new("natural person, QCP-n, subject without countryName",
        NaturalSubject(() => [GivenName, Surname, PersonCn]), ["etsi-natural-person-subject-attributes"]);
    public static readonly Case PersonNoCommonName = new("natural person, QCP-n, subject without commonName",
        NaturalSubject(() => [GivenName, Surname, CountryDe]), ["etsi-natural-person-subject-attributes"]);
    /// <summary>Natural person by its policy alone: no givenName, surname or pseudonym (pkilint takes it for a legal person's).</summary>
    public static readonly Case PersonNoName = new("natural person, QCP-n, subject countryName and commonName only",
        NaturalSubject(() => [CountryDe, PersonCn]), ["etsi-natural-person-subject-attributes"]);
    public static readonly Case PersonPseudonym = new("natural person, QCP-n, subject pseudonym, countryName, commonName",
        NaturalSubject(() => [PseudonymAttribute, CountryDe, PersonCn]), []);
    public static readonly Case PersonPseudonymAndGivenName = new("natural person, QCP-n, subject pseudonym and givenName",
        NaturalSubject(() => [GivenName, PseudonymAttribute, CountryDe, PersonCn]), []);
    public static readonly Case PersonPseudonymAndNames = new("natural person, QCP-n, subject pseudonym, givenName and surname",
        NaturalSubject(() => [GivenName, Surname, PseudonymAttribute, CountryDe, PersonCn]), ["etsi-natural-person-pseudonym-mixed"]);

    public static readonly Case SealGood = new("eSeal, QCP-l, subject countryName, organizationName, organizationIdentifier, commonName",
        SealSubject([QcpL], () => [CountryDe, SealO, SealOrgId, SealCn]), []);
    public static readonly Case SealNoOrganizationIdentifier = new("eSeal, QCP-l-qscd, subject without organizationIdentifier",
        SealSubject([QcpLQscd], () => [CountryDe, SealO, SealCn]), ["etsi-legal-person-subject-attributes"]);
    /// <summary>A legal person by the eSeal QcType alone (no EN 319 411-2 policy).</summary>
    public static readonly Case SealByTypeNoCommonName = new("eSeal without policy, subject without commonName",
        SealSubject([], () => [CountryDe, SealO, SealOrgId]), ["etsi-legal-person-subject-attributes"]);
    public static readonly Case SealByTypeGood = new("eSeal without policy, subject countryName, organizationName, organizationIdentifier, commonName",
        SealSubject([], () => [CountryDe, SealO, SealOrgId, SealCn]), []);

    public static readonly Case PersonTwoCommonNames = new("natural person, QCP-n, subject with two commonNames",
        NaturalSubject(() => [GivenName, Surname, CountryDe, PersonCn, Attribute(Oids.CommonName, Utf8String, "A. Example")]), ["etsi-natural-person-subject-duplicate"]);
    public static readonly Case PersonTwoCountries = new("natural person by its givenName, subject with two countryNames",
        () => Person([Ext.DigitalSignature], [], subject: [GivenName, Surname, CountryDe, Attribute(Oids.Country, PrintableString, "FR"), PersonCn])(),
        ["etsi-natural-person-subject-duplicate"]);
    public static readonly Case SealTwoOrganizationIdentifiers = new("eSeal, QCP-l, subject with two organizationIdentifiers",
        SealSubject([QcpL], () => [CountryDe, SealO, SealOrgId, Attribute(OrganizationIdentifier, Utf8String, "NTRBE-0876543210"), SealCn]),
        ["etsi-legal-person-subject-duplicate"]);
    public static readonly Case SealTwoOrganizationNames = new("eSeal without policy, subject with two organizationNames",
        SealSubject([], () => [CountryDe, SealO, Attribute(Oids.Organization, Utf8String, "Example NV"), SealOrgId, SealCn]),
        ["etsi-legal-person-subject-duplicate"]);

    /// <summary>The organizationIdentifier repeats the organizationName, in other capitals.</summary>
    public static readonly Case SealOrganizationIdentifierIsName = new("eSeal, QCP-l, organizationIdentifier EXAMPLE SA beside organizationName Example SA",
        SealSubject([QcpL], () => [CountryDe, SealO, Attribute(OrganizationIdentifier, Utf8String, "EXAMPLE SA"), SealCn]),
        ["etsi-legal-person-organization-identifier-is-name"]);

    private static IEnumerable<Case> SubjectCases =>
    [
        PersonNoCountry, PersonNoCommonName, PersonNoName, PersonPseudonym, PersonPseudonymAndGivenName, PersonPseudonymAndNames,
        SealGood, SealNoOrganizationIdentifier, SealByTypeNoCommonName, SealByTypeGood, PersonTwoCommonNames, PersonTwoCountries,
        SealTwoOrganizationIdentifiers, SealTwoOrganizationNames, SealOrganizationIdentifierIsName,
    ];

    private static void AddSubjects(Action<string, Case, Case> add)
    {
        add("etsi-natural-person-subject-attributes", PersonNoCountry, PersonC);
        add("etsi-natural-person-subject-attributes", PersonNoName, PersonPseudonym);
        add("etsi-natural-person-pseudonym-mixed", PersonPseudonymAndNames, PersonPseudonymAndGivenName);
        add("etsi-legal-person-subject-attributes", SealNoOrganizationIdentifier, SealGood);
        add("etsi-legal-person-subject-attributes", SealByTypeNoCommonName, SealByTypeGood);
        add("etsi-natural-person-subject-duplicate", PersonTwoCommonNames, PersonC);
        add("etsi-natural-person-subject-duplicate", PersonTwoCountries, PersonEBySubject);
        add("etsi-legal-person-subject-duplicate", SealTwoOrganizationIdentifiers, SealGood);
        add("etsi-legal-person-subject-duplicate", SealTwoOrganizationNames, SealByTypeGood);
        add("etsi-legal-person-organization-identifier-is-name", SealOrganizationIdentifierIsName, SealGood);
    }
}
