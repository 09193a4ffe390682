using System.Text.Json.Nodes;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class SarifBaselineTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("certlint-baseline-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, true);

    [Test]
    public void Round_trip_marks_new_unchanged_updated_and_absent()
    {
        // Before: no cn-not-in-san note yet. After: that note is new, the expiring-soon warning is gone, the key
        // permission message changed, and the expired certificate moved down its file (same fingerprint).
        var before = new ReportFixture(skipFindings: s => s.Label.StartsWith("CN=Acme Web", StringComparison.Ordinal));
        var path = Path.Combine(_dir, "old.sarif");
        ReportWriter.WriteFiles(before.Result, new ReportOutputs(Sarif: path), Golden.Settings);

        var after = new ReportFixture(
            skipFindings: s => s.Label.StartsWith("CN=legacy", StringComparison.Ordinal),
            edit: f => f.Rule.Id switch
            {
                "CL0302" => f with { Message = f.Message.Replace("0644", "0640", StringComparison.Ordinal) },
                "CL0101" => f with { Subject = f.Subject with { Location = f.Location with { StartLine = 40, EndLine = 60 } } },
                _ => f,
            });

        var baseline = SarifBaseline.Load(path);
        var states = baseline.Compare(after.Result.Findings);
        var absent = baseline.Absent(after.Result.Findings);

        string StateOf(string ruleId) => states[after.Result.Findings.Single(f => f.Rule.Id == ruleId).Fingerprint];
        StateOf("CL0503").ShouldBe("new");
        StateOf("CL0302").ShouldBe("updated");
        StateOf("CL0101").ShouldBe("unchanged");
        StateOf("CL0401").ShouldBe("unchanged");
        absent.Select(a => a.RuleId).ShouldBe(["CL0103"], "the suppressed self-signed-leaf was never in the baseline");
        absent[0].Uri.ShouldBe("certs/legacy.der");

        var result = TestResults.With(after.Result, baselineStates: states, absent: absent, newOnly: true);
        var sarif = ReportWriter.Render(ReportFormat.Sarif, result, Golden.Settings);
        SchemaValidation.ShouldBeValidSarif(sarif);
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        results.Select(r => r!["baselineState"]!.GetValue<string>()).Distinct().Order().ShouldBe(["absent", "new", "unchanged", "updated"]);
        results.Single(r => r!["baselineState"]!.GetValue<string>() == "absent")!["ruleId"]!.GetValue<string>().ShouldBe("CL0103");

        // --new-only: only the new note could fail the run, and it is below --fail-on.
        result.Failing.ShouldBeEmpty();
        TestResults.With(result, failOn: Severity.Note).Failing.Select(f => f.Rule.Id).ShouldBe(["CL0503"]);

        // JUnit agrees with the exit code: with --new-only nothing old fails the tests.
        var junit = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(ReportWriter.Render(ReportFormat.JUnit, result)));
        junit.Descendants("failure").ShouldBeEmpty();
        junit.Descendants("error").ShouldBeEmpty();

        // The new report as the next baseline: absent results are history, not findings to compare with.
        var next = Path.Combine(_dir, "next.sarif");
        File.WriteAllBytes(next, sarif);
        SarifBaseline.Load(next).Entries.Values.ShouldNotContain(e => e.RuleId == "CL0103");
    }

    [Test]
    public void The_same_run_against_its_own_baseline_is_all_unchanged()
    {
        var fixture = new ReportFixture();
        var path = Path.Combine(_dir, "same.sarif");
        ReportWriter.WriteFiles(fixture.Result, new ReportOutputs(Sarif: path), Golden.Settings);
        var baseline = SarifBaseline.Load(path);
        var unsuppressed = fixture.Result.Findings.Where(f => !f.IsSuppressed).ToList();
        baseline.Compare(unsuppressed).Values.ShouldAllBe(s => s == "unchanged");
        baseline.Absent(fixture.Result.Findings).ShouldBeEmpty();
    }

    [TestCase("missing.sarif", null)]
    [TestCase("garbage.sarif", "not json {")]
    [TestCase("noruns.sarif", "{\"version\": \"2.1.0\"}")]
    public void A_bad_baseline_is_a_user_error_naming_the_file(string name, string? content)
    {
        var path = Path.Combine(_dir, name);
        if (content is not null) File.WriteAllText(path, content);
        var e = Should.Throw<UserErrorException>(() => SarifBaseline.Load(path));
        e.Message.ShouldStartWith(path);
    }
}
