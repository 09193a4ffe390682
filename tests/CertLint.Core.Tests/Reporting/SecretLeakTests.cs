using System.Text;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

/// <summary>No report may contain private key material or the password, even when a message tries to echo a key.</summary>
public class SecretLeakTests
{
    private static IEnumerable<(string Name, string Text)> AllReports(ReportFixture fixture)
    {
        var settings = Golden.Settings with { IncludeSuppressedInSarif = true };
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            yield return (format.ToString(), Encoding.UTF8.GetString(ReportWriter.Render(format, fixture.Result, settings)));
        }
        foreach (var verbosity in Enum.GetValues<ConsoleVerbosity>())
        {
            using var w = new StringWriter();
            ConsoleReport.Write(fixture.Result, w, new ConsoleOptions(true, verbosity));
            yield return ("console " + verbosity, w.ToString());
        }
    }

    [Test]
    public void The_fixture_really_tries_to_leak_a_key()
    {
        var fixture = new ReportFixture();
        fixture.Result.Findings.ShouldContain(f => f.Message.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Test]
    public void No_report_contains_private_key_material_or_the_password()
    {
        var fixture = new ReportFixture();
        var secrets = LeakCheck.Secrets(fixture.PrivateKeyPems, ReportFixture.Password);
        secrets.Count.ShouldBeGreaterThan(50);
        foreach (var (name, text) in AllReports(fixture)) LeakCheck.ShouldNotLeak(text, secrets, name);
    }

    [Test]
    public void Pem_blocks_are_cut_out_of_any_text()
    {
        ReportText.Clean("before -----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY----- after").ShouldBe("before [PEM block removed] after");
        ReportText.Clean("head -----BEGIN PRIVATE KEY-----\nMIIEvQ truncated").ShouldBe("head [PEM block removed]");
    }
}
