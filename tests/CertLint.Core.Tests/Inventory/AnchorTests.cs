using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

public sealed class AnchorTests
{
    private static readonly TestChain Acme = TestPki.CreateChain("leaf");

    [Test]
    public void Self_signed_CAs_in_the_scan_are_anchors_by_default()
    {
        var inventory = new TestScan().Pem("chain.pem", Acme.Leaf, Acme.Intermediate, Acme.Root).Build();

        inventory.Anchors.ShouldHaveSingleItem().Sha256.ShouldBe(Acme.Root.Sha256);
        inventory.SelfSigned.Select(c => c.Sha256).ShouldBe([Acme.Root.Sha256]);
        inventory.Chain(Acme.Leaf).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Without_anchors_from_scan_a_scanned_root_does_not_anchor()
    {
        var inventory = new TestScan().Pem("chain.pem", Acme.Leaf, Acme.Intermediate, Acme.Root).Build(anchorsFromScan: false);

        inventory.Anchors.ShouldBeEmpty();
        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Subjects().ShouldBe(["CN=leaf", "CN=Acme Intermediate", "CN=Acme Root"]);
        chain.Problems.ShouldBe(["CN=Acme Root is self-signed but not a trust anchor"]);
    }

    [Test]
    public void Ca_file_anchors_chains_without_being_scanned()
    {
        var scan = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate).Ca(Acme.Root);
        var inventory = scan.Build(anchorsFromScan: false);

        inventory.Anchors.ShouldHaveSingleItem().ShouldBeSameAs(scan.ExtraAnchors[0]);
        inventory.Certificates.Count.ShouldBe(2);
        inventory.Chains.Keys.ShouldNotContain(scan.ExtraAnchors[0]);
        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Root.ShouldBeSameAs(scan.ExtraAnchors[0]);
        inventory.Bundles.ShouldHaveSingleItem().Complete.ShouldBeTrue();
    }

    [Test]
    public void Ca_file_may_pin_an_intermediate()
    {
        var scan = new TestScan().Pem("leaf.pem", Acme.Leaf).Ca(Acme.Intermediate);
        var chain = scan.Build(anchorsFromScan: false).Chain(Acme.Leaf);

        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Shas().ShouldBe([Acme.Leaf.Sha256, Acme.Intermediate.Sha256]);
    }

    [Test]
    public void Root_in_both_scan_and_ca_file_is_one_anchor_and_paths_end_on_the_scanned_copy()
    {
        var scan = new TestScan().Pem("chain.pem", Acme.Leaf, Acme.Intermediate, Acme.Root).Ca(Acme.Root);
        var inventory = scan.Build();

        inventory.Anchors.ShouldHaveSingleItem();
        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Root!.Location.File.RelativePath.ShouldBe("chain.pem");
    }

    [Test]
    public void Named_anchor_without_basic_constraints_is_an_issuer_not_an_end_entity()
    {
        // limbo's rfc5280::root-missing-basic-constraints: the path fails at the anchor (issuer-not-ca); the anchor,
        // which issued the leaf, is no end entity, so it gets no leaf-is-ca, self-signed-leaf or eku-missing.
        var root = TestPki.CreateRoot("Bare Root", o => o.NoBasicConstraints());
        var leaf = root.Issue("www.bare.test", o => o.ServerAuth().Dns("www.bare.test"));
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("root.pem", root).Ca(root).Build(anchorsFromScan: false);

        inventory.IsLeaf(inventory.Cert(root)).ShouldBeFalse();
        inventory.IsLeaf(inventory.Cert(leaf)).ShouldBeTrue();
        var findings = CertLint.Rules.Evaluation.RuleEvaluator.Evaluate(inventory, BuiltInRules.BuiltInRuleRunner.Catalog.InForce,
                CertLint.Core.Tests.Rules.RuleTestKit.Context(inventory)).Findings
            .Where(f => f.Severity >= CertLint.Findings.Severity.Warning)
            .Select(f => $"{f.Rule.Name}@{f.Subject.Location.File.RelativePath}").Order(StringComparer.Ordinal);
        findings.ShouldBe(["issuer-not-ca@leaf.pem", "key-usage-cert-sign-without-ca@root.pem"]);
    }

    [Test]
    public void Self_signed_leaf_is_self_signed_but_no_anchor_even_from_scan()
    {
        var selfSigned = TestPki.CreateSelfSigned("device");
        var inventory = new TestScan().Pem("device.pem", selfSigned).Build();

        inventory.SelfSigned.ShouldHaveSingleItem();
        inventory.Anchors.ShouldBeEmpty();
    }

    [Test]
    public void Self_issued_certificate_with_another_key_is_not_self_signed()
    {
        // Same name as the root, different key: a key-rollover link, issued by the old root.
        var rollover = Acme.Root.IssueCa("Acme Root");
        var inventory = new TestScan().Pem("roots.pem", Acme.Root, rollover).Build();

        inventory.SelfSigned.Select(c => c.Sha256).ShouldBe([Acme.Root.Sha256]);
        inventory.Anchors.Select(c => c.Sha256).ShouldBe([Acme.Root.Sha256]);
        var chain = inventory.Chain(rollover);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Shas().ShouldBe([rollover.Sha256, Acme.Root.Sha256]);
    }

    [Test]
    public void Pinned_self_signed_leaf_in_ca_file_is_complete()
    {
        var device = TestPki.CreateSelfSigned("device");
        var chain = new TestScan().Pem("device.pem", device).Ca(device).Build().Chain(device);

        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Path.Count.ShouldBe(1);
    }
}
