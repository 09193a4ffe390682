using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The policy qualifiers of S/MIME BR §7.1.2.3(a) (no noticeRef; CPS pointers over HTTP or HTTPS) and the
/// subjectAltName of §7.1.4.2.1: which GeneralName types it may hold, and SmtpUTF8Mailbox values encoded as RFC 8398 asks.
/// </summary>
internal static partial class CabfSmimeFixtures
{
    /// <summary>Microsoft's user principal name otherName (id-on-UserPrincipalName).</summary>
    private const string Upn = "1.3.6.1.4.1.311.20.2.3";

    private static void PolicyAndNames(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        var text = String(Utf8String, "S/MIME subscriber");
        add("smime-user-notice-ref", Leaf(PolicyWith(Ext.UserNotice(text, ("Example CA", [1])))), Leaf(PolicyWith(Ext.UserNotice(text))));
        // A noticeRef is a fault whatever the explicitText beside it; the second qualifier is clean.
        add("smime-user-notice-ref", Leaf(PolicyWith(Ext.CpsQualifier("https://ca.example.com/cps"), Ext.UserNotice(null, ("Example CA", [2])))),
            Leaf(PolicyWith(Ext.CpsQualifier("https://ca.example.com/cps"), Ext.UserNotice(text))));
        add("smime-cps-uri-not-http", Leaf(PolicyWith(Ext.CpsQualifier("ldap://ldap.example.com/cn=CPS"))), Leaf(PolicyWith(Ext.CpsQualifier("http://ca.example.com/cps"))));
        // Schemes compare ignoring case (RFC 3986 §3.1).
        add("smime-cps-uri-not-http", Leaf(PolicyWith(Ext.CpsQualifier("ftp://ca.example.com/cps"))), Leaf(PolicyWith(Ext.CpsQualifier("HTTPS://ca.example.com/cps"))));
        add("smime-san-name-type", Leaf(San(Gn.Email(Mailbox), Gn.Dns("mail.example.com"))), Leaf(San(Gn.Email(Mailbox), Gn.DirName(CnName("Alice Example")))));
        add("smime-san-name-type", Leaf(San(Gn.Email(Mailbox), Gn.Ip(192, 0, 2, 1))), Leaf(San(Gn.Email(Mailbox), Gn.OtherName(SmtpUtf8Mailbox, String(Utf8String, "älice@example.com")))));
        add("smime-smtputf8-ascii-local-part", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("bob@exämple.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@example.com"))));
        // A value without '@' has no local-part to judge.
        add("smime-smtputf8-ascii-local-part", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("bob@example.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("bob"))));
        add("smime-smtputf8-domain-uppercase", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@Example.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("Böb@example.com"))));
        add("smime-smtputf8-domain-uppercase", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@EXAMPLE.COM"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@xn--exmple-cua.com"))));
        // Only the Legacy and Multipurpose generations may carry otherName types besides id-on-SmtpUTF8Mailbox (out of this rule's scope).
        var upn = Gn.OtherName(Upn, String(Utf8String, Mailbox));
        add("smime-strict-san-other-name", Leaf(San(Gn.Email(Mailbox), upn)), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@example.com"))));
        add("smime-strict-san-other-name", Leaf(Policy(IndividualStrict), San(Gn.Email(Mailbox), upn)), Leaf(Policy(IndividualStrict), San(Gn.Email(Mailbox), SmtpUtf8("böb@example.com"))));
        add("smime-smtputf8-not-mailbox", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@example.com"))));
        add("smime-smtputf8-bom", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("\uFEFFböb@example.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb\uFEFF@example.com"))));
        // A U-label, and a label that ends in a hyphen; an A-label is the form RFC 9598 asks for.
        add("smime-smtputf8-domain-syntax", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@exämple.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@xn--exmple-cua.com"))));
        add("smime-smtputf8-domain-syntax", Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@example-.com"))), Leaf(San(Gn.Email(Mailbox), SmtpUtf8("böb@mail.example.com"))));
    }

    /// <summary>The base leaf's Strict mailbox policy with these qualifiers.</summary>
    private static Action<RawCertificateBuilder> PolicyWith(params byte[][] qualifiers) =>
        b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(MailboxStrict, qualifiers)));

    private static Action<RawCertificateBuilder> San(params byte[][] names) => b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(names));

    private static byte[] SmtpUtf8(string mailbox) => Gn.OtherName(SmtpUtf8Mailbox, String(Utf8String, mailbox));
}
