using CertLint.Engine;
using CertLint.Findings;
using CertLint.Action.Tests.Harness;
using CertLint.Reporting.GitHub;

namespace CertLint.Action.Tests;

public sealed class GitHubActionsWriterTests
{
    private string _dir = "";
    private string _outputFile = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("certlint-gh-").FullName;
        _outputFile = Path.Combine(_dir, "github_output");
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private (string[] Lines, Dictionary<string, string> Outputs) Write(LintResult result, ReportOutputs? reports = null,
        string? workspace = null)
    {
        var env = new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = _outputFile, ["GITHUB_WORKSPACE"] = workspace };
        var stdout = new StringWriter { NewLine = "\n" };
        new GitHubActionsWriter(name => env.GetValueOrDefault(name)).Write(result, reports ?? new ReportOutputs(), _dir, stdout);
        return (stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), FileCommands.ReadOutputs(_outputFile));
    }

    private static Finding F(Severity s, string path = "certs/a.pem", int line = 1, string message = "m", string id = "CL0101") =>
        FakeResults.Finding(id, "cert-expired", s, path, line, line + 19, message);

    [Test]
    public void Writes_one_annotation_per_finding_with_file_lines_and_title()
    {
        var (lines, _) = Write(FakeResults.Result([F(Severity.Error, line: 3, message: "Certificate expired on 2029-01-01.")]));
        lines.ShouldBe(["::error file=certs/a.pem,line=3,endLine=22,title=CL0101 cert-expired::Certificate expired on 2029-01-01."]);
    }

    [Test]
    public void Orders_errors_then_warnings_then_notices_keeping_the_result_order_within_a_level()
    {
        var result = FakeResults.Result([
            F(Severity.Note, "a.pem"), F(Severity.Warning, "b.pem"), F(Severity.Error, "c.pem"),
            F(Severity.Warning, "d.pem"), F(Severity.Error, "e.pem")]);
        var (lines, _) = Write(result);
        lines.Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]).ShouldBe([
            "::error file=c.pem", "::error file=e.pem", "::warning file=b.pem", "::warning file=d.pem", "::notice file=a.pem"]);
    }

    [Test]
    public void Escapes_data_and_properties_so_nothing_can_start_another_command()
    {
        var finding = FakeResults.Finding("CL0101", "cert-expired", Severity.Error, "we,ird:100%.pem", 1, 1,
            "50% done\r\n::error::injected");
        var (lines, _) = Write(FakeResults.Result([finding]));
        lines.ShouldBe(["::error file=we%2Cird%3A100%25.pem,line=1,endLine=1,title=CL0101 cert-expired::50%25 done ::error::injected"]);
    }

    [Test]
    public void Escaping_follows_the_runner_rules()
    {
        WorkflowCommand.EscapeData("a%b\rc\nd:e,f").ShouldBe("a%25b%0Dc%0Ad:e,f");
        WorkflowCommand.EscapeProperty("a%b\rc\nd:e,f").ShouldBe("a%25b%0Dc%0Ad%3Ae%2Cf");
        WorkflowCommand.EscapeData("%0A").ShouldBe("%250A");
    }

    [Test]
    public void Past_ten_of_a_kind_says_how_many_more_there_are_in_a_final_line()
    {
        var findings = Enumerable.Range(1, 13).Select(i => F(Severity.Error, $"e{i:00}.pem"))
            .Concat(Enumerable.Range(1, 11).Select(i => F(Severity.Warning, $"w{i:00}.pem")))
            .Concat(Enumerable.Range(1, 4).Select(i => F(Severity.Note, $"n{i:00}.pem")));
        var (lines, _) = Write(FakeResults.Result(findings));

        lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)).ShouldBe(10);
        lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)).ShouldBe(10);
        lines.Count(l => l.StartsWith("::notice file=", StringComparison.Ordinal)).ShouldBe(4);
        lines[9].ShouldContain("file=e10.pem");
        lines[10].ShouldContain("file=w01.pem");
        lines[^1].ShouldBe("::notice title=CertLint%3A more findings::3 more errors and 1 more warning not shown as annotations " +
                           "(GitHub shows 10 of each kind per step); see the job summary or the SARIF report for all 28 findings.");
    }

    [Test]
    public void Keeps_a_notice_slot_for_the_final_line_when_notices_overflow()
    {
        var findings = Enumerable.Range(1, 12).Select(i => F(Severity.Note, $"n{i:00}.pem"));
        var (lines, _) = Write(FakeResults.Result(findings));
        lines.Length.ShouldBe(10);
        lines.Count(l => l.StartsWith("::notice file=", StringComparison.Ordinal)).ShouldBe(9);
        lines[^1].ShouldContain("::3 more notes not shown");
    }

    [Test]
    public void Exactly_ten_of_each_kind_needs_no_final_line()
    {
        var findings = Enumerable.Range(1, 10).SelectMany(i => new[] { F(Severity.Error), F(Severity.Warning), F(Severity.Note) });
        var (lines, _) = Write(FakeResults.Result(findings));
        lines.Length.ShouldBe(30);
        lines.ShouldNotContain(l => l.Contains("more findings", StringComparison.Ordinal));
    }

    [Test]
    public void Suppressed_findings_are_neither_annotated_nor_counted()
    {
        var suppressed = F(Severity.Error, "s.pem") with { Suppression = new Suppression("known", ".certlint.yml", null) };
        var (lines, outputs) = Write(FakeResults.Result([suppressed, F(Severity.Warning, "w.pem")]));
        lines.ShouldHaveSingleItem().ShouldStartWith("::warning file=w.pem");
        outputs["errors"].ShouldBe("0");
        outputs["findings"].ShouldBe("0");
    }

    [Test]
    public void Annotation_paths_are_relative_to_the_workspace_not_the_scan_root()
    {
        var workspace = Path.GetDirectoryName(FakeResults.Root)!;
        var (lines, _) = Write(FakeResults.Result([F(Severity.Error, "certs/a.pem")]), workspace: workspace);
        lines[0].ShouldStartWith($"::error file={Path.GetFileName(FakeResults.Root)}/certs/a.pem,");
    }

    [Test]
    public void Writes_the_outputs_counting_findings_at_or_above_fail_on()
    {
        var result = FakeResults.Result([F(Severity.Error), F(Severity.Warning), F(Severity.Warning), F(Severity.Note)],
            failOn: Severity.Warning);
        var (_, outputs) = Write(result, new ReportOutputs(Sarif: "out/r.sarif", JUnit: Path.Combine(_dir, "j.xml"), Html: "r.html"));
        outputs.ShouldBe(new Dictionary<string, string>
        {
            ["findings"] = "3",
            ["errors"] = "1",
            ["warnings"] = "2",
            ["sarif-file"] = Path.Combine(_dir, "out", "r.sarif"),
            ["junit-file"] = Path.Combine(_dir, "j.xml"),
            ["html-file"] = Path.Combine(_dir, "r.html"),
            ["exit-code"] = "1",
        }, ignoreOrder: true);
    }

    [Test]
    public void Findings_below_fail_on_are_annotated_but_do_not_fail()
    {
        var (lines, outputs) = Write(FakeResults.Result([F(Severity.Warning)]));
        lines.ShouldHaveSingleItem();
        outputs["findings"].ShouldBe("0");
        outputs["exit-code"].ShouldBe("0");
        outputs["sarif-file"].ShouldBe("");
    }

    [Test]
    public void Without_GITHUB_OUTPUT_only_annotations_are_written()
    {
        var stdout = new StringWriter();
        new GitHubActionsWriter(_ => null).Write(FakeResults.Result([F(Severity.Error)]), new ReportOutputs(), _dir, stdout);
        stdout.ToString().ShouldStartWith("::error ");
        File.Exists(_outputFile).ShouldBeFalse();
    }

    [Test]
    public void Output_values_with_line_breaks_use_a_delimiter_that_is_not_in_the_value()
    {
        var text = GitHubOutputFile.Format("sarif-file", "a\nghadelimiter_x\nb");
        var delimiter = text[(text.IndexOf("<<", StringComparison.Ordinal) + 2)..text.IndexOf('\n', StringComparison.Ordinal)];
        delimiter.ShouldStartWith("ghadelimiter_");
        text.ShouldBe($"sarif-file<<{delimiter}\na\nghadelimiter_x\nb\n{delimiter}\n");
        File.WriteAllText(_outputFile, text + GitHubOutputFile.Format("errors", "2"));
        FileCommands.ReadOutputs(_outputFile).ShouldBe(new Dictionary<string, string>
        {
            ["sarif-file"] = "a\nghadelimiter_x\nb",
            ["errors"] = "2",
        }, ignoreOrder: true);
        Should.Throw<ArgumentException>(() => GitHubOutputFile.Format("bad\nname", "x"));
    }
}
