using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// What a subject attribute's value may be, whatever the certificate type: not only metadata (S/MIME BR §7.1.4.2), and
/// an organizationIdentifier encoded as a PrintableString or UTF8String (§7.1.4.2.2(d)).
/// </summary>
internal static partial class CabfSmimeFixtures
{
    private static void AttributeValues(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        // A Mailbox-validated subject may hold a serialNumber (§7.1.4.2.3); "-" stands for none.
        add("smime-subject-metadata-value", Leaf(Subject(MailboxStrict, (Oids.SerialNumber, "-"), (Oids.CommonName, Mailbox))),
            Leaf(Subject(MailboxStrict, (Oids.SerialNumber, "A-1234"), (Oids.CommonName, Mailbox))));
        // Punctuation and separators of any script count as metadata (an em dash and a no-break space); a symbol does not.
        add("smime-subject-metadata-value", Leaf(Subject(MailboxStrict, (Oids.SerialNumber, "\u2014\u00a0."), (Oids.CommonName, Mailbox))),
            Leaf(Subject(MailboxStrict, (Oids.SerialNumber, "+"), (Oids.CommonName, Mailbox))));
        add("smime-organization-identifier-encoding", Leaf(OrganizationIdentifierAs(TeletexString)), Leaf(OrganizationIdentifierAs(PrintableString)));
        add("smime-organization-identifier-encoding", Leaf(OrganizationIdentifierAs(Ia5String)), Leaf(OrganizationIdentifierAs(Utf8String)));
    }

    /// <summary>An Organization-validated Strict subject whose organizationIdentifier NTRGB-12345678 has string type <paramref name="tag"/>.</summary>
    public static Action<RawCertificateBuilder> OrganizationIdentifierAs(byte tag) => b =>
    {
        Policy(OrganizationStrict)(b);
        b.Subject = Name(Attribute(Oids.Organization, Utf8String, OrganizationName), Attribute(OrganizationIdentifierOid, tag, "NTRGB-12345678"),
            Attribute(Oids.CommonName, Utf8String, Mailbox));
    };
}
