using CertLint.Findings;

namespace CertLint.Rules.Evaluation;

/// <summary>What evaluating the rules produced: findings (suppressed ones marked), every check run, and notices.</summary>
public sealed record RuleEvaluation(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleCheck> Checks, IReadOnlyList<string> Notices)
{
    /// <summary>Per rule id: subjects of the rule's kind it did not apply to (`where`) and that it did not bind (`effective`).</summary>
    public IReadOnlyDictionary<string, SkipCounts> Skips { get; init; } = new Dictionary<string, SkipCounts>();

    /// <summary>Per rule id: which objects it skipped; null unless the request lists them (<c>ListSkipped</c>, -v).</summary>
    public IReadOnlyDictionary<string, SkippedObjects>? SkippedObjects { get; init; }

    public void Deconstruct(out IReadOnlyList<Finding> findings, out IReadOnlyList<RuleCheck> checks)
    {
        findings = Findings;
        checks = Checks;
    }
}

/// <summary>How many subjects of its kind a rule skipped: not applicable (where) and not effective (effective date).</summary>
public sealed record SkipCounts(int NotApplicable, int NotEffective);
