using CertLint.Rules;

namespace CertLint.MSBuild.Tests;

/// <summary>The task on real files through the real engine, logging into a fake build engine.</summary>
public class CertLintTaskTests
{
    // Ids live in the rules' YAML only: look them up by name.
    private static readonly string CertExpired = CertLint.Rules.Loading.RuleLoader.IdOf("cert-expired");
    private static readonly string KeyFilePermissions = CertLint.Rules.Loading.RuleLoader.IdOf("key-file-permissions");

    private TaskRunner runner = null!;

    [SetUp]
    public void SetUp() => runner = new TaskRunner();

    [TearDown]
    public void TearDown() => runner.Dispose();

    [Test]
    public void Expired_certificate_and_world_readable_key_are_errors_at_their_lines()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        var task = runner.NewTask();

        task.Execute().ShouldBeFalse();

        runner.Engine.Errors.Select(e => (e.Code, e.File, e.LineNumber, e.ColumnNumber)).ShouldBe(
        [
            (KeyFilePermissions, runner.PathOf(CertificateFixtures.KeyPath), 1, 1),
            (CertExpired, runner.PathOf(CertificateFixtures.CertificatePath), CertificateFixtures.CertificateLine, 1),
        ], ignoreOrder: true);
        var expired = runner.Engine.Errors.Single(e => e.Code == CertExpired);
        expired.HelpLink.ShouldBe(CertLint.Rules.Loading.RuleLoader.HelpBase + "cert-expired.md");
        expired.Subcategory.ShouldBeNull();
        expired.Message!.ShouldContain("service.example.test");
        var permissions = runner.Engine.Errors.Single(e => e.Code == KeyFilePermissions);
        permissions.Message!.ShouldContain("chmod");
        File.Exists(runner.PathOf("obj/certlint.sarif")).ShouldBeTrue();
        File.Exists(runner.PathOf("obj/certlint.junit.xml")).ShouldBeTrue();
    }

    [Test]
    public void Expected_hosts_and_mailboxes_are_what_the_service_certificate_must_name()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        CertificateFixtures.Repair(runner.Root);
        var id = CertLint.Rules.Loading.RuleLoader.IdOf;
        string[] Codes() => [.. runner.Engine.Errors.Select(e => $"{e.Code} {Path.GetFileName(e.File)}").Order(StringComparer.Ordinal)];

        var hosts = runner.NewTask();
        hosts.Hosts = TaskRunner.Items("api.example.test", " ");
        hosts.Execute().ShouldBeFalse();
        // An expected host makes the service certificate a server's: it must cover the name.
        Codes().ShouldBe([$"{id("hostname-mismatch")} service.pem"]);

        runner.Engine.Errors.Clear();
        var mailboxes = runner.NewTask();
        mailboxes.Mailboxes = TaskRunner.Items("billing@example.test");
        mailboxes.Execute().ShouldBeFalse();
        // An expected mailbox makes it an S/MIME certificate: it names no address and allows no emailProtection.
        Codes().ShouldBe([.. new[] { $"{id("eku-email-protection")} service.pem", $"{id("mailbox-mismatch")} service.pem" }.Order(StringComparer.Ordinal)]);
        runner.Engine.Errors.Single(e => e.Code == id("mailbox-mismatch")).Message!.ShouldContain("does not name 'billing@example.test'");
    }

    [Test]
    public void Below_fail_on_the_same_findings_are_warnings_and_the_build_passes()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        var task = runner.NewTask();
        task.FailOn = "none";

        task.Execute().ShouldBeTrue();

        runner.Engine.Errors.ShouldBeEmpty();
        runner.Engine.Warnings.Select(w => w.Code).ShouldContain(CertExpired);
        runner.Engine.Warnings.Select(w => w.Code).ShouldContain(KeyFilePermissions);
    }

    [Test]
    public void Repaired_files_pass()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        CertificateFixtures.Repair(runner.Root);

        runner.NewTask().Execute().ShouldBeTrue();

        runner.Engine.Errors.ShouldBeEmpty();
    }

    [Test]
    public void Without_discovery_only_the_listed_files_are_linted()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        var task = runner.NewTask();
        task.Discover = false;
        task.Files = TaskRunner.Items(CertificateFixtures.CertificatePath, "certs/ca.pem");

        task.Execute().ShouldBeFalse();

        runner.Engine.Errors.Select(e => e.Code).ShouldBe([CertExpired]);
    }

    [Test]
    public void Bad_configuration_is_one_error_at_its_line_not_an_exception()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        File.WriteAllText(runner.PathOf("bad.certlint.yml"), "fail-on: error\nrules:\n  cert-expired: [unclosed\n");
        var task = runner.NewTask();
        task.Config = "bad.certlint.yml";

        task.Execute().ShouldBeFalse();

        var error = runner.Engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(ErrorCodes.Configuration);
        error.File.ShouldEndWith("bad.certlint.yml");
        error.LineNumber.ShouldBeGreaterThan(0);
        runner.Engine.Warnings.ShouldBeEmpty();
    }

    [TestCase("FailOn", "fatal", "CertLintFailOn: 'fatal'")]
    [TestCase("Now", "yesterday", "CertLintNow must be a date such as 2027-12-31 or 2027-12-31T23:59:59Z, not 'yesterday'")] // the one date grammar's text
    public void Bad_property_is_one_error_naming_it(string property, string value, string messageStart)
    {
        var task = runner.NewTask();
        typeof(CertLintTask).GetProperty(property)!.SetValue(task, value);

        task.Execute().ShouldBeFalse();

        var error = runner.Engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(ErrorCodes.Configuration);
        error.Message.ShouldStartWith(messageStart);
    }

    [TestCase(true, TestName = "Discovery finds nothing: a project folder without certificates")]
    [TestCase(false, TestName = "Discovery off and no CertLintFile items")]
    public void Nothing_to_lint_fails_the_build_like_the_CLI_unless_CertLintAllowEmpty(bool discover)
    {
        File.WriteAllText(runner.PathOf("README.txt"), "no certificates here\n");
        var task = runner.NewTask();
        task.Discover = discover;

        task.Execute().ShouldBeFalse();

        var error = runner.Engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(ErrorCodes.EmptyScan);
        error.Message!.ShouldStartWith("CertLint: nothing to lint: ");
        error.Message.ShouldContain("CertLintAllowEmpty");

        runner.Engine.Errors.Clear();
        var allowed = runner.NewTask();
        allowed.Discover = discover;
        allowed.AllowEmpty = true;

        allowed.Execute().ShouldBeTrue();

        runner.Engine.Errors.ShouldBeEmpty();
        runner.Engine.Warnings.ShouldBeEmpty();
        runner.Engine.Messages.ShouldContain(m => m.Message!.Contains("nothing to lint", StringComparison.Ordinal));
    }

    [Test]
    public void CertLintVerbose_lists_skipped_objects_in_junit_without_changing_the_verdict()
    {
        CertificateFixtures.WriteBroken(runner.Root);
        var plain = runner.NewTask();
        plain.Execute().ShouldBeFalse();
        var plainErrors = runner.Engine.Errors.Select(e => (e.Code, e.File, e.LineNumber)).ToList();
        var plainJUnit = File.ReadAllText(runner.PathOf("obj/certlint.junit.xml"));
        runner.Engine.Errors.Clear();
        var verbose = runner.NewTask();
        verbose.Verbose = true;

        verbose.Execute().ShouldBeFalse();

        runner.Engine.Errors.Select(e => (e.Code, e.File, e.LineNumber)).ShouldBe(plainErrors);
        plainJUnit.ShouldNotContain("<skipped type=\"not-applicable\"");
        // key-file-permissions does not apply to the certificate file: a skipped case says so.
        var junit = System.Xml.Linq.XDocument.Load(runner.PathOf("obj/certlint.junit.xml"));
        var skipped = junit.Descendants("testcase").Where(c => (string?)c.Attribute("classname") == "certlint.key-file-permissions")
            .Select(c => ((string?)c.Attribute("file"), c.Element("skipped") is { } s ? (string?)s.Attribute("type") : null));
        skipped.ShouldContain((CertificateFixtures.CertificatePath, "not-applicable"));
    }
}
