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

    /// <summary>Per rule id, only the rules that skipped an object admitted by <paramref name="keep"/>.</summary>
    public static IReadOnlyDictionary<string, SkippedObjects> Where(IReadOnlyDictionary<string, SkippedObjects> all, Func<SourceLocation, bool> keep) =>
        Map(all, s => s with { NotApplicable = s.NotApplicable.Where(keep), NotEffective = s.NotEffective.Where(keep) });

    /// <summary>At most <see cref="SkipList.MaxListed"/> objects per rule and reason, the rest counted (every report stays bounded).</summary>
    public static IReadOnlyDictionary<string, SkippedObjects> Capped(IReadOnlyDictionary<string, SkippedObjects> all) =>
        Map(all, s => s with { NotApplicable = s.NotApplicable.Capped(), NotEffective = s.NotEffective.Capped() });

    /// <summary>
    /// The lists from the evaluator's (rule position, not effective?, object) records, each in report order (path, line,
    /// object id) whatever order the workers recorded them in.
    /// </summary>
    internal static IReadOnlyDictionary<string, SkippedObjects> Build(IReadOnlyList<CompiledRule> rules, IEnumerable<SkipRecord> records)
    {
        var byRule = new Dictionary<string, SkippedObjects>(StringComparer.Ordinal);
        foreach (var group in records.GroupBy(r => r.Rule))
        {
            var rule = rules[group.Key];
            byRule[rule.Id] = new SkippedObjects(Sorted(group.Where(r => !r.NotEffective)), Sorted(group.Where(r => r.NotEffective)))
            {
                EffectiveFrom = rule.Definition.EffectiveFrom,
                EffectiveUntil = rule.Definition.EffectiveUntil,
            };
        }
        return byRule;
    }

    private static SkipList Sorted(IEnumerable<SkipRecord> records) => new([.. records.Select(r => r.Object)
        .OrderBy(o => o.Location.File.RelativePath, StringComparer.Ordinal).ThenBy(o => o.Location.StartLine)
        .ThenBy(o => o.ObjectId, StringComparer.Ordinal).ThenBy(o => o.Kind)], 0);

    private static Dictionary<string, SkippedObjects> Map(IReadOnlyDictionary<string, SkippedObjects> all, Func<SkippedObjects, SkippedObjects> change) =>
        all.Select(kv => (kv.Key, Value: change(kv.Value))).Where(x => x.Value.NotApplicable.Total + x.Value.NotEffective.Total > 0)
            .ToDictionary(x => x.Key, x => x.Value, StringComparer.Ordinal);
}

/// <summary>Skipped objects in report order, at most <see cref="MaxListed"/>, and how many more were not listed.</summary>
public sealed record SkipList(IReadOnlyList<CheckedObject> Objects, int More)
{
    /// <summary>Objects listed per rule and reason; a scan of 100,000 certificates must not list 100,000 per rule.</summary>
    public const int MaxListed = 200;

    public int Total => Objects.Count + More;

    /// <summary>The listed objects <paramref name="keep"/> admits (the engine restricts before it caps, so More is then 0).</summary>
    internal SkipList Where(Func<SourceLocation, bool> keep) => new([.. Objects.Where(o => keep(o.Location))], More);

    internal SkipList Capped() => Objects.Count <= MaxListed ? this : new SkipList([.. Objects.Take(MaxListed)], More + Objects.Count - MaxListed);
}

/// <summary>One skipped (rule, object) pair as a worker records it: the rule's position among the active rules.</summary>
internal readonly record struct SkipRecord(int Rule, bool NotEffective, CheckedObject Object);
