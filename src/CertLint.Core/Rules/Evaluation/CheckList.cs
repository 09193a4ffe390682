using System.Collections;
using System.Runtime.CompilerServices;
using CertLint.Findings;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// Every (rule, object) pair the rules evaluated, in report order, stored per object: the object and the rules that
/// checked it, the rule lists shared by every object that met the same rules. 200,000 files met by 11 rules cost
/// 200,000 small entries instead of 2.2 million records (issue 11: memory grows with the objects, not with the
/// rules × objects); a <see cref="RuleCheck"/> is made when it is read.
/// </summary>
public sealed class CheckList : IReadOnlyList<RuleCheck>
{
    public static readonly CheckList Empty = new([]);

    private readonly Segment[] _segments;
    private readonly int[] _starts;

    internal CheckList(Segment[] segments)
    {
        _segments = segments;
        _starts = new int[segments.Length];
        var count = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            _starts[i] = count;
            count += segments[i].Count;
        }
        Count = count;
    }

    public int Count { get; }

    public RuleCheck this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var s = Array.BinarySearch(_starts, index);
            if (s < 0) s = ~s - 1;
            // Empty segments do not exist, so the first start at or below the index is the segment.
            return _segments[s][index - _starts[s]];
        }
    }

    /// <summary>The checks <paramref name="keep"/> admits, in the same order and as compact as before.</summary>
    public static IReadOnlyList<RuleCheck> Where(IReadOnlyList<RuleCheck> checks, Func<RuleCheck, bool> keep)
    {
        if (checks is not CheckList list) return checks.Where(keep).ToList();
        var kept = new List<Segment>(list._segments.Length);
        foreach (var segment in list._segments)
        {
            var admitted = Enumerable.Range(0, segment.Count).Select(i => segment[i]).Where(keep).ToArray();
            if (admitted.Length == segment.Count) kept.Add(segment);
            else if (admitted.Length > 0) kept.Add(new Segment(null, null, admitted));
        }
        return new CheckList([.. kept]);
    }

    public IEnumerator<RuleCheck> GetEnumerator()
    {
        foreach (var segment in _segments)
        {
            for (var i = 0; i < segment.Count; i++) yield return segment[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// One object with the rules that checked it; or objects sharing a line, interleaved in report order; or (after
    /// <see cref="Where"/> dropped some) the pairs themselves.
    /// </summary>
    internal readonly record struct Segment(CheckedObject? Subject, RuleDescriptor[]? Rules, RuleCheck[]? Pairs, Interleaved? Shared = null)
    {
        public int Count => Shared?.Count ?? Pairs?.Length ?? Rules!.Length;

        public RuleCheck this[int i] => Shared is { } shared ? shared[i] : Pairs is { } pairs ? pairs[i] : new RuleCheck(Rules![i], Subject!);
    }

    /// <summary>
    /// Objects on one line with their rule lists and the report order as (object, position) packed in a long: 8 bytes
    /// per check instead of a <see cref="RuleCheck"/> each (a certificate and its file meet hundreds of rules). The
    /// order is merged when a check is first read: a run that reports only findings (the console) never reads them,
    /// and on 10,000 certificates with their files the merges were a tenth of the rule stage.
    /// </summary>
    internal sealed class Interleaved(CheckedObject[] objects, RuleDescriptor[][] rules, Func<RuleDescriptor[][], long[]> merge)
    {
        private long[]? _order;

        public int Count { get; } = Total(rules);

        private static int Total(RuleDescriptor[][] rules)
        {
            var total = 0;
            foreach (var list in rules) total += list.Length;
            return total;
        }

        public RuleCheck this[int i]
        {
            get
            {
                // Readers on several threads may each merge once; every merge gives the same order.
                var order = Volatile.Read(ref _order) ?? Interlocked.CompareExchange(ref _order, merge(rules), null) ?? _order!;
                var packed = order[i];
                var k = (int)(packed >> 32);
                return new RuleCheck(rules[k][(int)(packed & uint.MaxValue)], objects[k]);
            }
        }
    }

    /// <summary>Shares one array between objects that met the same rules (compared by reference, in order). Thread-safe:
    /// the evaluator interns each object's list as soon as it is made, so 10,000 certificates meeting the same ~200
    /// rules hold one array, not 10,000, while the rest of the run is still being evaluated (peak memory).</summary>
    internal sealed class RuleSets
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<RuleDescriptor[], RuleDescriptor[]> _sets = new(new SameRules());

        /// <summary>The shared array with these rules, copied from <paramref name="rules"/> only when it is new.</summary>
        public RuleDescriptor[] Intern(ReadOnlySpan<RuleDescriptor> rules)
        {
            if (rules.Length == 0) return [];
            var lookup = _sets.GetAlternateLookup<ReadOnlySpan<RuleDescriptor>>();
            if (lookup.TryGetValue(rules, out var shared)) return shared;
            var copy = rules.ToArray();
            return _sets.GetOrAdd(copy, copy); // another worker may have added the same list meanwhile: one wins
        }

        private sealed class SameRules : IEqualityComparer<RuleDescriptor[]>, IAlternateEqualityComparer<ReadOnlySpan<RuleDescriptor>, RuleDescriptor[]>
        {
            public bool Equals(ReadOnlySpan<RuleDescriptor> a, RuleDescriptor[] b)
            {
                if (a.Length != b.Length) return false;
                for (var i = 0; i < a.Length; i++)
                {
                    if (!ReferenceEquals(a[i], b[i])) return false;
                }
                return true;
            }

            public int GetHashCode(ReadOnlySpan<RuleDescriptor> rules)
            {
                var hash = new HashCode();
                foreach (var r in rules) hash.Add(RuntimeHelpers.GetHashCode(r));
                return hash.ToHashCode();
            }

            public RuleDescriptor[] Create(ReadOnlySpan<RuleDescriptor> rules) => rules.ToArray();

            public bool Equals(RuleDescriptor[]? a, RuleDescriptor[]? b) =>
                a is null || b is null ? ReferenceEquals(a, b) : Equals((ReadOnlySpan<RuleDescriptor>)a, b);

            public int GetHashCode(RuleDescriptor[] rules) => GetHashCode((ReadOnlySpan<RuleDescriptor>)rules);
        }
    }
}
