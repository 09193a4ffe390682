using System.Globalization;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// The console report: findings grouped by file with line numbers, then notices and a summary. Every host prints it
/// the same way; colour is ANSI and only when <see cref="ConsoleOptions.Color"/> is set.
/// </summary>
public static class ConsoleReport
{
    public static void Write(LintResult result, TextWriter output, ConsoleOptions options)
    {
        var paint = new Paint(options.Color);
        var failing = result.Failing.Count();
        var shown = result.Findings.Where(f => options.Verbosity switch
        {
            ConsoleVerbosity.Quiet => result.IsFailing(f),
            ConsoleVerbosity.Normal => !f.IsSuppressed,
            _ => true,
        }).ToList();

        var lineWidth = shown.Count == 0 ? 1 : shown.Max(f => ReportText.Lines(f.Location).Length);
        foreach (var group in shown.GroupBy(f => ReportText.ConsolePathOf(f.Location.File, result.WorkingDirectory)))
        {
            output.WriteLine(paint.Bold(group.Key));
            foreach (var f in group) WriteFinding(output, paint, result, f, lineWidth, options.Verbosity);
            output.WriteLine();
        }

        if (options.Verbosity != ConsoleVerbosity.Quiet && result.Notices.Count > 0)
        {
            foreach (var notice in result.Notices) output.WriteLine($"{paint.Cyan("notice:")} {ReportText.Clean(notice)}");
            output.WriteLine();
        }
        if (options.Verbosity == ConsoleVerbosity.Verbose)
        {
            WriteFiles(output, result);
            WriteSkipped(output, paint, result);
        }
        WriteSummary(output, paint, result, failing);
    }

    private static void WriteFinding(TextWriter output, Paint paint, LintResult result, Finding f, int lineWidth, ConsoleVerbosity verbosity)
    {
        var level = ReportText.Level(f.Severity);
        var text = $"  {ReportText.Lines(f.Location).PadLeft(lineWidth)}  {paint.Level(f.Severity, level.PadRight(7))}  " +
                   $"{f.Rule.Id} {f.Rule.Name}  {ReportText.ShortSerials(ReportText.Message(f))}";
        if (f.Suppression is { } s) text = paint.Dim($"{text}  [suppressed: {ReportText.Clean(s.Reason)}]");
        if (result.BaselineStates is { } states)
        {
            // -v shows every baseline state; with --new-only the new findings, the ones that fail the run, are marked.
            var state = states.GetValueOrDefault(f.Fingerprint, BaselineStates.New);
            if (verbosity == ConsoleVerbosity.Verbose) text += $"  [{state}]";
            else if (result.NewOnly && state == BaselineStates.New) text += $"  {paint.Bold("[new]")}";
        }
        output.WriteLine(text);
        var indent = new string(' ', lineWidth + 4);
        foreach (var r in f.Related)
        {
            var also = $"{indent}also {ReportText.Related(r)}";
            output.WriteLine(f.IsSuppressed ? paint.Dim(also) : also);
        }
        if (verbosity != ConsoleVerbosity.Verbose) return;
        if (!string.IsNullOrWhiteSpace(f.Rule.Remediation)) output.WriteLine($"{indent}fix: {ReportText.OneLine(f.Rule.Remediation)}");
        if (f.Rule.HelpUri.Length > 0) output.WriteLine($"{indent}see: {f.Rule.HelpUri}");
    }

    private static void WriteFiles(TextWriter output, LintResult result)
    {
        foreach (var f in result.Inventory.Files)
        {
            output.WriteLine($"scanned {ReportText.ConsolePathOf(f.File, result.WorkingDirectory)}: {ReportText.Count(f.Certificates.Count, "certificate")}, {ReportText.Count(f.Keys.Count, "key")}");
        }
        if (result.Inventory.Files.Count > 0) output.WriteLine();
    }

    /// <summary>
    /// -v: one line on the pairs the rules skipped, pointing to the reports that list them (one line, not one per
    /// rule or object: the console stays short with every pack on).
    /// </summary>
    private static void WriteSkipped(TextWriter output, Paint paint, LintResult result)
    {
        if (result.SkippedObjects is not { Count: > 0 } skipped) return;
        var notApplicable = skipped.Values.Sum(s => s.NotApplicable.Total);
        var notEffective = skipped.Values.Sum(s => s.NotEffective.Total);
        output.WriteLine(paint.Dim($"Not checked (never findings): {ReportText.Count(notApplicable, "rule/object pair")} not applicable, " +
            $"{notEffective.ToString(CultureInfo.InvariantCulture)} not effective; --json and --junit list them per rule."));
        output.WriteLine();
    }

    private static void WriteSummary(TextWriter output, Paint paint, LintResult result, int failing)
    {
        var inv = result.Inventory;
        output.WriteLine($"Scanned {ReportText.Count(inv.Files.Count, "file")}: {ReportText.Count(inv.Certificates.Count, "certificate")}, {ReportText.Count(inv.Keys.Count, "key")}.");
        var suppressed = result.Findings.Count(f => f.IsSuppressed);
        output.WriteLine(
            $"Findings: {paint.Level(Severity.Error, ReportText.Count(result.Count(Severity.Error), "error"))}, " +
            $"{paint.Level(Severity.Warning, ReportText.Count(result.Count(Severity.Warning), "warning"))}, " +
            $"{paint.Level(Severity.Note, ReportText.Count(result.Count(Severity.Note), "note"))}, {suppressed.ToString(CultureInfo.InvariantCulture)} suppressed " +
            $"in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s.");
        var failOn = result.FailOn.ToText();
        if (failing == 0 && result.IsEmpty)
        {
            output.WriteLine(result.AllowEmpty
                ? paint.Green("Passed: no certificate, key or keystore found (--allow-empty).")
                : paint.Red("Failed: no certificate, key or keystore found: check the paths scanned, or pass --allow-empty."));
            return;
        }
        output.WriteLine(failing == 0
            ? paint.Green(result.FailOn == Severity.None ? "Passed (--fail-on none)." : $"Passed: nothing at or above {failOn}.")
            : paint.Red($"Failed: {ReportText.Count(failing, "finding")} at or above {failOn}{(result.NewOnly ? " (new only)" : "")}."));
    }

    /// <summary>ANSI colours, or plain text when colour is off.</summary>
    private readonly record struct Paint(bool On)
    {
        public string Bold(string s) => Wrap("1", s);
        public string Dim(string s) => Wrap("2", s);
        public string Red(string s) => Wrap("31", s);
        public string Green(string s) => Wrap("32", s);
        public string Cyan(string s) => Wrap("36", s);

        public string Level(Severity severity, string s) => severity switch
        {
            Severity.Error => Wrap("31", s),
            Severity.Warning => Wrap("33", s),
            Severity.Note => Wrap("36", s),
            _ => s,
        };

        private string Wrap(string code, string s) => On ? $"\u001b[{code}m{s}\u001b[0m" : s;
    }
}
