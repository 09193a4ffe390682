using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// The objects one rule skipped, listed only when the request asks (<c>-v</c>): not applicable (its `where` excluded
/// them) and not effective (issued outside its `effective` dates). Neither is a finding: they never change findings,
/// exit codes or SARIF; the JSON and JUnit reports show them.
/// </summary>
public sealed record SkippedObjects(SkipList NotApplicable, SkipList NotEffective)
{
    /// <summary>The rule's `effective` dates, for the reason a report gives (issued before / on or after).</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }
    public DateTimeOffset? EffectiveUntil { get; init; }

    /// <summary>
    /// The evaluator's lists plus the subjects that rules judged outside it did not apply to (the endpoint rules of
    /// `certlint handshake`: a few endpoints, so listed as they come, capped the same way).
    /// </summary>
    public static IReadOnlyDictionary<string, SkippedObjects> With(IReadOnlyDictionary<string, SkippedObjects> listed,
        IReadOnlyDictionary<string, List<CheckedObject>> notApplicable) =>
        listed.Concat(notApplicable.Select(kv => KeyValuePair.Create(kv.Key, new SkippedObjects(
                new SkipList([.. kv.Value.Take(SkipList.MaxListed)], Math.Max(0, kv.Value.Count - SkipList.MaxListed)), SkipList.Empty))))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>The evaluator's counts plus those of the rules judged outside it (see <see cref="With"/>).</summary>
    public static IReadOnlyDictionary<string, SkipCounts> WithCounts(IReadOnlyDictionary<string, SkipCounts> counts,
        IReadOnlyDictionary<string, List<CheckedObject>> notApplicable) =>
        counts.Concat(notApplicable.Select(kv => KeyValuePair.Create(kv.Key, new SkipCounts(kv.Value.Count, 0))))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
}

/// <summary>
/// Skipped objects in report order (path, line, object id): the first <see cref="MaxListed"/> in scan order, and how
/// many more were not listed.
/// </summary>
public sealed record SkipList(IReadOnlyList<CheckedObject> Objects, int More)
{
    /// <summary>Objects listed per rule and reason; a scan of 100,000 certificates must not list 100,000 per rule.</summary>
    public const int MaxListed = 200;

    public static readonly SkipList Empty = new([], 0);

    public int Total => Objects.Count + More;
}

/// <summary>
/// One evaluator worker's record of the pairs its rules skipped, kept only when the request lists them: per rule and
/// reason, the first <see cref="SkipList.MaxListed"/> subjects in scan order (a max-heap on the subject's index). The
/// evaluator calls it only for subjects in the reported scope and counts all of them itself. Memory stays bounded by
/// rules × workers, not rules × objects.
/// </summary>
internal sealed class SkipRecorder(int rules)
{
    private readonly PriorityQueue<int, int>?[] _first = new PriorityQueue<int, int>?[rules * 2];
    private int _subject;

    /// <summary>The subject the next <see cref="Add"/> calls are about.</summary>
    public void Begin(int subject) => _subject = subject;

    /// <param name="rule">The rule's position among the active rules.</param>
    public void Add(int rule, bool notEffective)
    {
        var k = rule * 2 + (notEffective ? 1 : 0);
        var first = _first[k] ??= new PriorityQueue<int, int>();
        // Priority is the negated index: the root is the latest subject kept, replaced by an earlier one.
        if (first.Count < SkipList.MaxListed) first.Enqueue(_subject, -_subject);
        else if (first.TryPeek(out var latest, out _) && latest > _subject) first.DequeueEnqueue(_subject, -_subject);
    }

    /// <summary>The workers' records merged: per rule id, the first objects in scan order, shown in report order.</summary>
    /// <param name="notApplicable">The evaluator's in-scope counts per rule position (the lists' totals).</param>
    public static IReadOnlyDictionary<string, SkippedObjects> Merge(IReadOnlyList<CompiledRule> rules, IReadOnlyList<RuleSubject> subjects,
        IReadOnlyCollection<SkipRecorder> recorders, int[] notApplicable, int[] notEffective)
    {
        var byRule = new Dictionary<string, SkippedObjects>(StringComparer.Ordinal);
        for (var r = 0; r < rules.Count; r++)
        {
            if (notApplicable[r] + notEffective[r] == 0) continue;
            byRule[rules[r].Id] = new SkippedObjects(List(r * 2, notApplicable[r]), List(r * 2 + 1, notEffective[r]))
            {
                EffectiveFrom = rules[r].Definition.EffectiveFrom,
                EffectiveUntil = rules[r].Definition.EffectiveUntil,
            };
        }
        return byRule;

        SkipList List(int k, int total)
        {
            if (total == 0) return SkipList.Empty;
            var kept = recorders.SelectMany(w => w._first[k]?.UnorderedItems.Select(x => x.Element) ?? []).Order().Take(SkipList.MaxListed)
                .Select(i => subjects[i].Object)
                .OrderBy(o => o.Location.File.RelativePath, StringComparer.Ordinal).ThenBy(o => o.Location.StartLine)
                .ThenBy(o => o.ObjectId, StringComparer.Ordinal).ThenBy(o => o.Kind).ToArray();
            return new SkipList(kept, total - kept.Length);
        }
    }
}
