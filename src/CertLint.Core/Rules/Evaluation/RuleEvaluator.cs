using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// Runs compiled rules over every subject of an inventory, in parallel, with deterministic output order
/// (path, line, rule id, object id). Rules that are off (severity None) do not run.
/// </summary>
public static class RuleEvaluator
{
    /// <param name="capFindings">Apply the per-file and per-rule caps (<see cref="FindingCap"/>); a host that reports only
    /// part of what it evaluated caps after choosing that part, so findings outside it do not use up the caps.</param>
    public static RuleEvaluation Evaluate(CertificateInventory inventory, IReadOnlyList<CompiledRule> rules, EvaluationContext context,
        bool capFindings = true)
    {
        var subjects = RuleSubjects.Build(inventory);
        // In report order (rule id): every subject's checked rules are then already ordered, which OrderKeys.Checks relies on.
        var active = rules.Where(r => r.Severity != Severity.None).OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
        // A rule never applies to a kind it does not name: each subject only meets the rules of its kind.
        var byKind = Enum.GetValues<SubjectKind>().ToDictionary(k => k, k => active.Where(r => r.Kinds.Contains(k)).ToArray());
        var kindRules = byKind.ToDictionary(k => k.Key, k => k.Value.Select(r => r.Descriptor).ToArray());
        var perSubject = new (Finding[] Findings, RuleDescriptor[] Checked)[subjects.Count];
        var index = active.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => x.i);
        var positions = byKind.ToDictionary(k => k.Key, k => k.Value.Select(r => index[r]).ToArray());
        // Skips are counted per worker and summed at the end: no shared counter touched per (rule, subject).
        var notApplicable = new int[active.Length];
        var notEffective = new int[active.Length];
        var ruleSets = new CheckList.RuleSets();
        // Which objects were skipped only when the request lists them (-v): otherwise nothing is recorded.
        var recorders = context.Settings.ListSkipped ? new List<SkipRecorder>() : null;
        var blocks = Blocks(subjects);
        Engine.Workers.For(blocks.Count,
            () => new WorkerState(active.Length, ruleSets, context.ListScope,
                recorders is null ? null : new SkipRecorder(active.Length)),
            (b, tally) =>
            {
                var block = blocks[b];
                var kind = subjects[block[0]].Kind;
                RunBlock(subjects, block, byKind.GetValueOrDefault(kind, []), kindRules.GetValueOrDefault(kind, []),
                    positions.GetValueOrDefault(kind, []), context, tally, perSubject);
                return tally;
            },
            tally =>
            {
                lock (notApplicable)
                {
                    tally.AddTo(notApplicable, notEffective);
                    if (tally.Listed is { } listed) recorders?.Add(listed);
                }
            }, items: subjects.Count);

        var suppressions = new SuppressionMatcher(context.Settings.Suppressions, context.Now);
        var findings = new List<Finding>();
        var checkedRules = new RuleDescriptor[subjects.Count][];
        for (var i = 0; i < subjects.Count; i++)
        {
            var sha = subjects[i].Certificate?.Sha256;
            foreach (var f in perSubject[i].Findings)
                findings.Add(suppressions.Match(f, sha) is { } s ? f with { Suppression = s } : f);
            checkedRules[i] = perSubject[i].Checked;
            perSubject[i] = default;
        }
        var order = new OrderKeys(subjects, active);
        var sorted = order.Sort(findings, f => f.Location, f => f.Rule, f => f.Subject.ObjectId);
        findings.Clear();
        return new RuleEvaluation(capFindings ? FindingCap.Apply(sorted, context.Settings.Limits) : sorted, order.Checks(subjects, checkedRules), suppressions.Notices)
        {
            Skips = active.Select((r, i) => (r.Id, Counts: new SkipCounts(notApplicable[i], notEffective[i])))
                .Where(x => x.Counts.NotApplicable + x.Counts.NotEffective > 0).ToDictionary(x => x.Id, x => x.Counts, StringComparer.Ordinal),
            SkippedObjects = recorders is null ? null : SkipRecorder.Merge(active, subjects, recorders, notApplicable, notEffective),
        };
    }

    /// <summary>Subjects in blocks of up to <see cref="BlockSize"/> of one kind, each block in scan order.</summary>
    private static List<int[]> Blocks(IReadOnlyList<RuleSubject> subjects)
    {
        var size = Math.Max(1, BlockSize);
        var blocks = new List<int[]>(subjects.Count / size + 8);
        foreach (var group in Enumerable.Range(0, subjects.Count).GroupBy(i => subjects[i].Kind))
            blocks.AddRange(group.Chunk(size));
        return blocks;
    }

    /// <summary>
    /// How many subjects one worker evaluates together, rule by rule: each rule's delegates then run this many times in
    /// a row (the processor predicts their indirect calls and keeps their code and data hot) instead of once between
    /// hundreds of other rules' on each subject. Each subject of a block keeps its own field memo and details. Settable
    /// for a test that compares blocks with one subject at a time: no answer depends on it.
    /// </summary>
    internal static int BlockSize { get; set; } = 16;

    /// <param name="block">The subjects' indexes, all of one kind.</param>
    /// <param name="positions">Each rule's index among the active rules, for <paramref name="tally"/>.</param>
    /// <param name="descriptors">The descriptors of <paramref name="rules"/>, shared by every subject all of them checked.</param>
    private static void RunBlock(IReadOnlyList<RuleSubject> subjects, int[] block, CompiledRule[] rules, RuleDescriptor[] descriptors,
        int[] positions, EvaluationContext context, WorkerState tally, (Finding[], RuleDescriptor[])[] perSubject)
    {
        var n = block.Length;
        var state = tally.Open(n);
        for (var b = 0; b < n; b++)
        {
            var subject = subjects[block[b]];
            state[b].Begin(tally.IsInScope(subject));
            Fields.FieldMemo.Open(b, subject, context);
        }
        try
        {
            for (var r = 0; r < rules.Length; r++)
            {
                var rule = rules[r];
                for (var b = 0; b < n; b++)
                {
                    if (n > 1 || r == 0) Fields.FieldMemo.Enter(b);
                    Evaluate(rule, r, subjects[block[b]], block[b], descriptors, positions, context, tally, state[b]);
                }
            }
        }
        finally
        {
            Fields.FieldMemo.Close(n);
        }
        for (var b = 0; b < n; b++)
        {
            var s = state[b];
            // Few findings per subject and the same rules for most: no per-subject lists kept alive (200,000 empty files).
            perSubject[block[b]] = (s.Found?.ToArray() ?? [], s.Skipped ? tally.Sets.Intern(CollectionsMarshal.AsSpan(s.Checks)) : descriptors);
            s.Found = null;
        }
    }

    /// <summary>One (rule, subject) pair: not effective, not applicable, or checked with its violations as findings.</summary>
    private static void Evaluate(CompiledRule rule, int r, RuleSubject subject, int index, RuleDescriptor[] descriptors, int[] positions,
        EvaluationContext context, WorkerState tally, SubjectState state)
    {
        try
        {
            var effective = rule.IsEffectiveFor(subject, context.Now.UtcTicks);
            if (!effective || !rule.AppliesTo(subject, context))
            {
                if (state.InScope)
                {
                    (effective ? tally.NotApplicable : tally.NotEffective)[positions[r]]++;
                    if (tally.Listed is { } listed)
                    {
                        listed.Begin(index);
                        listed.Add(positions[r], !effective);
                    }
                }
                if (!state.Skipped)
                {
                    // The rules that checked it, kept only once one rule did not: until then they are a prefix of all.
                    state.Skipped = true;
                    state.Checks.Clear();
                    state.Checks.AddRange(descriptors.AsSpan(0, r));
                }
                return;
            }
            if (state.Skipped) state.Checks.Add(rule.Descriptor);
            var violations = rule.Check(subject, context);
            if (violations.Count == 0) return; // most pairs: no enumerator to ask
            foreach (var v in violations)
            {
                var obj = v.Location is { } loc ? subject.Object with { Location = loc } : subject.Object;
                (state.Found ??= []).Add(Deferred(rule, subject, context, v, obj,
                    v.Related is { Count: > 0 } related ? [.. related.Take(Finding.MaxRelated)] : []));
            }
        }
        catch (RegexMatchTimeoutException e)
        {
            // A hostile or unlucky pattern: report it on the object instead of hanging or crashing the run.
            (state.Found ??= []).Add(new Finding(rule.Descriptor, rule.Severity,
                $"rule {rule.Name} could not be evaluated: its pattern timed out after {e.MatchTimeout.TotalMilliseconds:0} ms (avoid lookarounds and backreferences)",
                subject.Object));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            (state.Found ??= []).Add(new Finding(rule.Descriptor, rule.Severity,
                $"rule {rule.Name} failed on this object ({e.GetType().Name}: {e.Message})", subject.Object));
        }
    }

    /// <summary>
    /// A finding whose message is rendered when a report first reads it (most findings past the caps are never read).
    /// Its own method: a lambda in the evaluation loop would allocate its closure for every (rule, subject) pair.
    /// </summary>
    private static Finding Deferred(CompiledRule rule, RuleSubject subject, EvaluationContext context, Violation violation,
        CheckedObject obj, IReadOnlyList<RelatedLocation> related) =>
        Finding.Deferred(rule.Descriptor, rule.Severity, () => Render(rule, subject, context, violation), obj, related);

    /// <summary>
    /// Reads the immutable model only, so any thread may render; a template that fails says so instead of failing the report.
    /// </summary>
    private static string Render(CompiledRule rule, RuleSubject subject, EvaluationContext context, Violation violation)
    {
        try
        {
            return rule.FormatMessage(subject, context, violation);
        }
        catch (RegexMatchTimeoutException e)
        {
            return $"rule {rule.Name}: its message could not be rendered: a pattern timed out after {e.MatchTimeout.TotalMilliseconds:0} ms";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"rule {rule.Name}: its message could not be rendered ({e.GetType().Name}: {e.Message})";
        }
    }

    /// <summary>One subject's evaluation within a block: its findings so far, and the rules that checked it once one did not.</summary>
    private sealed class SubjectState
    {
        public List<Finding>? Found;
        public readonly List<RuleDescriptor> Checks = [];
        public bool Skipped;
        /// <summary>
        /// Whether the subject is in the paths the request reports on: skips are counted only there, like the
        /// `checked` counts and the -v lists (an object of the wider scan root that only completes a chain is not
        /// "skipped" by a rule the user asked about).
        /// </summary>
        public bool InScope;

        public void Begin(bool inScope)
        {
            Found = null;
            Skipped = false;
            InScope = inScope;
        }
    }

    /// <summary>
    /// One worker's state: its counts of in-scope subjects each active rule did not apply to or did not bind (and,
    /// under -v, which), and its block's subject states, reused from block to block; each subject's rule list is interned
    /// as soon as it is made (most subjects meet one of a few lists; a new list per subject was tens of megabytes with
    /// every pack on).
    /// </summary>
    private sealed class WorkerState(int rules, CheckList.RuleSets sets, Func<Model.SourceLocation, bool>? scope, SkipRecorder? listed)
    {
        private SubjectState[] _block = [];

        public bool IsInScope(RuleSubject subject) => scope?.Invoke(subject.Object.Location) ?? true;

        /// <summary>States for a block of <paramref name="count"/> subjects.</summary>
        public SubjectState[] Open(int count)
        {
            if (_block.Length < count)
            {
                var grown = new SubjectState[count];
                _block.CopyTo(grown, 0);
                for (var i = _block.Length; i < count; i++) grown[i] = new SubjectState();
                _block = grown;
            }
            return _block;
        }

        /// <summary>Shared by every worker (thread-safe): each subject's list is interned as soon as it is made.</summary>
        public readonly CheckList.RuleSets Sets = sets;

        public readonly int[] NotApplicable = new int[rules];
        public readonly int[] NotEffective = new int[rules];
        public readonly SkipRecorder? Listed = listed;

        public void AddTo(int[] notApplicable, int[] notEffective)
        {
            for (var i = 0; i < NotApplicable.Length; i++)
            {
                notApplicable[i] += NotApplicable[i];
                notEffective[i] += NotEffective[i];
            }
        }
    }
}
