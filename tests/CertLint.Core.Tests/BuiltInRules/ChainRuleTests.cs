using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>chain-incomplete, chain-invalid, chain-order and self-signed-leaf through the compiled rules.</summary>
public sealed class ChainRuleTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Chain Root");
    private static readonly TestCertificate Inter = Root.IssueCa("Chain Intermediate");
    private static readonly TestCertificate Leaf = Inter.Issue("www.chain.test", o => o.ServerAuth().Dns("www.chain.test"));

    private static List<Finding> Chain(ChainStatus status)
    {
        var h = new PrimitiveHarness();
        var leaf = h.Add(Leaf, "server/www.crt");
        var inter = h.Add(Inter, "ca/intermediate.crt");
        var root = h.Add(Root, "ca/root.crt");
        h.Chain(leaf, status, inter, root);
        h.Chain(inter, ChainStatus.Complete, root);
        h.Chain(root, ChainStatus.Complete);
        return BuiltInRuleRunner.Lint(h).Where(f => f.Rule.Name.StartsWith("chain-", StringComparison.Ordinal)).ToList();
    }

    [Test]
    public void A_complete_chain_has_no_chain_findings() => Chain(ChainStatus.Complete).ShouldBeEmpty();

    [Test]
    public void An_incomplete_chain_is_chain_incomplete_only()
    {
        var f = Chain(ChainStatus.Incomplete).ShouldHaveSingleItem();
        f.Rule.Name.ShouldBe("chain-incomplete");
        f.Location.File.RelativePath.ShouldBe("server/www.crt");
        f.Message.ShouldContain("Incomplete chain");
    }

    [Test]
    public void An_invalid_chain_is_chain_invalid_only()
    {
        var f = Chain(ChainStatus.Invalid).ShouldHaveSingleItem();
        f.Rule.Name.ShouldBe("chain-invalid");
        f.Message.ShouldContain("CN=www.chain.test -> CN=Chain Intermediate -> CN=Chain Root");
    }

    [Test]
    public void Bundles_must_be_self_contained_and_in_order()
    {
        var h = new PrimitiveHarness();
        var file = PrimitiveHarness.File("server/fullchain.pem");
        var leaf = h.Add(Leaf.Der, file);
        var inter = h.Add(Inter.Der, file);
        h.Bundles.Add(new BundleInfo(file, [leaf, inter], Complete: true, Ordered: true, []));
        BuiltInRuleRunner.Lint(h).Where(f => f.Rule.Name.StartsWith("chain-", StringComparison.Ordinal)).ShouldBeEmpty();

        h.Bundles[0] = new BundleInfo(file, [inter, leaf], Complete: true, Ordered: false, ["the leaf is not first"]);
        var order = BuiltInRuleRunner.Lint(h, "chain-order").ShouldHaveSingleItem();
        order.Severity.ShouldBe(Severity.Warning);
        order.Subject.Kind.ShouldBe(SubjectKind.File);
        order.Message.ShouldContain("server/fullchain.pem holds its chain out of order");
        BuiltInRuleRunner.Lint(h, "chain-incomplete").ShouldBeEmpty();

        h.Bundles[0] = new BundleInfo(file, [leaf], Complete: false, Ordered: true, ["issuer CN=Chain Intermediate is neither in the file nor an anchor"]);
        var incomplete = BuiltInRuleRunner.Lint(h, "chain-incomplete").ShouldHaveSingleItem();
        incomplete.Subject.Kind.ShouldBe(SubjectKind.File);
        incomplete.Message.ShouldContain("issuer CN=Chain Intermediate is neither in the file nor an anchor");
        BuiltInRuleRunner.Lint(h, "chain-order").ShouldBeEmpty();
    }

    [Test]
    public void Self_signed_leaf_warns_and_is_not_also_chain_incomplete()
    {
        var h = new PrimitiveHarness();
        var self = h.Add(TestPki.CreateSelfSigned("self.chain.test", o => o.ServerAuth().Dns("self.chain.test")), "server/self.crt");
        h.Chain(self, ChainStatus.Incomplete);
        var root = h.Add(Root, "ca/root.crt");
        h.Chain(root, ChainStatus.Complete);

        var findings = BuiltInRuleRunner.Lint(h);
        findings.Where(f => f.Rule.Name == "chain-incomplete").ShouldBeEmpty();
        var f = findings.Where(f => f.Rule.Name == "self-signed-leaf").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/self.crt");
        f.Severity.ShouldBe(Severity.Warning);
    }

    [Test]
    public void Self_issued_but_not_self_signed_leaves_are_not_self_signed_leaf()
    {
        var h = new PrimitiveHarness();
        var cert = h.Add(Root.Issue("Chain Root"), "odd/same-name.crt");   // subject == issuer, signed by the root's key
        h.SelfSigned.Remove(cert);
        BuiltInRuleRunner.Lint(h, "self-signed-leaf").ShouldBeEmpty();
    }
}
