using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Tests.BuiltInRules;

/// <summary>The embedded rule files compile with the real loader and carry their documentation and help link.</summary>
public sealed class CatalogTests
{
    [Test]
    public void Every_built_in_rule_compiles_and_is_in_force_by_default()
    {
        var catalog = BuiltInRuleRunner.Catalog;
        catalog.InForce.Where(r => r.Descriptor.Pack == "core").Select(r => (r.Id, r.Name))
            .ShouldBe(RuleFileTests.CoreRuleFiles().OrderBy(x => x.Id, StringComparer.Ordinal));
    }

    [Test]
    public void Every_rule_name_the_code_uses_is_a_loaded_rule()
    {
        var names = typeof(CertLint.Rules.BuiltInRules).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        names.ShouldNotBeEmpty();
        foreach (var name in names) BuiltInRuleRunner.Catalog.Find(name).ShouldNotBeNull(name);
    }

    [Test]
    public void Descriptors_carry_the_doc_page_help_link_and_texts()
    {
        foreach (var d in BuiltInRuleRunner.Catalog.Descriptors)
        {
            d.HelpUri.ShouldBe(CertLint.Rules.Loading.RuleLoader.HelpBase + (d.Pack == "core" ? "" : d.Pack + "/") + d.Name + ".md");
            d.Documentation.ShouldNotBeNullOrWhiteSpace();
            if (!RuleFileTests.IsFileRule(d.Id)) continue;
            d.Documentation.ShouldStartWith($"# {d.Name} ({d.Id})");
            d.References.ShouldNotBeEmpty();
            d.Remediation.ShouldNotBeNullOrWhiteSpace();
            d.IsBuiltIn.ShouldBeTrue();
            if (d.DefaultSeverity == Severity.Error && d.Name is not ("parse-error" or "file-encoding" or "chain-order")) // input and order, not security
            {
                d.SecuritySeverity.ShouldNotBeNull($"{d.Name} is a security rule");
            }
        }
    }

    [TestCase("cert-expiring-soon", Severity.Warning)]
    [TestCase("validity-too-long", Severity.Note)]
    [TestCase("password-required", Severity.Note)]
    [TestCase("eku-missing", Severity.Warning)]
    [TestCase("chain-order", Severity.Warning)]
    [TestCase("san-missing", Severity.Warning)]
    [TestCase("cn-not-in-san", Severity.Warning)]
    [TestCase("self-signed-leaf", Severity.Warning)]
    [TestCase("cert-expired", Severity.Error)]
    [TestCase("key-file-permissions", Severity.Error)]
    public void Default_severities_follow_the_public_table(string name, Severity severity) =>
        BuiltInRuleRunner.Catalog.Find(name)!.Severity.ShouldBe(severity);
}
