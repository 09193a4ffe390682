using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// The deterministic output order (path, line, rule id, object id), made cheap for 200,000 checks: paths and rule
/// ids are ranked once, so the sort compares integers and only falls back to strings for the object id.
/// </summary>
internal sealed class OrderKeys
{
    private readonly Dictionary<string, int> _pathRank;
    private readonly Dictionary<RuleDescriptor, int> _ruleRank;

    public OrderKeys(IReadOnlyList<RuleSubject> subjects, IReadOnlyList<CompiledRule> rules)
    {
        _pathRank = subjects.Select(s => s.File.File.RelativePath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        _ruleRank = rules.Select(r => r.Descriptor).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
    }

    public T[] Sort<T>(List<T> items, Func<T, SourceLocation> location, Func<T, RuleDescriptor> rule, Func<T, string> objectId)
    {
        var keys = new (int Path, int Line, int Rule, string Object, int Index)[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var loc = location(items[i]);
            // A violation may point into a file that is not a subject's (rare): rank it after the known ones.
            var path = _pathRank.TryGetValue(loc.File.RelativePath, out var p) ? p : _pathRank.Count;
            keys[i] = (path, loc.StartLine, _ruleRank.GetValueOrDefault(rule(items[i])), objectId(items[i]), i);
        }
        SortByPathRuns(keys);
        var sorted = new T[items.Count];
        for (var i = 0; i < keys.Length; i++) sorted[i] = items[keys[i].Index];
        return sorted;
    }

    /// <summary>
    /// The checks in the same order as <see cref="Sort{T}"/> would give them, kept per object: objects are sorted by
    /// (path, line, object id); objects that share a path and line are merged pair by pair (rule, then object id).
    /// </summary>
    public CheckList Checks(IReadOnlyList<RuleSubject> subjects, RuleDescriptor[][] checkedRules)
    {
        var keys = new List<(int Path, int Line, int Rule, string Object, int Index)>(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            if (checkedRules[i].Length == 0) continue;
            var loc = subjects[i].Object.Location;
            var path = _pathRank.TryGetValue(loc.File.RelativePath, out var p) ? p : _pathRank.Count;
            keys.Add((path, loc.StartLine, 0, subjects[i].Object.ObjectId, i));
        }
        var sorted = keys.ToArray();
        SortByPathRuns(sorted);
        var segments = new List<CheckList.Segment>(sorted.Length);
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Path == sorted[start].Path && sorted[end].Line == sorted[start].Line) end++;
            if (end - start == 1)
            {
                var only = sorted[start].Index;
                segments.Add(new CheckList.Segment(subjects[only].Object, checkedRules[only], null));
            }
            else
            {
                var pairs = new List<(int Rule, string Object, int Subject, int Position, RuleCheck Check)>();
                for (var k = start; k < end; k++)
                {
                    var subject = subjects[sorted[k].Index].Object;
                    var rules = checkedRules[sorted[k].Index];
                    for (var r = 0; r < rules.Length; r++)
                        pairs.Add((_ruleRank.GetValueOrDefault(rules[r]), subject.ObjectId, sorted[k].Index, r, new RuleCheck(rules[r], subject)));
                }
                pairs.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule)
                    : string.CompareOrdinal(a.Object, b.Object) is var c and not 0 ? c
                    : a.Subject != b.Subject ? a.Subject.CompareTo(b.Subject) : a.Position.CompareTo(b.Position));
                segments.Add(new CheckList.Segment(null, null, pairs.Select(x => x.Check).ToArray()));
            }
            start = end;
        }
        return new CheckList([.. segments]);
    }

    /// <summary>
    /// Items arrive subject by subject in path order, so the keys are usually already grouped by path: then sorting each
    /// path's run alone gives the same order as one big sort (path is the first key) at a fraction of the comparisons.
    /// </summary>
    private static void SortByPathRuns((int Path, int Line, int Rule, string Object, int Index)[] keys)
    {
        var span = keys.AsSpan();
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Path < span[i - 1].Path)
            {
                span.Sort(Compare);
                return;
            }
        }
        for (var start = 0; start < span.Length;)
        {
            var end = start + 1;
            while (end < span.Length && span[end].Path == span[start].Path) end++;
            span[start..end].Sort(Compare);
            start = end;
        }
    }

    private static int Compare((int Path, int Line, int Rule, string Object, int Index) a, (int Path, int Line, int Rule, string Object, int Index) b)
    {
        var c = a.Path.CompareTo(b.Path);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        if (c == 0) c = a.Rule.CompareTo(b.Rule);
        if (c == 0) c = string.CompareOrdinal(a.Object, b.Object);
        return c == 0 ? a.Index.CompareTo(b.Index) : c;
    }
}
