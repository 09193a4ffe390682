using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Rules;
using CertLint.Rules.Loading;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>
/// A lint run compiles a built-in rule the configuration leaves alone when a subject first needs it; custom rules and
/// overridden built-ins are compiled at load, so that their mistakes still stop the run with file:line:column.
/// </summary>
public class DeferredCompileTests
{
    private static RuleDefinition BuiltIn(string id, string name, string check, string message, string? where = null) => RuleParser.Parse(
        $"rules/{name}.yml", $"id: {id}\nname: {name}\ntitle: {name}\nseverity: warning\n" + (where is null ? "" : $"where: {where}\n") +
        $"parameters:\n  bits: {{ type: integer, default: 2048, minimum: 512 }}\ncheck: {check}\nmessage: '{message}'\n", builtIn: true);

    private static readonly RuleDefinition Weak = BuiltIn("CL9001", "weak-one", "{ field: key.size, min: '${bits}' }", "weak-one: {{key.size}} bits");
    private static readonly RuleDefinition CaOnly = BuiltIn("CL9002", "ca-only", "{ field: key.size, min: 4096 }", "ca-only", "{ match: { field: ca, equals: true } }");
    private static readonly RuleDefinition Names = BuiltIn("CL9003", "names", "{ field: san.entries, each: { field: value, pattern: \"^[a-z.]+$\" } }",
        "names: {{#failing}}{{value}}{{/failing}}");

    private static RuleCatalog Load(string config, bool defer, params RuleDefinition[] custom)
    {
        var c = ConfigLoader.Parse(".certlint.yml", config, "/repo");
        return RuleCatalog.Load([Weak, CaOnly, Names], custom, c.Extends ?? [RuleCatalog.Recommended],
            c.RuleOverrides ?? new Dictionary<string, RuleOverride>(), deferBuiltIns: defer);
    }

    [Test]
    public void Each_part_compiles_when_first_needed_and_finds_what_an_eager_compile_finds()
    {
        var named = CertLint.Tests.Pki.TestScan.Certificate(CertLint.Tests.Pki.TestPki.CreateSelfSigned("x", o => o.Dns(["ok.test", "Bad-Name.test"])), FileAt("certs/x.pem"));
        var inventory = InventoryOf(Cert(bits: 1024), named);
        var lazy = Load("rules: {}\n", defer: true);
        lazy.Rules.Select(r => r.Compiled).ShouldAllBe(c => !c.Where && !c.Check);
        var deferred = RuleEvaluator(lazy, inventory);
        lazy.Find("weak-one")!.Compiled.ShouldBe((true, true));
        lazy.Find("names")!.Compiled.ShouldBe((true, true));
        // No subject is a CA: `where` ran, the check was never needed.
        lazy.Find("ca-only")!.Compiled.ShouldBe((true, false));

        var eager = Load("rules: {}\n", defer: false);
        eager.Rules.Select(r => r.Compiled).ShouldAllBe(c => c.Where && c.Check);
        deferred.ShouldBe(RuleEvaluator(eager, inventory));
        deferred.ShouldBe(["certs/client.crt weak-one: 1024 bits", "certs/x.pem weak-one: 256 bits", "certs/x.pem names: Bad-Name.test"]);
    }

    [Test]
    public void Overridden_and_custom_rules_still_fail_at_load_with_their_position()
    {
        var e = Should.Throw<ConfigurationException>(() => Load("rules:\n  weak-one:\n    parameters: { bits: 100 }\n", defer: true));
        (e.File, e.Line, e.Column).ShouldBe((".certlint.yml", 2, 3));
        Load("rules:\n  weak-one: { parameters: { bits: 4096 } }\n", defer: true).Find("weak-one")!.Compiled.ShouldBe((true, true));

        var custom = RuleParser.Parse("custom/mine.yml", RuleYaml("{ field: key.sise, min: 1 }"));
        e = Should.Throw<ConfigurationException>(() => Load("rules: {}\n", defer: true, custom));
        (e.File, e.Line, e.Column, e.Suggestion).ShouldBe(("custom/mine.yml", 6, 12, "key.size"));
    }

    private static string[] RuleEvaluator(RuleCatalog catalog, CertLint.Inventory.CertificateInventory inventory) =>
        [.. CertLint.Rules.Evaluation.RuleEvaluator.Evaluate(inventory, catalog.InForce, Context(inventory)).Findings
            .Select(f => $"{f.Subject.Location.File.RelativePath} {f.Message}")];
}
