using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

public sealed class BundleTests
{
    private static readonly TestChain Acme = TestPki.CreateChain("www.acme.test", o => o.ServerAuth());

    [Test]
    public void Fullchain_in_order_with_a_trusted_root_is_complete_and_ordered()
    {
        var inventory = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate).Ca(Acme.Root).Build();

        var bundle = inventory.Bundles.ShouldHaveSingleItem();
        bundle.File.RelativePath.ShouldBe("fullchain.pem");
        bundle.Certificates.Count.ShouldBe(2);
        bundle.Complete.ShouldBeTrue();
        bundle.Ordered.ShouldBeTrue();
        bundle.Problems.ShouldBeEmpty();
    }

    [Test]
    public void Fullchain_with_root_last_is_complete_and_ordered()
    {
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate, Acme.Root).Build().Bundles.ShouldHaveSingleItem();
        bundle.Complete.ShouldBeTrue();
        bundle.Ordered.ShouldBeTrue();
    }

    [Test]
    public void Intermediate_before_leaf_is_out_of_order()
    {
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Intermediate, Acme.Leaf).Ca(Acme.Root).Build().Bundles.ShouldHaveSingleItem();

        bundle.Complete.ShouldBeTrue();
        bundle.Ordered.ShouldBeFalse();
        bundle.Problems.ShouldBe(["certificate 1 (CN=Acme Intermediate) issued certificate 2 (CN=www.acme.test) but comes before it"]);
    }

    [Test]
    public void Root_in_the_middle_is_out_of_order()
    {
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Root, Acme.Intermediate).Build().Bundles.ShouldHaveSingleItem();

        bundle.Complete.ShouldBeTrue();
        bundle.Ordered.ShouldBeFalse();
        bundle.Problems.ShouldBe([
            "certificate 2 (CN=Acme Root) is a self-signed root but certificate 3 (CN=Acme Intermediate) follows it",
            "certificate 2 (CN=Acme Root) issued certificate 3 (CN=Acme Intermediate) but comes before it",
        ]);
    }

    [Test]
    public void Missing_intermediate_makes_the_bundle_incomplete()
    {
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Root).Build().Bundles.ShouldHaveSingleItem();

        bundle.Complete.ShouldBeFalse();
        bundle.Ordered.ShouldBeTrue();
        bundle.Problems.ShouldBe(["the issuer of certificate 1 (CN=www.acme.test), CN=Acme Intermediate, is neither in the file nor a trust anchor"]);
    }

    [Test]
    public void Intermediate_whose_issuer_is_elsewhere_and_untrusted_makes_it_incomplete()
    {
        // The root is scanned in another file but anchors are only from --ca: a server sending this chain is not self-contained.
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate).Pem("root.pem", Acme.Root).Build(anchorsFromScan: false).Bundles.ShouldHaveSingleItem();

        bundle.Complete.ShouldBeFalse();
        bundle.Problems.ShouldBe(["the issuer of certificate 2 (CN=Acme Intermediate), CN=Acme Root, is neither in the file nor a trust anchor"]);
    }

    [Test]
    public void Issuer_with_the_right_name_but_wrong_key_is_said_so()
    {
        var impostor = Acme.Root.IssueCa("Acme Intermediate");
        var leaf = Acme.Intermediate.Issue("www", o => o.NoAuthorityKeyIdentifier());
        var bundle = new TestScan().Pem("fullchain.pem", leaf, impostor).Ca(Acme.Root).Build().Bundles.ShouldHaveSingleItem();

        bundle.Complete.ShouldBeFalse();
        bundle.Problems.ShouldBe(["certificate 2 (CN=Acme Intermediate) has the name of the issuer of certificate 1 (CN=www) but its key does not verify that signature"]);
    }

    [Test]
    public void Repeated_certificate_is_reported()
    {
        var bundle = new TestScan().Pem("fullchain.pem", Acme.Leaf, Acme.Intermediate, Acme.Intermediate).Ca(Acme.Root).Build().Bundles.ShouldHaveSingleItem();

        bundle.Ordered.ShouldBeFalse();
        bundle.Complete.ShouldBeTrue();
        bundle.Problems.ShouldBe(["certificate 3 (CN=Acme Intermediate) repeats certificate 2"]);
    }

    [Test]
    public void Pkcs7_and_pkcs12_order_does_not_matter_but_completeness_does()
    {
        var bundles = new TestScan()
            .Pkcs7("chain.p7b", Acme.Root, Acme.Intermediate, Acme.Leaf)
            .Pkcs12("store.p12", Acme.Leaf.Key, Acme.Root, Acme.Leaf)
            .Build().Bundles;
        bundles.Select(b => (b.File.RelativePath, b.Complete, b.Ordered)).ShouldBe([("chain.p7b", true, true), ("store.p12", false, true)]);
    }

    [Test]
    public void Only_files_with_several_certificates_are_bundles()
    {
        var inventory = new TestScan().Pem("leaf.pem", Acme.Leaf).Pem("ca.pem", Acme.Intermediate, Acme.Root).KeyAndCertificates("server.pem", Acme.Leaf.Key, Acme.Leaf).Build();
        inventory.Bundles.Select(b => b.File.RelativePath).ShouldBe(["ca.pem"]);
    }

    [Test]
    public void Bundle_of_unrelated_roots_is_complete()
    {
        var other = TestPki.CreateRoot("Other Root");
        var bundle = new TestScan().Pem("ca-bundle.crt", Acme.Root, other).Build().Bundles.ShouldHaveSingleItem();
        bundle.Complete.ShouldBeTrue();
        bundle.Ordered.ShouldBeTrue();
        bundle.Problems.ShouldBeEmpty();
    }
}
