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
