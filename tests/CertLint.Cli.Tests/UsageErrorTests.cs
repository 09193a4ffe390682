using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests;

/// <summary>Option mistakes exit 2 with a one-line message and no stack trace.</summary>
public class UsageErrorTests
{
    private static string Dir => Path.GetTempPath();

    [TestCase("--fail-on", "fatal", "--fail-on: 'fatal' is not one of error, warning, note, none.")]
    [TestCase("--now", "yesterday", "--now must be a date such as 2027-12-31 or 2027-12-31T23:59:59Z, not 'yesterday'")]
    public void Bad_option_values_exit_2_with_the_option_named(string option, string value, string message)
    {
        var r = CliRunner.InProcess(Dir, null, option, value, "does-not-matter");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(message);
        r.Error.ShouldNotContain("   at ");
    }

    [Test]
    public void Unknown_option_exits_2()
    {
        var r = CliRunner.InProcess(Dir, null, "--frobnicate");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--frobnicate");
        r.Error.ShouldNotContain("   at ");
    }

    [Test]
    public void New_only_needs_a_baseline()
    {
        var r = CliRunner.InProcess(Dir, null, "--new-only", ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--new-only needs --baseline");
    }

    [Test]
    public void Help_lists_every_lint_option_and_exits_0()
    {
        var r = CliRunner.InProcess(Dir, null, "--help");
        r.ExitCode.ShouldBe(0);
        foreach (var option in new[] { "--ca", "--host", "--mailbox", "--now", "--rules", "--fail-on", "--password-env", "--include", "--exclude", "--quiet", "--verbose", "--sarif", "--junit", "--json", "--markdown", "--baseline" })
        {
            r.Out.ShouldContain(option);
        }
    }

    [Test]
    public void A_report_that_cannot_be_written_exits_2_saying_why()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "blocker"), "a file where a folder is wanted");
        Directory.CreateDirectory(Path.Combine(dir.Path, "reports"));
        File.Copy(Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "configs", "pki", "ca.crt"), Path.Combine(dir.Path, "ca.crt"));

        var folder = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", "ca.crt", "--sarif", "reports");
        folder.ExitCode.ShouldBe(2);
        folder.Error.Trim().ShouldBe("certlint: reports: cannot write report: it is a folder; give the report's file name");

        var underFile = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", "ca.crt", "--junit", "blocker/out/r.xml");
        underFile.ExitCode.ShouldBe(2);
        underFile.Error.Trim().ShouldBe($"certlint: blocker/out/r.xml: cannot write report: {Path.Combine(dir.Path, "blocker")} is a file, so no folder can be made there");
    }

    [Test]
    public void Passwords_are_never_accepted_on_the_command_line()
    {
        var r = CliRunner.InProcess(Dir, null, "--password", "hunter2", ".");
        r.ExitCode.ShouldBe(2);
        r.Out.ShouldNotContain("hunter2");
    }
}
