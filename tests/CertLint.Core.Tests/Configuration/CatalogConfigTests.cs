using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Loading;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Configuration;

/// <summary>How configuration picks and shapes the rules in force: packs, severities, parameters, names.</summary>
public class CatalogConfigTests
{
    private static RuleDefinition BuiltIn(string id, string name, bool enabled = true) => RuleParser.Parse($"rules/{name}.yml",
        $"id: {id}\nname: {name}\ntitle: {name}\nseverity: warning\nenabled: {(enabled ? "true" : "false")}\n" +
        "parameters:\n  bits: { type: integer, default: 2048, minimum: 512 }\ncheck: { field: key.size, min: '${bits}' }\n", builtIn: true);

    private static readonly RuleDefinition[] BuiltIns = [BuiltIn("CL9001", "weak-one"), BuiltIn("CL9002", "opt-in", enabled: false)];
    private static readonly RuleDefinition Custom = RuleParser.Parse("custom/mine.yml", RuleYaml("{ field: ca, equals: false }"));

    private static RuleCatalog Load(string config, params string[] extends)
    {
        var c = ConfigLoader.Parse(".certlint.yml", config, "/repo");
        return RuleCatalog.Load(BuiltIns, [Custom], c.Extends ?? extends, c.RuleOverrides ?? new Dictionary<string, RuleOverride>());
    }

    [Test]
    public void Recommended_all_and_none_packs()
    {
        Load("extends: builtin:recommended\n").InForce.Select(r => r.Name).ShouldBe(["weak-one", "test-rule"]);
        Load("extends: builtin:all\n").InForce.Select(r => r.Name).ShouldBe(["weak-one", "opt-in", "test-rule"]);
        Load("extends: builtin:none\n").InForce.Select(r => r.Name).ShouldBe(["test-rule"]);
        Load("extends: builtin:none\n").Rules.Count.ShouldBe(3);
    }

    [Test]
    public void Severity_override_by_name_or_id_and_off()
    {
        var catalog = Load("rules:\n  CL9001: error\n  test-rule: off\n  opt-in: note\n", RuleCatalog.Recommended);
        catalog.InForce.Select(r => (r.Name, r.Severity)).ShouldBe([("weak-one", Severity.Error), ("opt-in", Severity.Note)]);
        catalog.Find("test-rule")!.Severity.ShouldBe(Severity.None);
    }

    [Test]
    public void Parameter_override_reaches_the_check()
    {
        var catalog = Load("rules:\n  weak-one: { parameters: { bits: 4096 } }\n", RuleCatalog.Recommended);
        var rule = catalog.Find("weak-one")!;
        rule.Parameters["bits"].ShouldBe(4096L);
        Run(rule, InventoryOf(Cert(bits: 3072))).Count.ShouldBe(1);
        Run(catalog.Find("CL9001")!.WithSeverity(Severity.Warning), InventoryOf(Cert(bits: 4096))).ShouldBeEmpty();
    }

    [Test]
    public void Unknown_rule_or_parameter_in_config_points_at_the_config()
    {
        var e = Should.Throw<ConfigurationException>(() => Load("failOn: error\nrules:\n  weak-onne: off\n", RuleCatalog.Recommended));
        e.Message.ShouldBe(".certlint.yml:3:3: error: unknown rule 'weak-onne' in 'rules' (did you mean 'weak-one'?)");
        e = Should.Throw<ConfigurationException>(() => Load("rules:\n  weak-one:\n    parameters: { bitz: 1 }\n", RuleCatalog.Recommended));
        (e.File, e.Line, e.Column, e.Suggestion).ShouldBe((".certlint.yml", 2, 3, "bits"));
        e = Should.Throw<ConfigurationException>(() => Load("rules:\n  weak-one:\n    parameters: { bits: 100 }\n", RuleCatalog.Recommended));
        e.Problem.ShouldContain("below its minimum 512");
    }

    [Test]
    public void Suppression_naming_an_unknown_rule_is_an_error()
    {
        var c = ConfigLoader.Parse(".certlint.yml", "suppressions:\n  - rule: weak-on\n    path: a/**\n    reason: r\n", "/repo");
        var catalog = Load("", RuleCatalog.Recommended);
        var e = Should.Throw<ConfigurationException>(() => catalog.CheckSuppressions(c.Suppressions!));
        (e.Line, e.Column, e.Suggestion).ShouldBe((2, 5, "weak-one"));
    }
}
