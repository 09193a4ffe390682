using CertLint.Model;
using CertLint.Tests.Pki;
using CertLint.Usage;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Configuration problems are kept per reading up to a cap, then counted: files of stray closing tags once kept an
/// issue per line and then matched every issue against every file (files x issues).
/// </summary>
public sealed class ConfigIssueCapTests
{
    [Test]
    public void Two_thousand_files_of_stray_closing_tags_are_reported_in_bounded_time()
    {
        using var dir = new TempDirectory();
        // 2,000 Apache files of 2,000 lines "</a>" (10 KB each, 20 MB in all): 4 million problems, each once matched
        // against each of the 2,000 files, 8 x 10^9 comparisons.
        var text = new System.Text.StringBuilder("SSLEngine on\n");
        for (var i = 0; i < 2_000; i++) text.Append("</a>\n");
        for (var f = 0; f < 2_000; f++) File.WriteAllText(dir[$"httpd{f}.conf"], text.ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        var errors = result.Of("parse-error");
        errors.Length.ShouldBeInRange(2, 1_100);   // capped per rule (1,000) and per file ("N more"): not 4 million
        errors.ShouldContain(e => e.Contains(".conf:2 ", StringComparison.Ordinal) && e.Contains("'</a>' closes no section", StringComparison.Ordinal));
    }

    [Test]
    public void A_reading_keeps_a_hundred_problems_then_one_that_counts_the_rest_at_the_first_not_listed()
    {
        var file = new SourceFile("/repo/httpd.conf", "httpd.conf", 0, null);
        var result = new ConfigReadResult();

        for (var line = 1; line <= 150; line++) result.Error(new SourceLocation(file, line, line), $"problem {line}");

        result.Issues.Count.ShouldBe(ConfigReadResult.MaxIssues + 1);
        result.Issues[99].Message.ShouldBe("problem 100");
        result.Issues[^1].Location.StartLine.ShouldBe(101);
        result.Issues[^1].Message.ShouldBe("more than 100 problems in this configuration: 50 from this one on (by reading order) are not listed");
    }
}
