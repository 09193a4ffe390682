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
    private readonly Func<RuleDescriptor[][], long[]> _merge;

    public OrderKeys(IReadOnlyList<RuleSubject> subjects, IReadOnlyList<CompiledRule> rules)
    {
        _pathRank = PathRanks(subjects);
        _ruleRank = rules.Select(r => r.Descriptor).Distinct().OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        // Holds the rule ranks only (not the path ranks): the check list keeps it until the report reads it.
        var ruleRank = _ruleRank;
        _merge = lists => MergeOrder(lists, ruleRank);
    }

    /// <summary>
    /// Each distinct path's place in ordinal order. Subjects come in path order (files, then usages): the distinct
    /// paths are then sorted already, and a look at each neighbour replaces the sort of 20,000 strings.
    /// </summary>
    private static Dictionary<string, int> PathRanks(IReadOnlyList<RuleSubject> subjects)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new List<string>();
        foreach (var s in subjects)
        {
            if (ranks.TryAdd(s.File.File.RelativePath, 0)) paths.Add(s.File.File.RelativePath);
        }
        for (var i = 1; i < paths.Count; i++)
        {
            if (string.CompareOrdinal(paths[i - 1], paths[i]) > 0)
            {
                paths.Sort(StringComparer.Ordinal);
                break;
            }
        }
        for (var i = 0; i < paths.Count; i++) ranks[paths[i]] = i;
        return ranks;
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
            var only = sorted[start].Index;
            segments.Add(end - start == 1
                ? new CheckList.Segment(subjects[only].Object, checkedRules[only], null)
                : new CheckList.Segment(null, null, null, Merge(sorted.AsSpan(start, end - start), subjects, checkedRules)));
            start = end;
        }
        return new CheckList([.. segments]);
    }

    /// <summary>The checks of several objects on one line, their order merged when first read (<see cref="MergeOrder"/>).</summary>
    private CheckList.Interleaved Merge(ReadOnlySpan<(int Path, int Line, int Rule, string Object, int Index)> objects,
        IReadOnlyList<RuleSubject> subjects, RuleDescriptor[][] checkedRules)
    {
        var lists = new RuleDescriptor[objects.Length][];
        var owners = new CheckedObject[objects.Length];
        for (var k = 0; k < objects.Length; k++)
        {
            lists[k] = checkedRules[objects[k].Index];
            owners[k] = subjects[objects[k].Index].Object;
        }
        return new CheckList.Interleaved(owners, lists, _merge);
    }

    /// <summary>
    /// The pairs of several objects on one line, ordered by (rule, object id, subject): each object's rules are already
    /// in rule order (the evaluator runs them so) and the objects come ordered by object id, so a merge of the objects'
    /// lists gives that order without sorting every pair (a certificate and its file meet hundreds of rules each).
    /// </summary>
    private static long[] MergeOrder(RuleDescriptor[][] lists, Dictionary<RuleDescriptor, int> ranks)
    {
        var total = 0;
        foreach (var list in lists) total += list.Length;
        var order = new long[total];
        if (lists.Length == 2)
        {
            // The usual case (a file and the one certificate or key it holds): a plain two-way merge, no queue.
            MergeTwo(lists[0], lists[1], order, ranks);
            return order;
        }
        var next = new int[lists.Length];
        // Keyed by (rule rank, the object's place among the objects): ties on a rule go to the earlier object.
        var queue = new PriorityQueue<int, (int Rank, int Object)>(lists.Length);
        for (var k = 0; k < lists.Length; k++)
        {
            if (lists[k].Length > 0) queue.Enqueue(k, (ranks.GetValueOrDefault(lists[k][0]), k));
        }
        var n = 0;
        while (queue.TryDequeue(out var k, out _))
        {
            order[n++] = ((long)k << 32) | (uint)next[k];
            if (++next[k] < lists[k].Length) queue.Enqueue(k, (ranks.GetValueOrDefault(lists[k][next[k]]), k));
        }
        return order;
    }

    /// <summary>The queue's order for two lists: by rule rank, a tie to the first list.</summary>
    private static void MergeTwo(RuleDescriptor[] a, RuleDescriptor[] b, long[] order, Dictionary<RuleDescriptor, int> ranks)
    {
        int i = 0, j = 0, n = 0;
        var rankA = a.Length > 0 ? ranks.GetValueOrDefault(a[0]) : 0;
        var rankB = b.Length > 0 ? ranks.GetValueOrDefault(b[0]) : 0;
        while (i < a.Length || j < b.Length)
        {
            if (j == b.Length || (i < a.Length && rankA <= rankB))
            {
                order[n++] = (uint)i;
                if (++i < a.Length) rankA = ranks.GetValueOrDefault(a[i]);
            }
            else
            {
                order[n++] = (1L << 32) | (uint)j;
                if (++j < b.Length) rankB = ranks.GetValueOrDefault(b[j]);
            }
        }
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
