using System.Text.Json;
using System.Text.Json.Nodes;
using CertLint.Findings;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class SarifReportTests
{
    private static readonly ReportFixture Fixture = new();

    private static JsonNode Run(byte[] sarif) => JsonNode.Parse(sarif)!["runs"]!.AsArray().Single()!;

    [Test]
    public void Matches_the_approved_report()
    {
        var bytes = ReportWriter.Render(ReportFormat.Sarif, Fixture.Result, Golden.Settings);
        SchemaValidation.ShouldBeValidSarif(bytes);
        Golden.Text(bytes, Fixture.Result).ShouldMatchApproved(Golden.Config("sarif"));
    }

    [Test]
    public void Has_one_run_with_the_driver_and_every_rule()
    {
        var run = Run(ReportWriter.Render(ReportFormat.Sarif, Fixture.Result, Golden.Settings));
        var driver = run["tool"]!["driver"]!;
        driver["name"]!.GetValue<string>().ShouldBe("CertLint");
        driver["semanticVersion"]!.GetValue<string>().ShouldBe("1.0.0-test");
        driver["informationUri"]!.GetValue<string>().ShouldStartWith("https://");
        var rules = driver["rules"]!.AsArray();
        rules.Select(r => r!["id"]!.GetValue<string>()).ShouldBe(Fixture.Result.Rules.Select(r => r.Id));
        foreach (var rule in rules)
        {
            rule!["shortDescription"]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            rule["fullDescription"]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            rule["help"]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            rule["help"]!["markdown"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            rule["helpUri"]!.GetValue<string>().ShouldEndWith(rule["name"]!.GetValue<string>() + ".md");
            rule["defaultConfiguration"]!["level"]!.GetValue<string>().ShouldBeOneOf("error", "warning", "note");
            rule["properties"]!["precision"]!.GetValue<string>().ShouldBe("very-high");
        }
        var expired = rules.Single(r => r!["name"]!.GetValue<string>() == "cert-expired")!;
        expired["properties"]!["security-severity"]!.GetValueKind().ShouldBe(JsonValueKind.String);
        expired["properties"]!["security-severity"]!.GetValue<string>().ShouldBe("7.5");
        expired["properties"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("security");
        rules.Single(r => r!["name"]!.GetValue<string>() == "cn-not-in-san")!["properties"]!.AsObject().ContainsKey("security-severity").ShouldBeFalse();
        run["automationDetails"]!["id"]!.GetValue<string>().ShouldBe("certlint/ci/");
    }

    [Test]
    public void Results_point_at_their_rule_and_a_relative_location_under_SRCROOT()
    {
        var run = Run(ReportWriter.Render(ReportFormat.Sarif, Fixture.Result, Golden.Settings));
        var root = run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]!.GetValue<string>();
        root.ShouldStartWith("file:///");
        root.ShouldEndWith("/certlint-fixture/");
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        var unsuppressed = Fixture.Result.Findings.Where(f => !f.IsSuppressed).ToList();
        results.Count.ShouldBe(unsuppressed.Count);
        foreach (var (r, f) in results.Zip(unsuppressed))
        {
            var ruleId = r!["ruleId"]!.GetValue<string>();
            ruleId.ShouldBe(f.Rule.Id);
            rules[r["ruleIndex"]!.GetValue<int>()]!["id"]!.GetValue<string>().ShouldBe(ruleId);
            r["level"]!.GetValue<string>().ShouldBe(f.Severity.ToText());
            r["message"]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            var physical = r["locations"]!.AsArray()[0]!["physicalLocation"]!;
            physical["artifactLocation"]!["uri"]!.GetValue<string>().ShouldBe(f.Location.File.RelativePath);
            physical["artifactLocation"]!["uriBaseId"]!.GetValue<string>().ShouldBe("%SRCROOT%");
            physical["region"]!["startLine"]!.GetValue<int>().ShouldBe(f.Location.StartLine);
            physical["region"]!["endLine"]!.GetValue<int>().ShouldBe(Math.Max(f.Location.StartLine, f.Location.EndLine));
            r["partialFingerprints"]![SarifReport.FingerprintKey]!.GetValue<string>().ShouldBe(f.Fingerprint);
            r.AsObject().ContainsKey("suppressions").ShouldBeFalse();
            r.AsObject().ContainsKey("baselineState").ShouldBeFalse();
        }
        // A PEM block spans its lines; a binary file is line 1.
        var client = results.Single(r => r!["ruleId"]!.GetValue<string>() == "CL0101")!["locations"]![0]!["physicalLocation"]!["region"]!;
        client["endLine"]!.GetValue<int>().ShouldBeGreaterThan(client["startLine"]!.GetValue<int>());
        var der = results.Single(r => r!["ruleId"]!.GetValue<string>() == "CL0103")!["locations"]![0]!["physicalLocation"]!["region"]!;
        (der["startLine"]!.GetValue<int>(), der["endLine"]!.GetValue<int>()).ShouldBe((1, 1));
    }

    [Test]
    public void Suppressed_findings_are_left_out_unless_asked_then_carry_an_external_suppression()
    {
        var bytes = ReportWriter.Render(ReportFormat.Sarif, Fixture.Result, Golden.Settings with { IncludeSuppressedInSarif = true });
        SchemaValidation.ShouldBeValidSarif(bytes);
        var results = Run(bytes)["results"]!.AsArray();
        results.Count.ShouldBe(Fixture.Result.Findings.Count);
        var suppressed = results.Single(r => r!["ruleId"]!.GetValue<string>() == "CL0404")!["suppressions"]!.AsArray().Single()!;
        suppressed["kind"]!.GetValue<string>().ShouldBe("external");
        suppressed["justification"]!.GetValue<string>().ShouldBe("legacy device, replaced in Q3");
    }

    [Test]
    public void Paths_with_spaces_and_odd_characters_are_escaped_uri_references()
    {
        SarifReport.RelativeUri("my certs/a#1.pem").ShouldBe("my%20certs/a%231.pem");
        SarifReport.RootUri("/tmp/x y").ShouldBe("file:///tmp/x%20y/");
        SarifReport.CategoryId("certlint").ShouldBe("certlint/");
        SarifReport.ArtifactUri(new Model.SourceFile("/etc/ssl/ca one.pem", "/etc/ssl/ca one.pem", 1, null)).ShouldBe("file:///etc/ssl/ca%20one.pem");
        SarifReport.ArtifactUri(new Model.SourceFile("/r/certs/a b.pem", "certs/a b.pem", 1, null)).ShouldBe("certs/a%20b.pem");
    }

    [Test]
    public void A_finding_with_other_places_has_them_as_relatedLocations_in_sarif_and_beside_it_in_json_markdown_and_console()
    {
        var f = Fixture.Result.Findings.First(f => !f.IsSuppressed);
        var at = new Model.SourceLocation(new Model.SourceFile("/r/client/app.conf", "client/app.conf", 1, null), 12, 12);
        var related = f with { Related = [new(at, "presented as the client certificate of app"), new(at with { StartLine = 30, EndLine = 31 }, "server web requires client certificates")] };
        var result = TestResults.With(Fixture.Result, findings: [.. Fixture.Result.Findings.Select(x => ReferenceEquals(x, f) ? related : x)]);

        var sarif = ReportWriter.Render(ReportFormat.Sarif, result, Golden.Settings);
        SchemaValidation.ShouldBeValidSarif(sarif);
        var results = Run(sarif)["results"]!.AsArray();
        var withRelated = results.Where(r => r!.AsObject().ContainsKey("relatedLocations")).ShouldHaveSingleItem()!;
        withRelated["ruleId"]!.GetValue<string>().ShouldBe(f.Rule.Id);
        var locations = withRelated["relatedLocations"]!.AsArray();
        locations.Select(l => (l!["id"]!.GetValue<int>(), l["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>(),
                l["physicalLocation"]!["region"]!["startLine"]!.GetValue<int>(), l["physicalLocation"]!["region"]!["endLine"]!.GetValue<int>(),
                l["message"]!["text"]!.GetValue<string>()))
            .ShouldBe([(1, "client/app.conf", 12, 12, "presented as the client certificate of app"), (2, "client/app.conf", 30, 31, "server web requires client certificates")]);

        var json = ReportWriter.Render(ReportFormat.Json, result, Golden.Settings);
        SchemaValidation.ShouldBeValidCertLintJson(json);
        var findings = JsonNode.Parse(json)!["findings"]!.AsArray();
        findings.Count(x => x!.AsObject().ContainsKey("related")).ShouldBe(1);
        var first = findings.Single(x => x!.AsObject().ContainsKey("related"))!["related"]!.AsArray()[0]!;
        (first["path"]!.GetValue<string>(), first["startLine"]!.GetValue<int>(), first["message"]!.GetValue<string>())
            .ShouldBe(("client/app.conf", 12, "presented as the client certificate of app"));

        var markdown = System.Text.Encoding.UTF8.GetString(ReportWriter.Render(ReportFormat.Markdown, result, Golden.Settings));
        markdown.ShouldContain("<br>also client/app.conf:12: presented as the client certificate of app<br>also client/app.conf:30-31: server web requires client certificates |");

        var console = new StringWriter();
        ConsoleReport.Write(result, console, new ConsoleOptions());
        console.ToString().ShouldContain("also client/app.conf:30-31: server web requires client certificates");
    }

    [Test]
    public void Without_a_category_there_is_no_automation_details()
    {
        var run = Run(ReportWriter.Render(ReportFormat.Sarif, Fixture.Result, Golden.Settings with { Category = null }));
        run.AsObject().ContainsKey("automationDetails").ShouldBeFalse();
    }
}
