using System.Text.Json.Nodes;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class JsonReportTests
{
    private static readonly ReportFixture Fixture = new();

    [Test]
    public void Matches_the_approved_report_and_its_schema()
    {
        var bytes = ReportWriter.Render(ReportFormat.Json, Fixture.Result, Golden.Settings);
        SchemaValidation.ShouldBeValidCertLintJson(bytes);
        Golden.Text(bytes, Fixture.Result).ShouldMatchApproved(Golden.Config("json"));
    }

    [Test]
    public void Describes_objects_chains_and_findings()
    {
        var doc = JsonNode.Parse(ReportWriter.Render(ReportFormat.Json, Fixture.Result, Golden.Settings))!;
        doc["schemaVersion"]!.GetValue<int>().ShouldBe(1);
        doc["exitCode"]!.GetValue<int>().ShouldBe(1);
        doc["summary"]!["findings"]!["error"]!.GetValue<int>().ShouldBe(5);
        doc["summary"]!["suppressed"]!.GetValue<int>().ShouldBe(1);
        doc["files"]!.AsArray().Count.ShouldBe(Fixture.Result.Inventory.Files.Count);

        var client = doc["certificates"]!.AsArray().Single(c => c!["serial"]!.GetValue<string>() == "1A2B")!;
        client["role"]!.GetValue<string>().ShouldBe("client");
        client["chainStatus"]!.GetValue<string>().ShouldBe("incomplete");
        client["notAfter"]!.GetValue<string>().ShouldBe("2026-01-01T00:00:00Z");
        var key = doc["keys"]!.AsArray().Single()!;
        key["pairedCertificates"]!.AsArray().Single()!.GetValue<string>().ShouldBe(client["sha256"]!.GetValue<string>());
        client["pairedKeys"]!.AsArray().Single()!.GetValue<string>().ShouldBe(key["fingerprint"]!.GetValue<string>());
        doc["files"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == "certs/client.key")!["mode"]!.GetValue<string>().ShouldBe("0644");

        var server = doc["chains"]!.AsArray().Single(c => c!["path"]!.AsArray().Count == 2)!;
        server["status"]!.GetValue<string>().ShouldBe("complete");
        var findings = doc["findings"]!.AsArray();
        findings.Count.ShouldBe(Fixture.Result.Findings.Count);
        findings.Count(f => f!["failing"]!.GetValue<bool>()).ShouldBe(5);
        findings.Single(f => f!["suppression"] is not null)!["suppression"]!["expires"]!.GetValue<string>().ShouldBe("2026-09-30");
    }
}
