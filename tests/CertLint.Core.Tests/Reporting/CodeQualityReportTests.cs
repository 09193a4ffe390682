using System.Text.Json.Nodes;
using CertLint.Findings;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class CodeQualityReportTests
{
    private static readonly ReportFixture Fixture = new();

    [Test]
    public void Is_a_valid_GitLab_Code_Quality_report_with_one_issue_per_reportable_finding()
    {
        var bytes = ReportWriter.Render(ReportFormat.CodeQuality, Fixture.Result, Golden.Settings);
        SchemaValidation.ShouldBeValidGitLabCodeQuality(bytes);

        var issues = JsonNode.Parse(bytes)!.AsArray();
        var expected = Fixture.Result.Findings.Where(f => !f.IsSuppressed).ToList();
        expected.Count.ShouldBeGreaterThan(2);
        issues.Count.ShouldBe(expected.Count);
        issues.Select(i => i!["fingerprint"]!.GetValue<string>()).ShouldBe(expected.Select(f => f.Fingerprint));
        issues.Select(i => i!["fingerprint"]!.GetValue<string>()).Distinct().Count().ShouldBe(issues.Count);
        issues.Select(i => i!["location"]!["path"]!.GetValue<string>()).ShouldBe(expected.Select(f => f.Location.File.RelativePath.Replace('\\', '/')));
        issues.Select(i => i!["location"]!["lines"]!["begin"]!.GetValue<int>()).ShouldBe(expected.Select(f => Math.Max(1, f.Location.StartLine)));
        issues.Select(i => i!["check_name"]!.GetValue<string>()).ShouldBe(expected.Select(f => "certlint/" + f.Rule.Name));
    }

    [Test]
    public void Maps_severities_to_GitLabs_scale()
    {
        var bytes = ReportWriter.Render(ReportFormat.CodeQuality, Fixture.Result, Golden.Settings);
        var bySeverity = JsonNode.Parse(bytes)!.AsArray()
            .Zip(Fixture.Result.Findings.Where(f => !f.IsSuppressed))
            .Select(p => (p.Second.Severity, GitLab: p.First!["severity"]!.GetValue<string>()))
            .Distinct().ToList();
        bySeverity.ShouldContain((Severity.Error, "critical"));
        bySeverity.ShouldContain((Severity.Warning, "major"));
        bySeverity.ShouldAllBe(p => p.Severity != Severity.Note || p.GitLab == "info");
    }

    [Test]
    public void An_empty_result_is_an_empty_array()
    {
        var bytes = ReportWriter.Render(ReportFormat.CodeQuality, TestResults.With(Fixture.Result, findings: []), Golden.Settings);
        SchemaValidation.ShouldBeValidGitLabCodeQuality(bytes);
        JsonNode.Parse(bytes)!.AsArray().Count.ShouldBe(0);
    }
}
