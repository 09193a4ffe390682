using CertLint.Findings;

namespace CertLint.Rules.Evaluation;

/// <summary>What evaluating the rules produced: findings (suppressed ones marked), every check run, and notices.</summary>
public sealed record RuleEvaluation(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleCheck> Checks, IReadOnlyList<string> Notices)
{
    public void Deconstruct(out IReadOnlyList<Finding> findings, out IReadOnlyList<RuleCheck> checks)
    {
        findings = Findings;
        checks = Checks;
    }
}
