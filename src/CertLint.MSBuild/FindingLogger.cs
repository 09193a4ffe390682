using CertLint.Engine;
using CertLint.Findings;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CertLint.MSBuild;

/// <summary>
/// Logs findings as canonical MSBuild diagnostics, <c>path(12,1): error CL0101: ...</c>, which IDE error lists and
/// CI problem matchers understand. Failing findings are errors, other ones warnings, notes high-importance messages.
/// </summary>
internal sealed class FindingLogger(TaskLoggingHelper log)
{
    // A subcategory would print before "error" and break the canonical format.
    private const string? Subcategory = null;

    public void LogResult(LintResult result)
    {
        var failing = result.Failing.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var finding in result.Findings.Where(f => !f.IsSuppressed))
        {
            Log(finding, failing.Contains(finding));
        }
        foreach (var notice in result.Notices)
        {
            log.LogMessage(MessageImportance.Normal, "CertLint: {0}", notice);
        }
        var inventory = result.Inventory;
        log.LogMessage(MessageImportance.Normal,
            "CertLint: {0} files, {1} certificates, {2} keys; {3} errors, {4} warnings, {5} notes ({6} suppressed) in {7:0} ms.",
            inventory.Files.Count, inventory.Certificates.Count, inventory.Keys.Count,
            result.Count(Severity.Error), result.Count(Severity.Warning), result.Count(Severity.Note),
            result.Findings.Count(f => f.IsSuppressed), result.Elapsed.TotalMilliseconds);
    }

    private void Log(Finding finding, bool failing)
    {
        var rule = finding.Rule;
        var file = finding.Location.File.FullPath;
        // Start line and column 1 only: an end line would print as "(12-20,1)", which problem matchers do not read.
        var line = finding.Location.StartLine;
        if (failing)
        {
            log.LogError(Subcategory, rule.Id, rule.Name, rule.HelpUri, file, line, 1, 0, 0, "{0}", finding.Message);
        }
        else if (finding.Severity >= Severity.Warning)
        {
            log.LogWarning(Subcategory, rule.Id, rule.Name, rule.HelpUri, file, line, 1, 0, 0, "{0}", finding.Message);
        }
        else
        {
            log.LogMessage(Subcategory, rule.Id, rule.Name, file, line, 1, 0, 0, MessageImportance.High, "{0}", finding.Message);
        }
    }
}
