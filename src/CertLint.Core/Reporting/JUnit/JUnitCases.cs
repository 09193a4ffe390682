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

    /// <summary>Under -v, a pair the rule skipped (not applicable / not effective): the case is &lt;skipped&gt;.</summary>
    public SkipReason? NotChecked { get; init; }

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

/// <summary>Why a case was not checked: `not-applicable` or `not-effective`, and the message dashboards show.</summary>
internal sealed record SkipReason(string Type, string Message);

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
        if (result.SkippedObjects is { } skipped) AddSkipped(skipped);

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

        // Under -v only: one skipped case per (rule, object) the rule did not apply to or did not bind, and one that
        // stands for the objects past the per-rule cap.
        void AddSkipped(IReadOnlyDictionary<string, Rules.Evaluation.SkippedObjects> skipped)
        {
            foreach (var rule in result.Rules)
            {
                if (skipped.GetValueOrDefault(rule.Id) is not { } s) continue;
                AddList(rule, s.NotApplicable, new SkipReason("not-applicable", "not applicable"));
                AddList(rule, s.NotEffective, new SkipReason("not-effective", NotEffective(s)));
            }
        }

        void AddList(RuleDescriptor rule, Rules.Evaluation.SkipList list, SkipReason reason)
        {
            foreach (var o in list.Objects) Skip(rule, o, reason);
            if (list.More == 0 || list.Objects.Count == 0) return;
            var more = $"{list.More.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more objects not listed";
            Skip(rule, new CheckedObject(SubjectKind.File, $"more:{rule.Id}:{reason.Type}", more, list.Objects[^1].Location),
                reason with { Message = $"{reason.Message}: {more} (at most {Rules.Evaluation.SkipList.MaxListed} are listed per rule)" });
        }

        // A pair that was also checked (the same object twice in one file) keeps the checked case's verdict.
        void Skip(RuleDescriptor rule, CheckedObject subject, SkipReason reason)
        {
            var key = Key(rule, subject);
            if (!cases.ContainsKey(key)) cases[key] = new JUnitCase(rule, subject, key.Path, []) { NotChecked = reason };
        }

        JUnitCase Add(RuleDescriptor rule, CheckedObject subject)
        {
            var key = Key(rule, subject);
            if (!cases.TryGetValue(key, out var c)) cases[key] = c = new JUnitCase(rule, subject, key.Path, []);
            return c;
        }

        static (string, string, string Path) Key(RuleDescriptor rule, CheckedObject subject) =>
            (rule.Id, subject.ObjectId, ReportText.XmlPathOf(subject.Location.File));
    }

    /// <summary>Why a rule did not bind a certificate: its `effective` dates, compared with the notBefore.</summary>
    private static string NotEffective(Rules.Evaluation.SkippedObjects s)
    {
        static string Day(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var when = (s.EffectiveFrom, s.EffectiveUntil) switch
        {
            ({ } from, { } until) => $" (issued before {Day(from)} or on or after {Day(until)})",
            ({ } from, null) => $" (issued before {Day(from)})",
            (null, { } until) => $" (issued on or after {Day(until)})",
            _ => "",
        };
        return "not effective" + when;
    }
}
