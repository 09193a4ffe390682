using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Evaluation;
using CertLint.Rules.Loading;

namespace CertLint.Tests.BuiltInRules;

/// <summary>Runs the embedded built-in rules, compiled by the real rule compiler, through the real evaluator.</summary>
internal static class BuiltInRuleRunner
{
    private static readonly Lazy<RuleCatalog> Defaults = new(RuleCatalog.LoadBuiltIn);

    public static RuleCatalog Catalog => Defaults.Value;

    /// <summary>The catalog with configuration overrides, as .certlint.yml would give them.</summary>
    public static RuleCatalog With(string rule, Severity? severity = null, params (string Name, object? Value)[] parameters) =>
        RuleCatalog.Load(RuleLoader.LoadBuiltIn(), [], [RuleCatalog.Recommended],
            new Dictionary<string, RuleOverride> { [rule] = new(severity, parameters.ToDictionary(p => p.Name, p => p.Value)) });

    public static IReadOnlyList<Finding> Lint(PrimitiveHarness h, RuleCatalog? catalog = null) =>
        RuleEvaluator.Evaluate(h.Context().Inventory, (catalog ?? Catalog).InForce, h.Context()).Findings;

    /// <summary>Findings of one rule, by name.</summary>
    public static List<Finding> Lint(PrimitiveHarness h, string rule, RuleCatalog? catalog = null) =>
        Lint(h, catalog).Where(f => f.Rule.Name == rule).ToList();
}
