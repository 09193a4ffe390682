using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.MSBuild;

/// <summary>
/// Logs findings as canonical MSBuild diagnostics, <c>path(12,1): error CL0101: ...</c>, which IDE error lists and
/// CI problem matchers understand. Failing findings are errors, other ones warnings, notes high-importance messages.
/// </summary>
internal sealed class FindingLogger(IBuildLog log)
{
    public void LogResult(LintResult result)
    {
        var failing = result.Failing.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var finding in result.Findings.Where(f => !f.IsSuppressed))
        {
            Log(finding, failing.Contains(finding));
        }
        foreach (var notice in result.Notices)
        {
            log.Message($"CertLint: {notice}");
        }
        // Formatted here: a task host sends message arguments as strings, so format specifiers would be lost.
        var (inventory, suppressed) = (result.Inventory, result.Findings.Count(f => f.IsSuppressed));
        var summary = FormattableString.Invariant(
            $"CertLint: {inventory.Files.Count} files, {inventory.Certificates.Count} certificates, {inventory.Keys.Count} keys; {result.Count(Severity.Error)} errors, {result.Count(Severity.Warning)} warnings, {result.Count(Severity.Note)} notes ({suppressed} suppressed) in {result.Elapsed.TotalMilliseconds:0} ms.");
        log.Message(summary);
    }

    private void Log(Finding finding, bool failing)
    {
        var rule = finding.Rule;
        var file = finding.Location.File.FullPath;
        // Start line and column 1 only: an end line would print as "(12-20,1)", which problem matchers do not read.
        var line = finding.Location.StartLine;
        if (failing)
        {
            log.Error(rule.Id, rule.Name, rule.HelpUri, file, line, 1, finding.Message);
        }
        else if (finding.Severity >= Severity.Warning)
        {
            log.Warning(rule.Id, rule.Name, rule.HelpUri, file, line, 1, finding.Message);
        }
        else
        {
            log.Note(rule.Id, rule.Name, file, line, 1, finding.Message);
        }
    }
}
