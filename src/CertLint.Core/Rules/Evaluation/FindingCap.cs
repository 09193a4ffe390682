using System.Globalization;
using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// Bounds what one file or one rule can put in the reports: past <see cref="ScanLimits.FindingsPerFile"/> findings in a
/// file, or <see cref="ScanLimits.FindingsPerRule"/> findings of a rule, the rest become one "N more" finding per file
/// and rule (or per rule), with the most severe level of what it stands for, so a failing run still fails and a
/// 3 MB file of stray BEGIN lines gives a short report. Runs once, on the sorted findings, for every host and format.
/// </summary>
public static class FindingCap
{
    public static IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings, ScanLimits limits)
    {
        var perFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var perRule = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new Dictionary<(string? File, string Rule), Dropped>();
        var kept = new List<Finding>(Math.Min(findings.Count, 4096));
        foreach (var f in findings)
        {
            var path = f.Location.File.RelativePath;
            var inFile = perFile.GetValueOrDefault(path);
            var inRule = perRule.GetValueOrDefault(f.Rule.Id);
            if (inFile < limits.FindingsPerFile && inRule < limits.FindingsPerRule)
            {
                perFile[path] = inFile + 1;
                perRule[f.Rule.Id] = inRule + 1;
                kept.Add(f);
                continue;
            }
            var key = (inRule >= limits.FindingsPerRule ? null : path, f.Rule.Id);
            if (dropped.TryGetValue(key, out var d)) d.Add(f);
            else dropped[key] = new Dropped(f);
        }
        if (dropped.Count == 0) return findings;
        foreach (var ((file, _), d) in dropped) kept.Add(d.Summary(file is null ? limits.FindingsPerRule : limits.FindingsPerFile, perFile: file is not null));
        return kept;
    }

    private sealed class Dropped(Finding first)
    {
        private int _count = 1;
        private Severity _worst = first.IsSuppressed ? Severity.None : first.Severity;
        private bool _allSuppressed = first.IsSuppressed;

        public void Add(Finding f)
        {
            _count++;
            if (!f.IsSuppressed && f.Severity > _worst) _worst = f.Severity;
            _allSuppressed &= f.IsSuppressed;
        }

        public Finding Summary(int limit, bool perFile)
        {
            var n = _count.ToString("N0", CultureInfo.InvariantCulture);
            var what = $"{n} more {first.Rule.Name} finding{(_count == 1 ? "" : "s")}";
            var message = perFile
                ? $"{what} in {first.Location.File.RelativePath} not shown: at most {limit} findings are reported per file (limits.findingsPerFile)"
                : $"{what} not shown: at most {limit} findings are reported per rule (limits.findingsPerRule)";
            var subject = new CheckedObject(SubjectKind.File, $"more:{first.Rule.Id}:{(perFile ? first.Location.File.RelativePath : "*")}",
                "more findings", first.Location);
            return new Finding(first.Rule, _allSuppressed ? first.Severity : _worst, message, subject)
            {
                Suppression = _allSuppressed ? first.Suppression : null,
            };
        }
    }
}
