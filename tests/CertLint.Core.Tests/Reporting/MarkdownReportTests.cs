using System.Text;
using CertLint.Findings;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

public class MarkdownReportTests
{
    private static readonly ReportFixture Fixture = new();

    [Test]
    public void Matches_the_approved_report()
    {
        Golden.Render(ReportFormat.Markdown, Fixture.Result).ShouldMatchApproved(Golden.Config("md"));
    }

    [Test]
    public void Escapes_markup_and_html_in_values()
    {
        var md = Golden.Render(ReportFormat.Markdown, Fixture.Result);
        md.ShouldNotContain("<b>");
        md.ShouldContain(@"Acme \\&lt;b\\&gt;&#124;\*Corp\*&#124;\\&lt;/b\\&gt; &amp; \_Sons\_", Case.Sensitive);
        MarkdownText.Escape("a|b\n[x](javascript:y) <script>").ShouldBe("a&#124;b \\[x\\](javascript:y) &lt;script&gt;");
    }

    [Test]
    public void Lists_every_certificate_soonest_expiry_first()
    {
        var md = Golden.Render(ReportFormat.Markdown, Fixture.Result);
        var expiry = md[md.IndexOf("### Certificate expiry", StringComparison.Ordinal)..];
        var dates = expiry.Split('\n').Where(l => l.StartsWith("| 20", StringComparison.Ordinal)).Select(l => l[2..12]).ToList();
        dates.Count.ShouldBe(Fixture.Result.Inventory.Certificates.Count);
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToList());
        dates[0].ShouldBe("2026-01-01");
    }

    [Test]
    public void Stays_under_the_size_cap_on_big_scans_and_says_what_was_cut()
    {
        var template = Fixture.Result.Findings.First(f => f.Rule.Id == "CL0101");
        var many = Enumerable.Range(0, 20_000)
            .Select(i => template with { Message = $"finding {i} " + new string('x', 80) })
            .ToList();
        var big = TestResults.With(Fixture.Result, findings: many);

        var md = ReportWriter.Render(ReportFormat.Markdown, big);
        md.Length.ShouldBeLessThan(1024 * 1024);
        var text = Encoding.UTF8.GetString(md);
        text.ShouldContain("more findings not shown");
        text.ShouldContain("### Certificate expiry");

        var small = ReportWriter.Render(ReportFormat.Markdown, big, new ReportSettings { MarkdownMaxBytes = 8 * 1024 });
        small.Length.ShouldBeLessThanOrEqualTo(8 * 1024);
    }

    [Test]
    public void Says_so_when_there_is_nothing_to_report()
    {
        var clean = TestResults.With(Fixture.Result, findings: []);
        var md = Golden.Render(ReportFormat.Markdown, clean);
        md.ShouldContain("**Passed**");
        md.ShouldContain("No findings.");
        clean.Count(Severity.Error).ShouldBe(0);
    }
}
