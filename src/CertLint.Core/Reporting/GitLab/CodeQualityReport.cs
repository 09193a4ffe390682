using System.Text.Json;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// GitLab's Code Quality report (`artifacts:reports:codequality`): the subset of the Code Climate issue format that
/// GitLab reads — description, check_name, fingerprint, severity, location.path and location.lines.begin. One entry per
/// reportable finding (suppressed findings and, with --new-only, unchanged ones are left out: GitLab has no state for
/// them). The shape is checked by tests/schemas/gitlab-codequality.schema.json.
/// </summary>
public static class CodeQualityReport
{
    public static void Write(LintResult result, Stream stream)
    {
        using var w = JsonOutput.Create(stream);
        w.WriteStartArray();
        foreach (var f in result.Findings.Where(result.IsReportable))
        {
            w.WriteStartObject();
            w.WriteString("type", "issue"); // required by the Code Climate spec, ignored by GitLab
            w.WriteString("description", $"{f.Rule.Name}: {ReportText.Message(f)}");
            w.WriteString("check_name", $"certlint/{f.Rule.Name}");
            // Finding.Fingerprint is stable across runs (rule, object, path), which is what GitLab compares between
            // the source and target branch of a merge request.
            w.WriteString("fingerprint", f.Fingerprint);
            w.WriteString("severity", Severity(f.Severity));
            w.WriteStartObject("location");
            w.WriteString("path", ReportText.PathOf(f.Location.File));
            w.WriteStartObject("lines");
            w.WriteNumber("begin", ReportText.Region(f.Location).Start);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Flush();
    }

    /// <summary>GitLab's scale is info, minor, major, critical, blocker; CertLint errors break TLS, so they rank critical.</summary>
    private static string Severity(Findings.Severity severity) => severity switch
    {
        Findings.Severity.Error => "critical",
        Findings.Severity.Warning => "major",
        _ => "info",
    };
}
