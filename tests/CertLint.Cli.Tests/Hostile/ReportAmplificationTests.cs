using System.Text;
using System.Text.Json;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 11 item 4: a file of stray BEGIN lines, or thousands of empty .pem files, must not turn into megabytes of
/// report: findings are capped per file and per rule, with one "N more" finding standing for the rest.
/// </summary>
public class ReportAmplificationTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-amplify-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private List<(string Rule, string Path, string Message, string Severity)> Findings(params string[] extra)
    {
        var r = CliRunner.Process(_dir, null, [".", "--now", "2026-06-01", "--json", "report.json", "--junit", "report.xml", .. extra]);
        r.ExitCode.ShouldBe(1, r.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("message").GetString()!, f.GetProperty("severity").GetString()!))
            .ToList();
    }

    [Test]
    public void Stray_begin_lines_give_at_most_the_per_file_cap_and_one_more_finding()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 20_000; i++) text.Append("-----BEGIN CERTIFICATE-----\n");
        File.WriteAllText(Path.Combine(_dir, "stray.pem"), text.ToString());

        var all = Findings();
        // The scanner keeps 50 damaged blocks and one that counts the other 19,950; all 51 fit under the per-file cap.
        all.Count.ShouldBe(51);
        all.Count(f => f.Message.Contains("19950 more damaged PEM lines or blocks from line 51 on", StringComparison.Ordinal)).ShouldBe(1);
        new FileInfo(Path.Combine(_dir, "report.json")).Length.ShouldBeLessThan(200_000);
        new FileInfo(Path.Combine(_dir, "report.xml")).Length.ShouldBeLessThan(200_000);

        File.WriteAllText(Path.Combine(_dir, ".certlint.yml"), "limits:\n  findingsPerFile: 10\n");
        var capped = Findings();
        capped.Count.ShouldBe(11);
        capped.Single(f => f.Message.Contains(" more ", StringComparison.Ordinal)).ShouldBe(
            ("parse-error", "stray.pem", "41 more parse-error findings in stray.pem not shown: at most 10 findings are reported per file (limits.findingsPerFile)", "error"));
    }

    [Test]
    public void Many_bad_files_give_at_most_the_per_rule_cap_and_one_more_finding()
    {
        for (var i = 0; i < 120; i++) File.WriteAllText(Path.Combine(_dir, $"empty{i:000}.pem"), "");
        File.WriteAllText(Path.Combine(_dir, ".certlint.yml"), "limits:\n  findingsPerRule: 50\n");
        var all = Findings();
        all.Count.ShouldBe(51);
        all.Count(f => f.Message == "70 more parse-error findings not shown: at most 50 findings are reported per rule (limits.findingsPerRule)").ShouldBe(1);
    }
}
