using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertLint.Reporting.Html;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// The HTML page stays small for big fleets: under 5 MB for 10,000 certificates with every finding listed, and
/// bounded beyond, where it keeps the histogram, the certificates that expire first, the failing chains first and
/// the most severe findings, and says what it left out.
/// </summary>
public class HtmlReportSizeTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private static (byte[] Json, string Html) Render(int certificates)
    {
        var json = FleetReport.Json(certificates);
        using var doc = JsonDocument.Parse(json);
        using var page = new MemoryStream();
        HtmlReport.Write(doc.RootElement, page);
        return (json, Encoding.UTF8.GetString(page.ToArray()));
    }

    /// <summary>Where the bytes go, for the record in docs/reports.md.</summary>
    private static void Sections(string html)
    {
        foreach (var id in new[] { "summary", "timeline", "chains", "findings", "suppressed" })
            TestContext.Out.WriteLine($"  {id}: {Encoding.UTF8.GetByteCount(Section(html, id)):N0} bytes");
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static int Count(string html, string pattern) => Regex.Count(html, pattern);

    [Test]
    public void The_generated_fleet_is_a_valid_JSON_report() =>
        SchemaValidation.ShouldBeValidCertLintJson(FleetReport.Json(300));

    [Test]
    public void Ten_thousand_certificates_make_a_page_under_5_MB_with_every_finding()
    {
        var (json, html) = Render(10_000);
        var bytes = Encoding.UTF8.GetByteCount(html);
        TestContext.Out.WriteLine($"10,000 certificates: JSON report {json.Length:N0} bytes, HTML page {bytes:N0} bytes");
        Sections(html);
        bytes.ShouldBeLessThan(FiveMegabytes);

        using var doc = JsonDocument.Parse(json);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var open = findings.Count(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null);
        TestContext.Out.WriteLine($"  {open} open and {findings.Count - open} suppressed findings");
        open.ShouldBeGreaterThan(1500, "a fleet in a bad state");
        Count(html, "<tr class=\"finding\"").ShouldBe(findings.Count, "every finding, suppressed ones included, is listed");
        Count(html, "<rect class=\"week\"").ShouldBeGreaterThan(10, "the histogram of expiries per week");
        Count(html, "class=\"cert-bar ").ShouldBe(HtmlTimeline.ListLimit);
        html.ShouldContain($"{10_000 - HtmlTimeline.ListLimit} more certificates, valid until ");
        Count(html, "<figure class=\"chain ").ShouldBe(HtmlChains.MaxGraphs);
        Count(html, "<figure class=\"chain chain-incomplete").ShouldBe(
            doc.RootElement.GetProperty("chains").EnumerateArray().Count(c => c.GetProperty("status").GetString() == "incomplete"),
            "failing chains are drawn first");
    }

    [Test]
    public void Beyond_that_the_page_stays_bounded_and_says_what_it_left_out()
    {
        var (json, html) = Render(25_000);
        var bytes = Encoding.UTF8.GetByteCount(html);
        TestContext.Out.WriteLine($"25,000 certificates: JSON report {json.Length:N0} bytes, HTML page {bytes:N0} bytes");
        Sections(html);
        bytes.ShouldBeLessThan(6 * 1024 * 1024);
        Count(html, "class=\"cert-bar ").ShouldBe(HtmlTimeline.ListLimit);
        var findings = Section(html, "findings");
        Count(findings, "<tr class=\"finding\"").ShouldBe(HtmlFindings.MaxRows);
        using var doc = JsonDocument.Parse(json);
        var errors = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Count(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null && f.GetProperty("severity").GetString() == "error");
        errors.ShouldBeLessThan(HtmlFindings.MaxRows);
        TestContext.Out.WriteLine($"  {errors} open errors, {Count(Section(html, "suppressed"), "<tr class=\"finding\"")} suppressed rows");
        Count(findings, "<tr class=\"finding\" data-severity=\"error\"").ShouldBe(errors, "the most severe are kept");
        findings.ShouldContain("more findings, the least severe, are not listed");
        html.ShouldContain("more chains are not drawn");
    }
}
