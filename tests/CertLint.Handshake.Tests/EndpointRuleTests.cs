using CertLint.Findings;
using CertLint.Rules;


namespace CertLint.Handshake.Tests;

/// <summary>The CL06xx rules load through the normal rule catalog as endpoint rules, with docs beside them.</summary>
public sealed class EndpointRuleTests
{
    [Test]
    public void Every_CL06_id_is_a_built_in_endpoint_rule_with_documentation()
    {
        var endpointRules = RuleCatalog.LoadBuiltIn().Rules.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();
        var expected = RuleIds.BuiltIn.Where(r => r.Key.StartsWith("CL06", StringComparison.Ordinal)).ToList();

        endpointRules.Select(r => (r.Id, r.Name)).ShouldBe(expected.Select(e => (e.Key, e.Value)), ignoreOrder: true);
        foreach (var rule in endpointRules)
        {
            rule.PrimitiveName.ShouldBe("tls-handshake");
            rule.Descriptor.Documentation.ShouldStartWith($"# {rule.Name} ({rule.Id})");
            rule.Kinds.ShouldBe([SubjectKind.Endpoint]);
        }
    }
}
