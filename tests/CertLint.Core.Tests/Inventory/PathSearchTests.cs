using CertLint.Configuration;
using CertLint.Inventory.Paths;
using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

/// <summary>Several candidate issuers: cross-signed and renewed CAs, loops, depth.</summary>
public sealed class PathSearchTests
{
    [Test]
    public void Cross_signed_root_reaches_the_old_anchor_when_the_new_root_is_not_trusted()
    {
        var oldRoot = TestPki.CreateRoot("Old Root");
        var newRoot = TestPki.CreateRoot("New Root");
        var crossSigned = oldRoot.CrossSign(newRoot);
        var inter = newRoot.IssueCa("Issuing CA");
        var leaf = inter.Issue("www");
        var scan = new TestScan().Pem("server.pem", leaf, inter, crossSigned).Pem("new-root.pem", newRoot).Ca(oldRoot);

        var viaOld = scan.Build(anchorsFromScan: false).Chain(leaf);
        viaOld.Status.ShouldBe(ChainStatus.Complete, string.Join("; ", viaOld.Problems));
        viaOld.Shas().ShouldBe([leaf.Sha256, inter.Sha256, crossSigned.Sha256, oldRoot.Sha256]);
        // The untrusted new root itself is trusted through its cross-signature.
        scan.Build(anchorsFromScan: false).Chain(newRoot).Shas().ShouldBe([newRoot.Sha256, crossSigned.Sha256, oldRoot.Sha256]);

        // When the new root is trusted too, the shorter path to it wins.
        var viaNew = scan.Build(anchorsFromScan: true).Chain(leaf);
        viaNew.Status.ShouldBe(ChainStatus.Complete);
        viaNew.Shas().ShouldBe([leaf.Sha256, inter.Sha256, newRoot.Sha256]);
    }

    [Test]
    public void Renewed_CA_with_the_same_name_but_another_key_is_skipped_for_the_one_that_verifies()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var oldInter = root.IssueCa("Acme Intermediate");
        var newInter = root.IssueCa("Acme Intermediate", o => o.Valid(TestPki.DefaultNotBefore.AddYears(1), TestPki.DefaultNotAfter));
        // No AKI: only the signature tells the two intermediates apart.
        var leaf = newInter.Issue("leaf", o => o.NoAuthorityKeyIdentifier());
        var inventory = new TestScan().Pem("a-old.pem", oldInter).Pem("b-new.pem", newInter).Pem("leaf.pem", leaf).Pem("root.pem", root).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Shas().ShouldBe([leaf.Sha256, newInter.Sha256, root.Sha256]);
    }

    [Test]
    public void Authority_key_identifier_selects_the_issuer_and_explains_a_miss()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var oldInter = root.IssueCa("Acme Intermediate");
        var newInter = root.IssueCa("Acme Intermediate");
        var leaf = newInter.Issue("leaf");
        var inventory = new TestScan().Pem("old.pem", oldInter).Pem("leaf.pem", leaf).Pem("root.pem", root).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Problems.ShouldHaveSingleItem().ShouldBe(
            $"issuer CN=Acme Intermediate not found (key identifier {Convert.ToHexString(newInter.SubjectKeyId!)}); a certificate with that name but another key identifier is present");
    }

    [Test]
    public void Renewal_with_the_same_key_prefers_the_one_valid_now()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var expired = root.IssueCa("Acme Intermediate", o => o.Valid(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var current = root.IssueCa("Acme Intermediate", o => o.WithKey(expired.Key));
        var leaf = current.Issue("leaf");
        var inventory = new TestScan().Pem("a.pem", expired).Pem("b.pem", current).Pem("c.pem", leaf, root).Build();

        inventory.Chain(leaf).Shas().ShouldBe([leaf.Sha256, current.Sha256, root.Sha256]);
        // And the other way round at a time only the old one was valid.
        var past = new TestScan().Pem("a.pem", current).Pem("b.pem", expired).Pem("c.pem", leaf, root).Build(now: new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        past.Chain(leaf).Shas().ShouldBe([leaf.Sha256, expired.Sha256, root.Sha256]);
    }

    [Test]
    public void Mutually_cross_signed_CAs_without_a_root_end_in_a_loop_not_a_hang()
    {
        var x = TestPki.CreateRoot("CA X");
        var y = TestPki.CreateRoot("CA Y");
        var xByY = y.CrossSign(x);
        var yByX = x.CrossSign(y);
        var leaf = x.Issue("leaf");
        var inventory = new TestScan().Pem("mesh.pem", leaf, xByY, yByX).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Subjects().ShouldBe(["CN=leaf", "CN=CA X", "CN=CA Y"]);
        chain.Problems.ShouldBe(["issuer CN=CA X of CN=CA Y only leads back into the chain (loop)"]);
    }

    [Test]
    public void Very_long_chain_stops_at_the_depth_limit()
    {
        var root = TestPki.CreateRoot("Deep Root");
        var certs = new List<TestCertificate> { root };
        var depth = ValidationSettings.DefaultMaxChainDepth;
        for (var i = 1; i <= depth + 2; i++) certs.Add(certs[^1].IssueCa($"CA {i}"));
        var leaf = certs[^1].Issue("deep leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf);
        foreach (var c in certs.Skip(1)) scan.Pem($"ca/{c.Subject[3..]}.pem", c);

        var chain = scan.Ca(root).Build().Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Path.Count.ShouldBe(depth + 2); // the leaf and one intermediate more than allowed
        chain.Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Depth);
        chain.Problems.ShouldBe([$"no trust anchor within {depth} intermediate certificate(s) (validation.maxChainDepth / --max-chain-depth)"]);
    }

    [Test]
    public void Broken_path_to_an_anchor_loses_to_a_working_one()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Intermediate");
        var leaf = inter.Issue("leaf");
        var inventory = new TestScan().Pem("a-bad.pem", inter.Tampered()).Pem("b-good.pem", inter).Pem("leaf.pem", leaf, root).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Path[1].Location.File.RelativePath.ShouldBe("b-good.pem");
        inventory.Chain(inter.Tampered()).Status.ShouldBe(ChainStatus.Invalid);
    }
}
