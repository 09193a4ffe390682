using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting.GitHub;

/// <summary>
/// The `--github` mode: annotations as workflow commands on stdout (most severe first) and step outputs in
/// $GITHUB_OUTPUT. The environment is injected so tests can drive it without touching the process.
/// </summary>
public sealed class GitHubActionsWriter(Func<string, string?> environment)
{
    /// <summary>The runner turns only this many commands of each kind per step into annotations.</summary>
    public const int AnnotationsPerKind = 10;

    private static readonly Severity[] Kinds = [Severity.Error, Severity.Warning, Severity.Note];

    /// <param name="result">The run's result.</param>
    /// <param name="reports">The report files written, for the sarif-file, junit-file and html-file outputs.</param>
    /// <param name="workingDirectory">Base for relative report paths.</param>
    /// <param name="stdout">Where the workflow commands go (the step's log).</param>
    public void Write(LintResult result, ReportOutputs reports, string workingDirectory, TextWriter stdout)
    {
        WriteAnnotations(result, stdout);
        var outputFile = environment("GITHUB_OUTPUT");
        if (!string.IsNullOrEmpty(outputFile))
            GitHubOutputFile.Append(outputFile, Outputs(result, reports, workingDirectory));
    }

    /// <summary>Unsuppressed findings (only new ones under --new-only), errors first, otherwise in result order.</summary>
    public static IReadOnlyList<Finding> Annotated(LintResult result) => result.Findings
        .Where(f => f.Severity != Severity.None && result.IsReportable(f))
        .OrderByDescending(f => f.Severity)
        .ToList();

    private void WriteAnnotations(LintResult result, TextWriter stdout)
    {
        if (result.IsEmpty && !result.AllowEmpty)
        {
            stdout.WriteLine(WorkflowCommand.Format("error", [new("title", "CertLint: nothing to lint")],
                "No certificate, key or keystore was found in the paths scanned, so nothing was checked: check the action's `paths` " +
                "(and include/exclude in .certlint.yml), or set `allow-empty: true` (CLI: --allow-empty) if the repository has none."));
        }
        var findings = Annotated(result);
        var counts = Kinds.ToDictionary(k => k, k => findings.Count(f => f.Severity == k));
        var overflow = counts.Values.Any(c => c > AnnotationsPerKind);
        var shown = new Dictionary<Severity, int>();
        foreach (var kind in Kinds)
        {
            // When something is cut, one notice slot is kept for the line that says so.
            var limit = overflow && kind == Severity.Note ? AnnotationsPerKind - 1 : AnnotationsPerKind;
            shown[kind] = Math.Min(counts[kind], limit);
            foreach (var finding in findings.Where(f => f.Severity == kind).Take(limit))
                stdout.WriteLine(Annotation(finding));
        }
        if (overflow) stdout.WriteLine(MoreLine(counts, shown, findings.Count));
    }

    private string Annotation(Finding finding)
    {
        var location = finding.Location;
        var hasFile = finding.Subject.Kind != SubjectKind.Endpoint;
        var properties = new KeyValuePair<string, string?>[]
        {
            new("file", hasFile ? AnnotationPath(location.File) : null),
            new("line", hasFile ? location.StartLine.ToString() : null),
            new("endLine", hasFile ? Math.Max(location.StartLine, location.EndLine).ToString() : null),
            new("title", $"{finding.Rule.Id} {finding.Rule.Name}"),
        };
        return WorkflowCommand.Format(CommandFor(finding.Severity), properties, ReportText.Message(finding));
    }

    /// <summary>Annotations need paths relative to the repository (GITHUB_WORKSPACE), not to the scan root.</summary>
    private string AnnotationPath(Model.SourceFile file)
    {
        var workspace = environment("GITHUB_WORKSPACE");
        if (!string.IsNullOrEmpty(workspace) && Path.IsPathFullyQualified(file.FullPath))
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(workspace), file.FullPath);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
                return relative.Replace('\\', '/');
        }
        return file.DisplayPath;
    }

    private static string MoreLine(Dictionary<Severity, int> counts, Dictionary<Severity, int> shown, int total)
    {
        var parts = Kinds.Where(k => counts[k] > shown[k]).Select(k => Plural(counts[k] - shown[k], k)).ToList();
        var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];
        var message = $"{list} not shown as annotations (GitHub shows {AnnotationsPerKind} of each kind per step); " +
                      $"see the job summary or the SARIF report for all {total} findings.";
        return WorkflowCommand.Format("notice", [new("title", "CertLint: more findings")], message);
    }

    private static string Plural(int n, Severity kind) => $"{n} more {kind.ToText()}{(n == 1 ? "" : "s")}";

    private static string CommandFor(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static IEnumerable<KeyValuePair<string, string>> Outputs(LintResult result, ReportOutputs reports, string workingDirectory)
    {
        yield return new("findings", result.Failing.Count().ToString());
        yield return new("errors", result.Count(Severity.Error).ToString());
        yield return new("warnings", result.Count(Severity.Warning).ToString());
        yield return new("sarif-file", FullPath(reports.Sarif, workingDirectory));
        yield return new("junit-file", FullPath(reports.JUnit, workingDirectory));
        yield return new("html-file", FullPath(reports.Html, workingDirectory));
        yield return new("exit-code", result.ExitCode.ToString());
    }

    private static string FullPath(string? path, string workingDirectory) =>
        string.IsNullOrEmpty(path) ? "" : Path.GetFullPath(path, workingDirectory);
}
