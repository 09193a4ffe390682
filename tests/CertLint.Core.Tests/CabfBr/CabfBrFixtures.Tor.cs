using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>The TorServiceDescriptor extension (EV Guidelines Appendix F).</summary>
    public const string TorServiceDescriptor = "2.23.140.1.31";

    /// <summary>A version 2 onion address (16 base32 characters): the Tor Project's former v2 service name.</summary>
    public const string OnionV2Name = "expyuzz4wqqyqhjn.onion";

    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";

    /// <summary>TorServiceDescriptorSyntax with one TorServiceDescriptorHash per (onion URI, hash algorithm, hash octets).</summary>
    public static byte[] TorDescriptors(params (string Uri, string Algorithm, int HashOctets)[] hashes) =>
        Seq([.. hashes.Select(h => Seq(String(Utf8String, h.Uri), AlgorithmId(h.Algorithm), Tlv(BitString, [0, .. new byte[h.HashOctets]])))]);

    /// <summary>e_ext_tor_service_descriptor_hash_invalid and e_ev_certificate_policies (EV Guidelines Appendix F, §9.7).</summary>
    private static void TorAndEvPolicies()
    {
        Action<RawCertificateBuilder> evOnionV2 = b => { EvLeaf()(b); Dns("www.example.com", OnionV2Name)(b); };
        // An EV certificate for a v2 onion name needs the extension; with one right descriptor it passes.
        Add("cabf-tor-service-descriptor-invalid", Leaf(evOnionV2),
            Leaf(b => { evOnionV2(b); b.Set(TorServiceDescriptor, TorDescriptors(("https://" + OnionV2Name, Sha256Oid, 32))); }));
        // Any certificate with the extension: a SHA-256 hash of 20 octets is wrong.
        Add("cabf-tor-service-descriptor-invalid",
            Leaf(b => { evOnionV2(b); b.Set(TorServiceDescriptor, TorDescriptors(("https://" + OnionV2Name, Sha256Oid, 20))); }),
            Leaf(b => { evOnionV2(b); b.Set(TorServiceDescriptor, TorDescriptors(("https://" + OnionV2Name, "2.16.840.1.101.3.4.2.3", 64))); }));

        Action<RawCertificateBuilder> Cps(params string[] uris) =>
            b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Ev, [.. uris.Select(Ext.CpsQualifier)])));
        Add("cabf-ev-certificate-policies", Leaf(EvLeaf()), Leaf(b => { EvLeaf()(b); Cps("https://www.example.com/cps")(b); }));
        Add("cabf-ev-certificate-policies", Leaf(b => { EvLeaf()(b); Cps("ftp://www.example.com/cps")(b); }),
            Leaf(b => { EvLeaf()(b); Cps("http://cps.example.org/")(b); }));
    }
}
