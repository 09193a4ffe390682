using CertLint.Engine;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class ReportWriterTests
{
    [Test]
    public void Same_input_gives_the_same_bytes()
    {
        // Two fixtures made independently: certificates, fingerprints and every report byte must agree.
        var a = new ReportFixture().Result;
        var b = new ReportFixture().Result;
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            ReportWriter.Render(format, a, Golden.Settings).ShouldBe(ReportWriter.Render(format, b, Golden.Settings), format.ToString());
        }
    }

    [Test]
    public void Writes_every_requested_report_creating_folders()
    {
        var dir = Directory.CreateTempSubdirectory("certlint-reports-").FullName;
        try
        {
            var result = new ReportFixture().Result;
            var outputs = new ReportOutputs(Sarif: "out/a/r.sarif", JUnit: "out/b/junit.xml", Json: Path.Combine(dir, "c", "r.json"), Markdown: "summary.md");
            ReportWriter.WriteFiles(result, outputs, Golden.Settings with { OutputDirectory = dir });
            File.ReadAllBytes(Path.Combine(dir, "out", "a", "r.sarif")).ShouldBe(ReportWriter.Render(ReportFormat.Sarif, result, Golden.Settings));
            File.ReadAllBytes(Path.Combine(dir, "out", "b", "junit.xml")).ShouldBe(ReportWriter.Render(ReportFormat.JUnit, result, Golden.Settings));
            File.ReadAllBytes(Path.Combine(dir, "c", "r.json")).ShouldBe(ReportWriter.Render(ReportFormat.Json, result, Golden.Settings));
            File.ReadAllBytes(Path.Combine(dir, "summary.md")).ShouldBe(ReportWriter.Render(ReportFormat.Markdown, result, Golden.Settings));
            SchemaValidation.ShouldBeValidSarif(File.ReadAllBytes(Path.Combine(dir, "out", "a", "r.sarif")));
            SchemaValidation.ShouldBeValidJUnit(File.ReadAllBytes(Path.Combine(dir, "out", "b", "junit.xml")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void A_report_path_that_cannot_be_written_is_a_user_error()
    {
        var dir = Directory.CreateTempSubdirectory("certlint-reports-").FullName;
        try
        {
            var blocker = Path.Combine(dir, "file");
            File.WriteAllText(blocker, "");
            var e = Should.Throw<UserErrorException>(() =>
                ReportWriter.WriteFiles(new ReportFixture().Result, new ReportOutputs(Json: Path.Combine(blocker, "r.json"))));
            e.Message.ShouldContain("r.json");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
