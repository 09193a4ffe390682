using CertLint.Engine;
using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Reporting;

/// <summary>One JUnit testcase: a (rule, object) pair that was checked, with the findings it produced.</summary>
internal sealed record JUnitCase(RuleDescriptor Rule, CheckedObject Subject, string Path, List<Finding> Findings)
{
    /// <summary>The object's file could not be read at all: the case is an &lt;error&gt;, not a failure.</summary>
    public bool Unreadable { get; init; }

    /// <summary>
    /// `rule: subject (file)`, as dashboards list it; a file's own checks are `rule: file`. The rule id is in the
    /// failure text and the help link, not in the name, so a list of cases reads as sentences.
    /// </summary>
    public string BaseName
    {
        get
        {
            var subject = ReportText.Clean(Subject.Label);
            return subject == Path ? $"{Rule.Name}: {Path}" : $"{Rule.Name}: {subject} ({Path})";
        }
    }

    /// <summary>
    /// Dot-separated, as Jenkins and Azure DevOps split class names into package and class: `certlint.RULE`, so their
    /// trees group the cases by rule under one CertLint node (the suites still group them by file).
    /// </summary>
    public string ClassName => $"certlint.{Rule.Name}";
}

/// <summary>Turns checks and findings into testcases grouped by file, in a stable order.</summary>
internal static class JUnitCases
{
    public static SortedDictionary<string, List<JUnitCase>> Build(LintResult result)
    {
        var unreadable = result.Inventory.Files
            .Where(f => f.Issues.Any(i => i.Kind == ParseIssueKind.Unreadable))
            .Select(f => ReportText.XmlPathOf(f.File)).ToHashSet(StringComparer.Ordinal);

        var cases = new Dictionary<(string Rule, string Object, string Path), JUnitCase>();
        foreach (var check in result.Checks) Add(check.Rule, check.Subject);
        foreach (var f in result.Findings) Add(f.Rule, f.Subject).Findings.Add(f);

        // A file that could not be read gets its error even when no parse-error finding was produced for it.
        var parseError = result.Rules.FirstOrDefault(r => r.Name == BuiltInRules.ParseError) ?? Rules.Loading.RuleLoader.BuiltInDescriptor(BuiltInRules.ParseError);
        foreach (var file in result.Inventory.Files.Where(f => unreadable.Contains(ReportText.XmlPathOf(f.File))))
        {
            var path = ReportText.XmlPathOf(file.File);
            if (!cases.Keys.Any(k => k.Path == path && k.Rule == parseError.Id))
            {
                Add(parseError, new CheckedObject(SubjectKind.File, path, path, new SourceLocation(file.File)));
            }
        }

        var byFile = new SortedDictionary<string, List<JUnitCase>>(StringComparer.Ordinal);
        foreach (var file in result.Inventory.Files) byFile.TryAdd(ReportText.XmlPathOf(file.File), []);
        foreach (var c in cases.Values)
        {
            var withError = c.Rule.Name == BuiltInRules.ParseError && unreadable.Contains(c.Path) ? c with { Unreadable = true } : c;
            if (!byFile.TryGetValue(c.Path, out var list)) byFile[c.Path] = list = [];
            list.Add(withError);
        }
        foreach (var list in byFile.Values)
        {
            list.Sort((a, b) =>
            {
                var byLine = a.Subject.Location.StartLine.CompareTo(b.Subject.Location.StartLine);
                if (byLine != 0) return byLine;
                var byRule = string.CompareOrdinal(a.Rule.Id, b.Rule.Id);
                return byRule != 0 ? byRule : string.CompareOrdinal(a.Subject.ObjectId, b.Subject.ObjectId);
            });
        }
        return byFile;

        JUnitCase Add(RuleDescriptor rule, CheckedObject subject)
        {
            var path = ReportText.XmlPathOf(subject.Location.File);
            var key = (rule.Id, subject.ObjectId, path);
            if (!cases.TryGetValue(key, out var c)) cases[key] = c = new JUnitCase(rule, subject, path, []);
            return c;
        }
    }
}
