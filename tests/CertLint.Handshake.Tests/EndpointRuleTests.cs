using CertLint.Findings;
using CertLint.Rules;


namespace CertLint.Handshake.Tests;

/// <summary>The tls-* handshake rules load through the normal rule catalog as endpoint rules, with docs beside them.</summary>
public sealed class EndpointRuleTests
{
    [Test]
    public void Every_handshake_rule_is_a_built_in_endpoint_rule_with_documentation()
    {
        var endpointRules = RuleCatalog.LoadBuiltIn().Rules.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();

        endpointRules.Select(r => r.Name).ShouldBe(BuiltInRules.Handshake, ignoreOrder: true);
        foreach (var rule in endpointRules)
        {
            rule.PrimitiveName.ShouldBe("tls-handshake");
            rule.Descriptor.Documentation.ShouldStartWith($"# {rule.Name} ({rule.Id})");
            rule.Kinds.ShouldBe([SubjectKind.Endpoint]);
        }
    }
}
