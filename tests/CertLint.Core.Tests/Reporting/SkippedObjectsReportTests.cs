using CertLint.Engine;
using CertLint.Reporting;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// The listed not-applicable / not-effective objects (LintRequest.ListSkipped, every host's -v) through the engine:
/// the JSON report stays valid against docs/schema, JUnit against junit-10.xsd, and the engine records nothing
/// unless asked.
/// </summary>
public class SkippedObjectsReportTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void Write()
    {
        _dir = new TempDirectory();
        Directory.CreateDirectory(_dir[".git"]); // the repository root: report paths are relative to it
        var root = TestPki.CreateRoot("Acme Root");
        TestPki.WritePem(_dir.Path, "certs/ca.pem", root);
        TestPki.WritePem(_dir.Path, "certs/leaf.pem", root.Issue("api.acme.test"));
        var old = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        TestPki.WritePem(_dir.Path, "certs/old.pem", root.Issue("old.acme.test", o => o.Valid(old, old.AddYears(10))));
        Directory.CreateDirectory(_dir["rules"]);
        File.WriteAllText(_dir["rules/leaf.yml"],
            "id: ACME201\nname: acme-leaf\ntitle: t\nseverity: error\nwhere: { kind: certificate, leaf: true }\ncheck: { field: version, equals: 3 }\n");
        File.WriteAllText(_dir["rules/young.yml"],
            "id: ACME202\nname: acme-young\ntitle: t\nseverity: error\neffective: { from: '2020-09-30', until: '2030-01-01' }\ncheck: { field: version, equals: 3 }\nwhere: { kind: certificate }\n");
    }

    [TearDown]
    public void Remove() => _dir.Dispose();

    private LintResult Run(bool list) => new LintEngine().Run(new LintRequest
    {
        Paths = [_dir["certs"]],
        WorkingDirectory = _dir.Path,
        RuleDirectories = [_dir["rules"]],
        Packs = ["-core", "-rfc5280"],
        Now = TestPki.DefaultNow,
        ListSkipped = list,
    });

    [Test]
    public void Listed_objects_are_valid_json_and_junit()
    {
        var result = Run(list: true);

        result.SkippedObjects.ShouldNotBeNull();
        result.SkippedObjects["ACME201"].NotApplicable.Objects.Select(o => o.Location.File.RelativePath).ShouldBe(["certs/ca.pem"]);
        result.SkippedObjects["ACME202"].NotEffective.Objects.Select(o => o.Location.File.RelativePath).ShouldBe(["certs/old.pem"]);
        SchemaValidation.ShouldBeValidCertLintJson(ReportWriter.Render(ReportFormat.Json, result));
        var junit = ReportWriter.Render(ReportFormat.JUnit, result);
        SchemaValidation.ShouldBeValidJUnit(junit);
        System.Text.Encoding.UTF8.GetString(junit).ShouldContain(
            "<skipped type=\"not-effective\" message=\"not effective (issued before 2020-09-30 or on or after 2030-01-01)\" />");
    }

    [Test]
    public void Nothing_is_recorded_unless_asked()
    {
        var result = Run(list: false);

        result.SkippedObjects.ShouldBeNull();
        result.Skips["ACME201"].NotApplicable.ShouldBe(1);
        result.Skips["ACME202"].NotEffective.ShouldBe(1);
        SchemaValidation.ShouldBeValidCertLintJson(ReportWriter.Render(ReportFormat.Json, result));
        System.Text.Encoding.UTF8.GetString(ReportWriter.Render(ReportFormat.JUnit, result)).ShouldNotContain("<skipped");
    }
}
