using CertLint.Rules;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;
using Shouldly;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>
/// Rules whose `where:` reads the same decide it once per subject (the answer is memoised per distinct clause); a
/// clause that names a parameter, or the same text for other kinds, must not take another rule's answer.
/// </summary>
public class WhereSharingTests
{
    private static CompiledRule Rule(string id, string where, string? parameters = null) => RuleCompiler.Compile(RuleParser.Parse($"rules/{id}.yml",
        $"id: {id}\nname: rule-{id.ToLowerInvariant()}\ntitle: {id}\nseverity: warning\nwhere:\n{where}\n" + (parameters ?? "") +
        "check: { field: key.size, min: 1000000 }\nmessage: '{{subject.cn}}'\n"));

    private static string[] Evaluate(CertLint.Inventory.CertificateInventory inventory, params CompiledRule[] rules) =>
        [.. CertLint.Rules.Evaluation.RuleEvaluator.Evaluate(inventory, rules, Context(inventory)).Findings.Select(f => $"{f.Rule.Id} {f.Message}")];

    [Test]
    public void Rules_with_one_clause_agree_and_a_parameter_keeps_each_rules_own_answer()
    {
        var inventory = InventoryOf(Cert(cn: "small", path: "certs/small.crt", bits: 1024, sha256: "01"),
            Cert(cn: "large", path: "certs/large.crt", bits: 4096, sha256: "02"));
        const string atMost = "  match: { field: key.size, max: '${bits}' }";
        var upTo2048 = Rule("CL9101", atMost, "parameters:\n  bits: { type: integer, default: 2048 }\n");
        var upTo8192 = Rule("CL9102", atMost, "parameters:\n  bits: { type: integer, default: 8192 }\n");
        var small = Rule("CL9103", "  match: { field: key.size, max: 2048 }");
        var smallToo = Rule("CL9104", "  match: { field: key.size, max: 2048 }");
        var largeOnly = Rule("CL9105", "  match: { field: key.size, min: 4096 }");

        Evaluate(inventory, upTo2048, upTo8192, small, smallToo, largeOnly).ShouldBe(
        [
            "CL9101 small", "CL9102 small", "CL9103 small", "CL9104 small",
            "CL9102 large", "CL9105 large",
        ], ignoreOrder: true);
        // Each alone gives the same answers: sharing changes the cost, never the result.
        Evaluate(inventory, upTo8192).ShouldBe(["CL9102 large", "CL9102 small"], ignoreOrder: true);
        Evaluate(inventory, smallToo).ShouldBe(["CL9104 small"]);
    }
}
