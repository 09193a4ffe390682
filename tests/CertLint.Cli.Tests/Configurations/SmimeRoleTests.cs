namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// The S/MIME role through the real CLI: tests/fixtures/configs/smime (make-smime.sh) holds a mail CA and four mail
/// certificates; smime/ gives the role by path, people/dave.crt by its expected mailbox in .certlint.yml.
/// </summary>
public sealed class SmimeRoleTests
{
    [Test]
    public void Each_mail_certificate_defect_is_one_finding_and_the_good_one_has_none()
    {
        using var repo = new ConfigFixture("smime");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "eku-email-protection smime/bob.crt:1",
            "key-usage-eku-inconsistent smime/carol.crt:1",    // rfc5280: dataEncipherment is no emailProtection key usage
            "ku-email-protection smime/carol.crt:1",
            "mailbox-mismatch people/dave.crt:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "eku-email-protection").ShouldHaveSingleItem().ShouldContain(
            "is used as an S/MIME certificate (role from its path name), but its extendedKeyUsage allows only clientAuth, not emailProtection");
        ConfigFixture.Messages(json, "mailbox-mismatch").ShouldHaveSingleItem().ShouldContain(
            "does not name 'dave@example.test' (its addresses: rfc822Name 'Dave@example.test') ('dave@example.test' differs from " +
            "'Dave@example.test' only in letter case: the local part of a mail address is case-sensitive, RFC 5280 §7.5)");
    }

    [Test]
    public void A_mailbox_given_on_the_command_line_is_expected_of_every_mail_certificate_beside_the_configurations()
    {
        using var repo = new ConfigFixture("smime");
        var (findings, outcome, json) = repo.Lint("--mailbox", "mallory@example.test");
        findings.ShouldBe([
            "eku-email-protection smime/bob.crt:1",
            "key-usage-eku-inconsistent smime/carol.crt:1",
            "ku-email-protection smime/carol.crt:1",
            "mailbox-mismatch people/dave.crt:1",
            "mailbox-mismatch smime/alice.crt:1",
            "mailbox-mismatch smime/bob.crt:1",
            "mailbox-mismatch smime/carol.crt:1",
        ], outcome.Out);
        // One finding per certificate: dave's names both addresses it lacks, the configuration's and the option's.
        ConfigFixture.Messages(json, "mailbox-mismatch").Where(m => m.Contains("dave", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldContain("does not name 'mallory@example.test', 'dave@example.test'");
    }

    [Test]
    public void The_inventory_shows_the_email_role_and_where_it_comes_from()
    {
        using var repo = new ConfigFixture("smime");
        var o = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("CN=dave, serial 3104  role email (from its expected mailboxes)");
        o.ShouldContain("CN=alice, serial 3101  role email (from its path name)");
    }
}
