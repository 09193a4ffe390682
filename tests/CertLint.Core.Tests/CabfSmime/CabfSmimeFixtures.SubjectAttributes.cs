using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The subject attribute cases of the S/MIME BR: the attribute tables per certificate type and generation
/// (§7.1.4.2.3-6), the dependencies between address attributes and the pseudonym (§7.1.4.2.2(e), (f), (j)-(m)), and
/// where a commonName may come from (§7.1.4.2.2(a)).
/// </summary>
internal static partial class CabfSmimeFixtures
{
    private const string Pseudonym = "2.5.4.65", Title = "2.5.4.12", Description = "2.5.4.13";

    private static void SubjectAttributes(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-subject-organization-missing", Leaf(Subject(OrganizationStrict, (Oids.Organization, OrganizationName), (Oids.CommonName, Mailbox))),
            Leaf(Organization(null, "NTRGB-12345678")));
        add("smime-subject-individual-name-missing", Leaf(Subject(IndividualStrict, (Oids.CommonName, "Alice Example"))),
            Leaf(Subject(IndividualStrict, (Oids.GivenName, "Alice"), (Oids.Surname, "Example"), (Oids.CommonName, "Alice Example"))));
        // A pseudonym alone names the Subject too; Legacy may carry the name in the commonName only (Note 1).
        add("smime-subject-individual-name-missing", Leaf(Subject(IndividualMultipurpose, (Oids.CommonName, Mailbox))),
            Leaf(Subject(IndividualMultipurpose, (Pseudonym, "Captain Example"), (Oids.CommonName, "Captain Example"))));
        add("smime-subject-pseudonym-with-name", Leaf(Subject(IndividualStrict, (Oids.GivenName, "Alice"), (Pseudonym, "Captain Example"))),
            Leaf(Subject(IndividualStrict, (Pseudonym, "Captain Example"))));
        add("smime-subject-attribute-dependency", Leaf(Subject(IndividualStrict, (Oids.State, "Bavaria"), (Oids.Surname, "Example"))),
            Leaf(Subject(IndividualStrict, (Oids.Country, "DE"), (Oids.State, "Bavaria"), (Oids.Surname, "Example"))));
        add("smime-subject-attribute-dependency", Leaf(Subject(IndividualMultipurpose, (Oids.Country, "DE"), (Oids.Street, "Example Street 1"), (Oids.Surname, "Example"))),
            Leaf(Subject(IndividualMultipurpose, (Oids.Country, "DE"), (Oids.Locality, "Munich"), (Oids.Street, "Example Street 1"), (Oids.Surname, "Example"))));
        add("smime-mailbox-subject-attributes", Leaf(Subject(MailboxStrict, (Oids.Country, "DE"), (Oids.CommonName, Mailbox))),
            Leaf(Subject(MailboxStrict, (Oids.SerialNumber, "42"), (Oids.Email, Mailbox), (Oids.CommonName, Mailbox))));
        add("smime-subject-attribute-prohibited", Leaf(Subject(OrganizationStrict, (Oids.Organization, OrganizationName), (OrganizationIdentifierOid, "NTRGB-12345678"), (Title, "Director"))),
            Leaf(Subject(OrganizationStrict, (Oids.Country, "GB"), (Oids.State, "London"), (Oids.Locality, "London"), (Oids.Organization, OrganizationName),
                (Oids.OrganizationalUnit, "Mail"), (OrganizationIdentifierOid, "NTRGB-12345678"), (Oids.CommonName, Mailbox))));
        // "Other" (here description) is allowed in Legacy only; streetAddress not in Strict.
        add("smime-subject-attribute-prohibited", Leaf(Subject(IndividualMultipurpose, (Description, "Mail"), (Oids.Surname, "Example"))),
            Leaf(Subject(IndividualLegacy, (Description, "Mail"), (Oids.Surname, "Example"))));
        add("smime-subject-attribute-prohibited", Leaf(Subject(IndividualStrict, (Oids.Country, "DE"), (Oids.Locality, "Munich"), (Oids.Street, "Example Street 1"), (Oids.Surname, "Example"))),
            Leaf(Subject(IndividualMultipurpose, (Oids.Country, "DE"), (Oids.Locality, "Munich"), (Oids.Street, "Example Street 1"), (Oids.Surname, "Example"))));
        add("smime-organization-cn-source", Leaf(OrganizationCn("Example Limited")), Leaf(OrganizationCn(OrganizationName)));
        // A surname that is a mailbox address must be a SAN mailbox too; a Legacy individual commonName as well.
        add("smime-subject-mailbox-not-in-san", Leaf(Subject(IndividualStrict, (Oids.Surname, "bob@example.com"))), Leaf(Subject(IndividualStrict, (Oids.Surname, Mailbox))));
        add("smime-subject-mailbox-not-in-san", Leaf(Subject(IndividualMultipurpose, (Oids.Surname, "Example"), (Oids.CommonName, "alice+alt@example.com"))),
            Leaf(Subject(IndividualMultipurpose, (Oids.Surname, "Example"), (Oids.CommonName, Mailbox))));
        // §7.1.4.2.2(h): one mailbox address per emailAddress value, with no display name around it.
        add("smime-subject-email-single", Leaf(Subject(MailboxStrict, (Oids.Email, Mailbox + " bob@example.com"), (Oids.CommonName, Mailbox))),
            Leaf(Subject(MailboxStrict, (Oids.Email, Mailbox), (Oids.CommonName, Mailbox))));
        add("smime-subject-email-single", Leaf(Subject(IndividualStrict, (Oids.Surname, "Example"), (Oids.Email, "Alice <" + Mailbox + ">"))),
            Leaf(Subject(IndividualStrict, (Oids.Surname, "Example"), (Oids.Email, Mailbox))));
        // §7.1.4.2.1: a mailbox address in a SAN directoryName is repeated as an rfc822Name too.
        add("smime-san-dirname-mailbox-not-in-san", Leaf(Policy(MailboxMultipurpose), DirName("bob@example.com")), Leaf(Policy(MailboxMultipurpose), DirName(Mailbox)));
        add("smime-cn-pseudonym", Leaf(Subject(IndividualStrict, (Pseudonym, "Captain Example"), (Oids.CommonName, "Alice Example"))),
            Leaf(Subject(IndividualStrict, (Pseudonym, "Captain Example"), (Oids.CommonName, "Captain Example"))));
    }

    /// <summary>The leaf under <paramref name="policy"/> with exactly these subject attributes, in order (countryName a
    /// PrintableString, emailAddress an IA5String, the rest UTF8String).</summary>
    public static Action<RawCertificateBuilder> Subject(string policy, params (string Oid, string Value)[] attributes) => b =>
    {
        Policy(policy)(b);
        b.Subject = Name([.. attributes.Select(a => Attribute(a.Oid, a.Oid switch { Oids.Country => PrintableString, Oids.Email => Ia5String, _ => Utf8String }, a.Value))]);
    };

    /// <summary>The subjectAltName: the rfc822Name <see cref="Mailbox"/> and a directoryName with this emailAddress.</summary>
    public static Action<RawCertificateBuilder> DirName(string email) => b => b.Set(Oids.SubjectAltName,
        Ext.GeneralNames(Gn.Email(Mailbox), Gn.DirName(Name(Attribute(Oids.CommonName, Utf8String, "Alice Example"), Attribute(Oids.Email, Ia5String, email)))));

    private static Action<RawCertificateBuilder> OrganizationCn(string cn) =>
        Subject(OrganizationStrict, (Oids.Organization, OrganizationName), (OrganizationIdentifierOid, "NTRGB-12345678"), (Oids.CommonName, cn));
}
