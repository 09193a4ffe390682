using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

public sealed class ChainTests
{
    private static readonly TestChain Acme = TestPki.CreateChain("client.acme.test", o => o.ClientAuth());

    [Test]
    public void Chain_across_files_is_complete_from_leaf_to_root()
    {
        var inventory = new TestScan().Pem("certs/client.crt", Acme.Leaf).Pem("ca/intermediate.pem", Acme.Intermediate).Pem("ca/root.pem", Acme.Root).Build();

        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Complete, string.Join("; ", chain.Problems));
        chain.Shas().ShouldBe([Acme.Leaf.Sha256, Acme.Intermediate.Sha256, Acme.Root.Sha256]);
        chain.Root!.Sha256.ShouldBe(Acme.Root.Sha256);
        chain.Problems.ShouldBeEmpty();
        inventory.Chain(Acme.Intermediate).Subjects().ShouldBe(["CN=Acme Intermediate", "CN=Acme Root"]);
        inventory.Chain(Acme.Root).Subjects().ShouldBe(["CN=Acme Root"]);
        inventory.Chain(Acme.Root).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Missing_intermediate_is_incomplete_and_names_it()
    {
        var inventory = new TestScan().Pem("client.crt", Acme.Leaf).Pem("root.pem", Acme.Root).Build();

        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Subjects().ShouldBe(["CN=client.acme.test"]);
        chain.Root.ShouldBeNull();
        chain.Problems.ShouldHaveSingleItem().ShouldStartWith("issuer CN=Acme Intermediate not found");
    }

    [Test]
    public void Missing_root_is_incomplete_after_the_intermediate()
    {
        var inventory = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate).Build();

        var chain = inventory.Chain(Acme.Leaf);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Subjects().ShouldBe(["CN=client.acme.test", "CN=Acme Intermediate"]);
        chain.Problems.ShouldHaveSingleItem().ShouldContain("issuer CN=Acme Root not found");
    }

    [Test]
    public void Tampered_signature_is_invalid()
    {
        var tampered = Acme.Leaf.Tampered();
        var inventory = new TestScan().Pem("client.crt", tampered).Pem("ca.pem", Acme.Intermediate, Acme.Root).Build();

        var chain = inventory.Chain(tampered);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Shas().ShouldBe([tampered.Sha256, Acme.Intermediate.Sha256, Acme.Root.Sha256]);
        chain.Problems.ShouldHaveSingleItem().ShouldContain("signature of CN=client.acme.test does not verify with the key of issuer CN=Acme Intermediate");
    }

    [Test]
    public void Issuer_that_is_not_a_CA_makes_the_chain_invalid()
    {
        var notCa = Acme.Root.Issue("Rogue Issuer", o => o.NotCa().KeyUsage(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.KeyCertSign));
        var leaf = notCa.Issue("victim");
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("rogue.pem", notCa).Pem("root.pem", Acme.Root).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Subjects().ShouldBe(["CN=victim", "CN=Rogue Issuer", "CN=Acme Root"]);
        chain.Problems.ShouldBe(["issuer CN=Rogue Issuer is not a CA (basicConstraints cA is not TRUE)"]);
    }

    [Test]
    public void Issuer_without_basic_constraints_is_not_a_CA()
    {
        var noBc = Acme.Root.IssueCa("Bare Issuer", o => o.NoBasicConstraints());
        var leaf = noBc.Issue("victim");
        var chain = new TestScan().Pem("chain.pem", leaf, noBc, Acme.Root).Build().Chain(leaf);

        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldBe(["issuer CN=Bare Issuer is not a CA (no basicConstraints)"]);
    }

    [Test]
    public void Issuer_whose_key_usage_lacks_keyCertSign_makes_the_chain_invalid()
    {
        var inter = Acme.Root.IssueCa("Signing-less CA", o => o.KeyUsage(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature));
        var leaf = inter.Issue("victim");
        var chain = new TestScan().Pem("chain.pem", leaf, inter, Acme.Root).Build().Chain(leaf);

        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldBe(["issuer CN=Signing-less CA keyUsage lacks keyCertSign"]);
    }

    [Test]
    public void Path_length_constraint_is_enforced()
    {
        var root = TestPki.CreateRoot("Strict Root", o => o.Ca(pathLength: 0));
        var inter = root.IssueCa("Too Deep CA");
        var leaf = inter.Issue("leaf");
        var direct = root.Issue("direct leaf");
        var inventory = new TestScan().Pem("chain.pem", leaf, inter, root).Pem("direct.pem", direct).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldBe(["issuer CN=Strict Root allows 0 intermediate CA(s) below it (pathLenConstraint) but CN=Too Deep CA is one more"]);
        chain.Failures.ShouldHaveSingleItem().Check.ShouldBe(CertLint.Inventory.Paths.PathCheck.PathLength);
        inventory.Chain(direct).Status.ShouldBe(ChainStatus.Complete);
        inventory.Chain(inter).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Self_signed_leaf_is_not_an_anchor()
    {
        var selfSigned = TestPki.CreateSelfSigned("localhost", o => o.Dns("localhost"));
        var inventory = new TestScan().Pem("localhost.pem", selfSigned).Build();

        inventory.SelfSigned.ShouldContain(inventory.Cert(selfSigned));
        inventory.Anchors.ShouldBeEmpty();
        var chain = inventory.Chain(selfSigned);
        chain.Status.ShouldBe(ChainStatus.Incomplete);
        chain.Problems.ShouldBe(["CN=localhost is self-signed but not a trust anchor"]);
    }

    [Test]
    public void Self_signed_leaf_is_not_made_invalid_by_another_certificate_with_its_name()
    {
        // Seen in CPython's test certificates: a self-signed CN=localhost beside a CA-issued CN=localhost. The other
        // one's key does not verify the self-signed signature, so it is no issuer: no "invalid chain, issuer not a CA".
        var root = TestPki.CreateRoot("Named Root");
        var issued = root.Issue("localhost", o => o.Dns("localhost").NoAuthorityKeyIdentifier());
        var selfSigned = TestPki.CreateSelfSigned("localhost", o => o.Dns("localhost").NoAuthorityKeyIdentifier());
        var inventory = new TestScan().Pem("issued.pem", issued).Pem("self.pem", selfSigned).Ca(root).Build();

        var chain = inventory.Chain(selfSigned);
        chain.Status.ShouldBe(ChainStatus.Incomplete, string.Join("; ", chain.Problems));
        chain.Problems.ShouldBe(["CN=localhost is self-signed but not a trust anchor"]);
        chain.Path.Select(c => c.Sha256).ShouldBe([selfSigned.Sha256]);
        inventory.Chain(issued).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Every_certificate_gets_a_chain()
    {
        var inventory = new TestScan().Pem("a.pem", Acme.Leaf, Acme.Intermediate).Pem("b.pem", Acme.Leaf).Build();
        inventory.Chains.Count.ShouldBe(3);
        inventory.Chains.Keys.ShouldBe(inventory.Certificates, ignoreOrder: true);
    }
}
