using CertLint.Reporting;
using Shouldly.Configuration;

namespace CertLint.Core.Tests.Reporting;

public class ConsoleReportTests
{
    private static readonly ReportFixture Fixture = new();

    private static string Render(ConsoleOptions options)
    {
        using var w = new StringWriter { NewLine = "\n" };
        ConsoleReport.Write(Fixture.Result, w, options);
        return w.ToString();
    }

    [TestCase(ConsoleVerbosity.Quiet)]
    [TestCase(ConsoleVerbosity.Normal)]
    [TestCase(ConsoleVerbosity.Verbose)]
    public void Matches_the_approved_output(ConsoleVerbosity verbosity) =>
        Render(new ConsoleOptions(false, verbosity)).ShouldMatchApproved(c => Golden.Config("txt")(c.WithDiscriminator(verbosity.ToString())));

    [Test]
    public void Groups_findings_by_file_with_line_numbers_and_ends_with_a_summary()
    {
        var text = Render(new ConsoleOptions());
        var lines = text.Split('\n');
        lines.ShouldContain("certs/client.crt");
        lines.Count(l => l == "certs/client.crt").ShouldBe(1, "one heading per file");
        text.ShouldContain("CL0101 cert-expired");
        text.ShouldNotContain("self-signed-leaf", customMessage: "suppressed findings show only in verbose mode");
        text.ShouldContain("Scanned 8 files: 5 certificates, 1 key.");
        text.ShouldContain("Findings: 5 errors, 1 warning, 2 notes, 1 suppressed in 1.23 s.");
        text.ShouldContain("Failed: 5 findings at or above error.");
    }

    [Test]
    public void Quiet_shows_only_what_fails_and_verbose_adds_suppressions_and_fixes()
    {
        var quiet = Render(new ConsoleOptions(false, ConsoleVerbosity.Quiet));
        quiet.ShouldNotContain("cn-not-in-san");
        quiet.ShouldNotContain("notice:");
        quiet.ShouldContain("cert-expired");
        var verbose = Render(new ConsoleOptions(false, ConsoleVerbosity.Verbose));
        verbose.ShouldContain("[suppressed: legacy device, replaced in Q3]");
        verbose.ShouldContain("fix: Renew the certificate.");
        verbose.ShouldContain("see: https://");
    }

    [Test]
    public void Colour_only_when_asked()
    {
        Render(new ConsoleOptions(Color: false)).ShouldNotContain("\u001b[");
        Render(new ConsoleOptions(Color: true)).ShouldContain("\u001b[31merror");
    }

    [TestCase(true, null, null, true)]
    [TestCase(false, null, null, false)]
    [TestCase(true, "1", null, false)]
    [TestCase(true, "", null, true)]
    [TestCase(true, null, "dumb", false)]
    public void Uses_colour_on_a_terminal_unless_NO_COLOR(bool terminal, string? noColor, string? term, bool expected)
    {
        var env = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };
        ConsoleOptions.UseColor(terminal, n => env.GetValueOrDefault(n)).ShouldBe(expected);
    }
}
