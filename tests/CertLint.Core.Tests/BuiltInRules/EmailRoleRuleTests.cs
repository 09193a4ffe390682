using System.Security.Cryptography.X509Certificates;
using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules.Primitives;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>The S/MIME role (email): eku-email-protection, ku-email-protection and mailbox-mismatch through the compiled rules.</summary>
public sealed class EmailRoleRuleTests
{
    private const string EmailProtection = "1.3.6.1.5.5.7.3.4";
    private static readonly TestCertificate Root = TestPki.CreateRoot("Mail Root");
    private static readonly TestCertificate TlsCa = Root.IssueCa("Mail TLS CA", o => o.ServerAuth());

    private static PrimitiveHarness One(TestCertificate cert, CertificateRole role, string path = "smime/user.pem")
    {
        var h = new PrimitiveHarness();
        var info = h.Add(cert, path, role);
        h.Chain(info, ChainStatus.Complete, h.Add(Root, "ca/root.pem"));
        return h;
    }

    private static readonly string[] EmailRules = ["eku-email-protection", "ku-email-protection", "mailbox-mismatch"];

    private static List<string> Hits(PrimitiveHarness h) =>
        [.. BuiltInRuleRunner.Lint(h).Where(f => EmailRules.Contains(f.Rule.Name)).Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}").Order(StringComparer.Ordinal)];

    [Test]
    public void Eku_email_protection_fires_on_an_smime_certificate_restricted_to_client_auth()
    {
        var h = One(Root.Issue("alice", o => o.ClientAuth().Email("alice@example.com")), CertificateRole.Email);
        Hits(h).ShouldBe(["eku-email-protection smime/user.pem"]);
        BuiltInRuleRunner.Lint(h, "eku-email-protection").ShouldHaveSingleItem().Message.ShouldEndWith(
            "is used as an S/MIME certificate (role from nothing (role unknown)), but its extendedKeyUsage allows only clientAuth, not emailProtection: " +
            "reissue it with extendedKeyUsage emailProtection from a CA allowed to issue S/MIME certificates.");
        BuiltInRuleRunner.Lint(h, "eku-client-auth").ShouldBeEmpty();   // not a TLS client here
    }

    [Test]
    public void Eku_email_protection_is_silent_for_email_protection_any_eku_no_eku_and_other_roles()
    {
        Hits(One(Root.Issue("a", o => o.Eku(EmailProtection)), CertificateRole.Email)).ShouldBeEmpty();
        Hits(One(Root.Issue("b", o => o.Eku(Oids.AnyExtendedKeyUsage)), CertificateRole.Email)).ShouldBeEmpty();
        Hits(One(Root.Issue("c"), CertificateRole.Email)).ShouldBeEmpty();
        Hits(One(Root.Issue("d", o => o.ClientAuth()), CertificateRole.Client, "mtls/client.pem")).ShouldBeEmpty();
        Hits(One(Root.Issue("e", o => o.ClientAuth()), CertificateRole.Unknown, "certs/e.pem")).ShouldBeEmpty();
    }

    [Test]
    public void Eku_email_protection_names_the_issuer_that_restricts_the_path_to_server_auth()
    {
        var h = new PrimitiveHarness();
        var leaf = h.Add(TlsCa.Issue("bob", o => o.Eku(EmailProtection)), "smime/bob.pem", CertificateRole.Email);
        var ca = h.Add(TlsCa, "ca/tls-ca.pem");
        h.Chain(leaf, ChainStatus.Complete, ca, h.Add(Root, "ca/root.pem"));
        Hits(h).ShouldBe(["eku-email-protection smime/bob.pem"]);
        BuiltInRuleRunner.Lint(h, "eku-email-protection").Single().Message.ShouldContain(
            $"but its issuer CN=Mail TLS CA (serial {ca.SerialNumber}, SHA-256 {ca.Sha256[..16]}) allows only serverAuth, not emailProtection");
    }

    [Test]
    public void Ku_email_protection_fires_only_when_no_bit_serves_signing_or_encrypting_mail()
    {
        var h = One(Root.Issue("carol", o => o.Eku(EmailProtection).KeyUsage(X509KeyUsageFlags.DataEncipherment)), CertificateRole.Email);
        Hits(h).ShouldBe(["ku-email-protection smime/user.pem"]);
        BuiltInRuleRunner.Lint(h, "ku-email-protection").Single().Message.ShouldContain("but its keyUsage allows only dataEncipherment: reissue it with digitalSignature");
        foreach (var bits in new[] { X509KeyUsageFlags.DigitalSignature, X509KeyUsageFlags.NonRepudiation, X509KeyUsageFlags.KeyEncipherment, X509KeyUsageFlags.KeyAgreement })
        {
            Hits(One(Root.Issue($"ku-{bits}", o => o.Eku(EmailProtection).KeyUsage(bits)), CertificateRole.Email)).ShouldBeEmpty(bits.ToString());
        }
        Hits(One(Root.Issue("no-ku", o => o.Eku(EmailProtection).NoKeyUsage()), CertificateRole.Email)).ShouldBeEmpty();
        Hits(One(Root.Issue("tls", o => o.ClientAuth().KeyUsage(X509KeyUsageFlags.DataEncipherment)), CertificateRole.Client, "mtls/c.pem"))
            .ShouldBeEmpty();
    }

    [Test]
    public void Mailbox_mismatch_compares_the_local_part_exactly_and_the_domain_as_an_a_label()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("dave", o => o.Eku(EmailProtection).Email("Dave@Example.COM", "ops@xn--bcher-kva.example")), "smime/dave.pem");
        h.MailboxesByPath.Add(new PathHosts("smime/dave.pem", ["Dave@example.com", "ops@bücher.example", "ops@BÜCHER.example."]));
        Hits(h).ShouldBeEmpty();   // role unknown here: mailbox-mismatch judges unknown roles too (RoleTests: mailboxes make it email)

        h.MailboxesByPath.Add(new PathHosts("smime/**", ["dave@example.com"]));
        var f = BuiltInRuleRunner.Lint(h, "mailbox-mismatch").ShouldHaveSingleItem();
        f.Message.ShouldEndWith("does not name 'dave@example.com' (its addresses: rfc822Name 'Dave@Example.COM', rfc822Name 'ops@xn--bcher-kva.example') " +
            "('dave@example.com' differs from 'Dave@Example.COM' only in letter case: the local part of a mail address is case-sensitive, RFC 5280 §7.5): " +
            "reissue it with these addresses as rfc822Name entries of subjectAltName.");
        BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldBeEmpty();
    }

    [Test]
    public void Mailbox_mismatch_reads_smtputf8_mailboxes_and_the_legacy_subject_email_only_without_a_san_mailbox()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("erin", o => o.Eku(EmailProtection).Extension(PathExtensions.SubjectAltName("smtputf8:élise@bücher.example"))), "smime/elise.pem");
        h.Add(Root.Issue("CN=frank, E=frank@example.com", o => o.Eku(EmailProtection)), "smime/frank.pem");
        h.Add(Root.Issue("CN=gina, E=gina@example.com", o => o.Eku(EmailProtection).Email("g@example.com")), "smime/gina.pem");
        h.Add(Root.Issue("domain", o => o.Eku(EmailProtection).Email("example.com")), "smime/domain.pem");
        h.MailboxesByPath.Add(new PathHosts("smime/elise.pem", ["élise@xn--bcher-kva.example"]));
        h.MailboxesByPath.Add(new PathHosts("smime/frank.pem", ["frank@example.com"]));
        h.MailboxesByPath.Add(new PathHosts("smime/gina.pem", ["gina@example.com"]));
        h.MailboxesByPath.Add(new PathHosts("smime/domain.pem", ["anyone@example.com"]));
        Hits(h).ShouldBe(["mailbox-mismatch smime/domain.pem", "mailbox-mismatch smime/gina.pem"]);
        BuiltInRuleRunner.Lint(h, "mailbox-mismatch").Single(f => f.Location.File.RelativePath == "smime/gina.pem").Message
            .ShouldContain("does not name 'gina@example.com' (its addresses: rfc822Name 'g@example.com'): reissue");
    }

    [Test]
    public void Mailbox_matcher_names_what_the_certificate_holds()
    {
        var h = new PrimitiveHarness();
        var frank = h.Add(Root.Issue("CN=frank, E=frank@example.com"), "smime/frank.pem");
        MailboxMatcher.Describe(MailboxMatcher.Named(frank)).ShouldBe("subject emailAddress 'frank@example.com'");
        MailboxMatcher.Covers(MailboxMatcher.Named(frank), "frank@EXAMPLE.com").ShouldBeTrue();
        MailboxMatcher.Covers(MailboxMatcher.Named(frank), "example.com").ShouldBeFalse();
        MailboxMatcher.Covers(MailboxMatcher.Named(frank), "@example.com").ShouldBeFalse();
    }
}
