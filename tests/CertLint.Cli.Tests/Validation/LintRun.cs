using System.Text.Json;

namespace CertLint.Cli.Tests.Validation;

/// <summary>
/// One `certlint` run in a fresh folder (a repository root) through the real command line (in-process), with a JSON report read back:
/// the exit code, the findings as (path, rule) pairs and the messages, so tests can assert exact finding sets.
/// </summary>
internal sealed class LintRun
{
    public required CliRunner.Outcome Outcome { get; init; }
    public required IReadOnlyList<(string Path, int Line, string Rule, string Message)> Findings { get; init; }
    public required JsonDocument Report { get; init; }

    public int ExitCode => Outcome.ExitCode;

    /// <summary>"path rule" strings, sorted: compare with ShouldBe for an exact finding set.</summary>
    public string[] Set => [.. Findings.Select(f => $"{f.Path} {f.Rule}").Order(StringComparer.Ordinal)];

    public string MessageOf(string rule) => Findings.Single(f => f.Rule == rule).Message;

    /// <summary>Runs certlint with the arguments (core rules only unless a --pack is given, at 2026-06-01) and reads its JSON report.</summary>
    public static LintRun In(string dir, params string[] args)
    {
        // A work-tree top: report paths are relative to the repository root (here the folder), wherever the files are.
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        var json = Path.Combine(dir, "report.json");
        if (File.Exists(json)) File.Delete(json);
        string[] defaults = args.Contains("--pack") ? [] : ["--pack", "core"];
        var outcome = CliRunner.InProcess(dir, null, [.. args, .. defaults, "--now", "2026-06-01", "--json", json, "--quiet"]);
        outcome.Error.ShouldNotContain("   at ");
        File.Exists(json).ShouldBeTrue($"no JSON report: exit {outcome.ExitCode}, {outcome.Error}");
        var report = JsonDocument.Parse(File.ReadAllText(json));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("startLine").GetInt32(), f.GetProperty("rule").GetString()!,
                f.GetProperty("message").GetString()!))
            .ToList();
        return new LintRun { Outcome = outcome, Findings = findings, Report = report };
    }
}
