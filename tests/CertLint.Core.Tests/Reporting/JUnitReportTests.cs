using System.Xml.Linq;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class JUnitReportTests
{
    private static readonly ReportFixture Fixture = new();

    private static XDocument Report() => XDocument.Parse(Golden.Render(ReportFormat.JUnit, Fixture.Result));

    private static XElement Case(XDocument doc, string nameStart) =>
        doc.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith(nameStart, StringComparison.Ordinal));

    [Test]
    public void Matches_the_approved_report()
    {
        var bytes = ReportWriter.Render(ReportFormat.JUnit, Fixture.Result, Golden.Settings);
        SchemaValidation.ShouldBeValidJUnit(bytes);
        Golden.Text(bytes, Fixture.Result).ShouldMatchApproved(Golden.Config("xml"));
    }

    [Test]
    public void Has_one_suite_per_file_and_one_case_per_rule_and_object_checked()
    {
        var doc = Report();
        var suites = doc.Root!.Elements("testsuite").ToList();
        suites.Select(s => (string)s.Attribute("name")!).ShouldBe(Fixture.Result.Inventory.Files.Select(f => f.File.RelativePath).Order(StringComparer.Ordinal));
        // Every check is a case (passing ones too), plus findings on objects no check listed (the parse errors, the keystore).
        var cases = doc.Descendants("testcase").ToList();
        cases.Count.ShouldBe(Fixture.Result.Checks.Count + 3);
        foreach (var suite in suites)
        {
            var names = suite.Elements("testcase").Select(c => (string)c.Attribute("name")!).ToList();
            names.ShouldBeUnique();
            foreach (var c in suite.Elements("testcase"))
            {
                ((string)c.Attribute("file")!).ShouldBe((string)suite.Attribute("name")!);
                int.Parse((string)c.Attribute("line")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
            }
        }
        var expired = Case(doc, "cert-expired: CN=client.acme.test");
        expired.Attribute("name")!.Value.ShouldEndWith(", serial 1A2B (certs/client.crt)");
        expired.Attribute("classname")!.Value.ShouldBe("certlint.cert-expired");
        Case(doc, "parse-error: certs/broken.pem").Attribute("name")!.Value.ShouldBe("parse-error: certs/broken.pem");
    }

    [Test]
    public void Failures_skips_and_errors_follow_fail_on_suppressions_and_unreadable_files()
    {
        var doc = Report();
        var expired = Case(doc, "cert-expired: CN=client.acme.test").Element("failure")!;
        expired.Attribute("message")!.Value.ShouldContain("expired on 2026-01-01");
        expired.Value.ShouldContain("certs/client.crt:1-");
        Case(doc, "self-signed-leaf: CN=legacy-device").Element("skipped")!.Attribute("message")!.Value.ShouldContain("legacy device, replaced in Q3");
        Case(doc, "parse-error: certs/locked.key").Element("error")!.Attribute("message")!.Value.ShouldContain("Permission denied");
        Case(doc, "parse-error: certs/broken.pem").Element("failure").ShouldNotBeNull();
        // A note is below --fail-on error: the test passes and says why in its output.
        var note = Case(doc, "cn-not-in-san: CN=Acme Web");
        note.Elements().Select(e => e.Name.LocalName).ShouldBe(["system-out"]);
        // Passing checks are listed without children.
        Case(doc, "cert-expired: CN=Acme Web").Elements().ShouldBeEmpty();
    }

    [Test]
    public void Counts_agree_with_the_cases()
    {
        var doc = Report();
        foreach (var suite in doc.Root!.Elements("testsuite"))
        {
            var cases = suite.Elements("testcase").ToList();
            Attr(suite, "tests").ShouldBe(cases.Count);
            Attr(suite, "failures").ShouldBe(cases.Count(c => c.Element("failure") is not null));
            Attr(suite, "errors").ShouldBe(cases.Count(c => c.Element("error") is not null));
            Attr(suite, "skipped").ShouldBe(cases.Count(c => c.Element("skipped") is not null));
        }
        var all = doc.Descendants("testcase").ToList();
        Attr(doc.Root!, "tests").ShouldBe(all.Count);
        Attr(doc.Root!, "failures").ShouldBe(4);
        Attr(doc.Root!, "errors").ShouldBe(1);
    }

    [Test]
    public void Fail_on_none_turns_every_failure_into_a_pass()
    {
        var result = new ReportFixture().Result;
        var relaxed = TestResults.With(result, failOn: Findings.Severity.None);
        var doc = XDocument.Parse(Golden.Render(ReportFormat.JUnit, relaxed));
        doc.Descendants("failure").ShouldBeEmpty();
        doc.Descendants("error").ShouldBeEmpty("the verdict follows the exit code, which is 0");
        doc.Descendants("system-out").Count().ShouldBe(relaxed.Findings.Count(f => !f.IsSuppressed));
        SchemaValidation.ShouldBeValidJUnit(ReportWriter.Render(ReportFormat.JUnit, relaxed));
    }

    private static int Attr(XElement e, string name) => int.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
}
