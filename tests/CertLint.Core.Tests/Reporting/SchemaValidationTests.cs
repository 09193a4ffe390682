using System.Text;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

/// <summary>The schema checks the other tests rely on do reject broken reports.</summary>
public class SchemaValidationTests
{
    private static readonly ReportFixture Fixture = new();

    private static byte[] Mutate(ReportFormat format, string from, string to)
    {
        var text = Encoding.UTF8.GetString(ReportWriter.Render(format, Fixture.Result, Golden.Settings));
        text.ShouldContain(from);
        return Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    [Test]
    public void Rejects_a_sarif_result_with_an_unknown_level() =>
        Should.Throw<ShouldAssertException>(() => SchemaValidation.ShouldBeValidSarif(Mutate(ReportFormat.Sarif, "\"level\": \"error\"", "\"level\": \"fatal\"")));

    [Test]
    public void Rejects_a_sarif_region_starting_at_line_zero() =>
        Should.Throw<ShouldAssertException>(() => SchemaValidation.ShouldBeValidSarif(Mutate(ReportFormat.Sarif, "\"startLine\": 3", "\"startLine\": 0")));

    [Test]
    public void Rejects_junit_attributes_beyond_file_and_line() =>
        Should.Throw<ShouldAssertException>(() => SchemaValidation.ShouldBeValidJUnit(Mutate(ReportFormat.JUnit, " line=\"1\"", " line=\"1\" column=\"2\"")));

    [Test]
    public void Rejects_a_junit_line_that_is_not_a_number() =>
        Should.Throw<ShouldAssertException>(() => SchemaValidation.ShouldBeValidJUnit(Mutate(ReportFormat.JUnit, " line=\"1\"", " line=\"one\"")));

    [Test]
    public void Rejects_a_json_report_with_an_unknown_member() =>
        Should.Throw<ShouldAssertException>(() => SchemaValidation.ShouldBeValidCertLintJson(Mutate(ReportFormat.Json, "\"schemaVersion\": 1,", "\"schemaVersion\": 1, \"extra\": true,")));
}
