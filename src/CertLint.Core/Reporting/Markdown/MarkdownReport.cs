using System.Globalization;
using System.Text;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// A summary for $GITHUB_STEP_SUMMARY and PR comments: counts by severity, the findings, every certificate's expiry
/// soonest first. Tables are cut with a note so the whole stays under <see cref="ReportSettings.MarkdownMaxBytes"/>.
/// </summary>
public static class MarkdownReport
{
    public static void Write(LintResult result, Stream stream, ReportSettings settings)
    {
        var doc = new MarkdownBudget(settings.MarkdownMaxBytes);
        doc.Line("## CertLint report");
        doc.Line();
        doc.Line(Verdict(result));
        doc.Line();
        doc.Line("| Severity | Findings |");
        doc.Line("| --- | ---: |");
        foreach (var s in new[] { Severity.Error, Severity.Warning, Severity.Note }) doc.Line($"| {s.ToText()} | {Num(result.Count(s))} |");
        doc.Line($"| suppressed | {Num(result.Findings.Count(f => f.IsSuppressed))} |");
        doc.Line();
        doc.Line($"Scanned {ReportText.Count(result.Inventory.Files.Count, "file")}: {ReportText.Count(result.Inventory.Certificates.Count, "certificate")}, " +
                 $"{ReportText.Count(result.Inventory.Keys.Count, "key")}. Checked at {ReportText.Timestamp(result.Now)}.");
        doc.Line();

        var findings = result.Findings.Where(f => !f.IsSuppressed).ToList();
        doc.Line("### Findings");
        doc.Line();
        if (findings.Count == 0)
        {
            doc.Line("No findings.");
        }
        else
        {
            // Findings may use up to two thirds of what is left; the expiry table gets the rest.
            doc.Table("| Severity | Rule | Location | Object | Message |\n| --- | --- | --- | --- | --- |",
                findings.Select(FindingRow).ToList(), doc.Remaining * 2 / 3, "findings", "the SARIF or JSON report");
        }
        doc.Line();
        WriteSuppressions(doc, result);

        var certs = result.Inventory.Certificates
            .OrderBy(c => c.NotAfter).ThenBy(c => ReportText.PathOf(c.Location.File), StringComparer.Ordinal).ThenBy(c => c.Location.StartLine)
            .ToList();
        doc.Line("### Certificate expiry");
        doc.Line();
        if (certs.Count == 0)
        {
            doc.Line("No certificates found.");
        }
        else
        {
            var rows = certs.Select(c =>
            {
                var days = Model.Validity.DaysRemaining(c.NotAfter, result.Now);
                return $"| {ReportText.Date(c.NotAfter)} | {Num(days)} | {Text(c.Name)} | " +
                       $"{MarkdownText.Escape(c.SerialNumber)} | {Location(ReportText.Visible(ReportText.PathOf(c.Location.File)), c.Location)} |";
            }).ToList();
            doc.Table("| Expires | Days left | Subject | Serial | Location |\n| --- | ---: | --- | --- | --- |", rows, doc.Remaining, "certificates", "the JSON report");
        }
        stream.Write(doc.ToBytes());
    }

    /// <summary>What the configuration hides and what it no longer hides: a reviewer sees both, not just a count.</summary>
    private static void WriteSuppressions(MarkdownBudget doc, LintResult result)
    {
        var suppressed = result.Findings.Where(f => f.IsSuppressed).ToList();
        if (suppressed.Count > 0)
        {
            doc.Line("### Suppressed findings");
            doc.Line();
            doc.Table("| Severity | Rule | Location | Object | Reason | Suppressed by | Expires |\n| --- | --- | --- | --- | --- | --- | --- |",
                suppressed.Select(f => $"| {f.Severity.ToText()} | {RuleLink(f.Rule)} | {Location(ReportText.Visible(ReportText.PathOf(f.Location.File)), f.Location)} | " +
                    $"{Text(f.Subject.Label)} | {Text(f.Suppression!.Reason)} | {Text(f.Suppression.Source)} | {ExpiresText(f.Suppression.Expires)} |").ToList(),
                doc.Remaining / 3, "suppressed findings", "the SARIF report (--sarif-suppressed)");
            doc.Line();
        }
        if (result.ExpiredSuppressions.Count > 0)
        {
            doc.Line("### Expired suppressions");
            doc.Line();
            doc.Line("These suppressions are past their `expires` date and no longer hide anything: fix what they covered, or renew them with a new date.");
            doc.Line();
            doc.Table("| Rule | Scope | Expired on | Reason | Written in |\n| --- | --- | --- | --- | --- |",
                result.ExpiredSuppressions.Select(e => $"| {Text(e.Rule)} | {Text(Rules.Evaluation.SuppressionMatcher.Scope(e))} | {ExpiresText(e.Expires)} | " +
                    $"{Text(e.Reason)} | {Text(e.Source)} |").ToList(),
                doc.Remaining / 3, "expired suppressions", "the configuration file");
            doc.Line();
        }
    }

    private static string Text(string value) => MarkdownText.Escape(ReportText.Clean(value));

    private static string ExpiresText(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never";

    private static string Verdict(LintResult result)
    {
        var failing = result.Failing.Count();
        if (failing == 0 && result.IsEmpty)
            return result.AllowEmpty ? "**Passed**: no certificate, key or keystore found (allowed)."
                : "**Failed**: no certificate, key or keystore found, so nothing was checked: check the paths scanned.";
        return failing == 0
            ? $"**Passed**: nothing at or above `{result.FailOn.ToText()}`."
            : $"**Failed**: {ReportText.Count(failing, "finding")} at or above `{result.FailOn.ToText()}`.";
    }

    private static string FindingRow(Finding f) =>
        $"| {f.Severity.ToText()} | {RuleLink(f.Rule)} | " +
        $"{Location(ReportText.Visible(ReportText.PathOf(f.Location.File)), f.Location)} | {Text(f.Subject.Label)} | " +
        $"{MarkdownText.Escape(ReportText.Message(f))}{string.Concat(f.Related.Select(r => "<br>also " + MarkdownText.Escape(ReportText.Related(r))))} |";

    private static string Location(string path, Model.SourceLocation location) =>
        $"{MarkdownText.Escape(path)}:{ReportText.Lines(location)}";

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rule's id and name, linked to its page when it has one (custom rules have none: no local paths).</summary>
    private static string RuleLink(Findings.RuleDescriptor rule)
    {
        var text = $"{MarkdownText.Escape(rule.Id)} {MarkdownText.Escape(rule.Name)}";
        return rule.HelpUri.Length == 0 ? text : $"[{text}]({rule.HelpUri})";
    }
}

internal sealed class MarkdownBudget(int maxBytes)
{
    /// <summary>Kept free for the truncation notes and the closing lines.</summary>
    private const int Reserve = 512;
    private readonly StringBuilder _text = new();
    private int _bytes;

    public int Remaining => Math.Max(0, maxBytes - Reserve - _bytes);

    public void Line(string text = "")
    {
        _text.Append(text).Append('\n');
        _bytes += Encoding.UTF8.GetByteCount(text) + 1;
    }

    /// <summary>Writes header and rows while they fit in <paramref name="budget"/> bytes, then a note of how many were left out.</summary>
    public void Table(string header, IReadOnlyList<string> rows, int budget, string what, string where)
    {
        var used = Encoding.UTF8.GetByteCount(header) + 1;
        Line(header);
        var shown = 0;
        foreach (var row in rows)
        {
            var size = Encoding.UTF8.GetByteCount(row) + 1;
            if (used + size > budget) break;
            Line(row);
            used += size;
            shown++;
        }
        if (shown < rows.Count)
        {
            Line();
            Line($"_{ReportText.Count(rows.Count - shown, "more " + what[..^1], "more " + what)} not shown (the summary is capped in size); see {where}._");
        }
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_text.ToString());
}
