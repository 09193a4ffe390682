using System.Formats.Asn1;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Inventory;

/// <summary>
/// DSA parameter inheritance (RFC 3279 §2.3.2, PKITS 4.1.5): a CA whose DSA key has no parameters signs with the
/// p, q and g of the DSA CA that signed its certificate.
/// </summary>
public sealed class DsaParameterInheritanceTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Inherit Root");
    private static readonly TestCertificate DsaCa = Root.IssueCa("Inherit DSA CA", o => o.Dsa());
    private static readonly TestKey Shared = TestKey.DsaSharingParameters(DsaCa.Key);

    /// <summary>A CA certificate for <see cref="Shared"/>'s key with its DSA parameters left out, issued by <paramref name="issuer"/>.</summary>
    private static TestCertificate WithoutParameters(string name, TestCertificate issuer) =>
        RawCertificateBuilder.Ca(name, issuer, Shared).With(b => b.Spki = SpkiWithoutParameters(Shared)).Build();

    private static byte[] SpkiWithoutParameters(TestKey key)
    {
        var spki = new AsnReader(key.SubjectPublicKeyInfo, AsnEncodingRules.DER).ReadSequence();
        spki.ReadSequence(); // AlgorithmIdentifier with the parameters
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence()) w.WriteObjectIdentifier("1.2.840.10040.4.1");
            w.WriteEncodedValue(spki.ReadEncodedValue().Span);
        }
        return w.Encode();
    }

    private static ChainResult Chain(TestCertificate leaf, params TestCertificate[] cas) =>
        new TestScan().Pem("leaf.pem", [leaf, .. cas]).Ca(Root).Build().Chain(leaf);

    [Test]
    public void Key_without_parameters_verifies_with_those_of_its_dsa_issuer()
    {
        var inherited = WithoutParameters("Inherit CA", DsaCa);
        var leaf = RawCertificateBuilder.Leaf("inherit leaf", inherited).Build();
        var chain = Chain(leaf, inherited, DsaCa);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Path.Count.ShouldBe(4);
    }

    [Test]
    public void Key_without_parameters_has_none_to_inherit_from_a_non_dsa_issuer()
    {
        var orphan = WithoutParameters("Orphan CA", Root);
        var leaf = RawCertificateBuilder.Leaf("orphan leaf", orphan).Build();
        var failure = Chain(leaf, orphan).Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(PathCheck.Signature);
        failure.Message.ShouldBe("unverifiable signature on CN=orphan leaf: cannot import the issuer's DSA 0 public key");
    }

    [Test]
    public void Parameters_come_from_the_issuer_that_signed_the_certificate()
    {
        // Certified by another DSA CA, the key inherits that CA's parameters, which are not the ones it was made with:
        // under them it is no DSA key at all (y is outside the group), so nothing it signs can be verified.
        var otherDsaCa = Root.IssueCa("Inherit Other DSA CA", o => o.Dsa());
        var misplaced = WithoutParameters("Misplaced CA", otherDsaCa);
        var leaf = RawCertificateBuilder.Leaf("misplaced leaf", misplaced).Build();
        var failure = Chain(leaf, misplaced, otherDsaCa).Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(PathCheck.Signature);
        failure.Message.ShouldBe("unverifiable signature on CN=misplaced leaf: cannot import the issuer's DSA 2048 public key");
    }
}
