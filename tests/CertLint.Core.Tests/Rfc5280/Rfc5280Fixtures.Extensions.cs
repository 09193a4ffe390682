using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    private static readonly byte[] CaIssuersHttp = Ext.InfoAccess((Oids.AccessCaIssuers, Gn.Uri("http://ca.example.com/ca.crt")));
    private static readonly byte[] CrlHttp = Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri("http://crl.example.com/ca.crl")]));
    private static readonly byte[] DnsConstraint = Ext.NameConstraints([Ext.Subtree(Gn.Dns("example.com"))], null);

    /// <summary>Criticality, presence and key identifiers.</summary>
    private static void Extensions()
    {
        Add("basic-constraints-not-critical",
            SubCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true))), SubCa());
        Add("aia-critical",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, CaIssuersHttp, critical: true)), Leaf(b => b.Set(Oids.AuthorityInfoAccess, CaIssuersHttp)));
        // URIs in access locations and distribution points must be RFC 3986 URIs (x509lint's ERR_INVALID_URL and
        // ERR_URL_WITH_NUL); a %-escaped space is fine, a raw space, a NUL, a bad escape or a missing scheme is not.
        static Action<RawCertificateBuilder> Aia(string method, string uri) => b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((method, Gn.Uri(uri))));
        static Action<RawCertificateBuilder> Crldp(string uri) => b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri(uri)])));
        Add("access-location-uri-invalid", Leaf(Aia(Oids.AccessOcsp, "http://ocsp.example.com/ status")), Leaf(Aia(Oids.AccessCaIssuers, "http://ca.example.com/ca%20one.crt")));
        Add("access-location-uri-invalid", Leaf(Aia(Oids.AccessCaIssuers, "http://ca.example.com/ca\0.crt")), Leaf(Aia(Oids.AccessOcsp, "http://ocsp.example.com")));
        Add("access-location-uri-invalid",
            SubCa(b => b.Set(Oids.SubjectInfoAccess, Ext.InfoAccess(("1.3.6.1.5.5.7.48.5", Gn.Uri("http://repo.example.com/%zz.p7c"))))), SubCa(b => b.Set(Oids.SubjectInfoAccess, CaRepository)));
        Add("crldp-uri-invalid", Leaf(Crldp("http://crl.example.com/ca 1.crl")), Leaf(Crldp("http://crl.example.com/ca%201.crl")));
        Add("crldp-uri-invalid", Leaf(Crldp("http://crl.example.com/%zz.crl")), Leaf(Crldp("ldap://ldap.example.com/cn=CA,o=Example?certificateRevocationList;binary")));
        // RFC 5280 Appendix A.2: authorityCertIssuer and authorityCertSerialNumber come as a pair. Fail: the issuer name
        // alone, then the serial alone. Pass: both beside the keyIdentifier, then the keyIdentifier alone.
        Add("aki-issuer-serial-unpaired",
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, Gn.DirName(Root.Certificate.SubjectName.RawData)))),
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, Gn.DirName(Root.Certificate.SubjectName.RawData),
                Convert.FromHexString(Root.Certificate.SerialNumber)))));
        Add("aki-issuer-serial-unpaired",
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, serial: Convert.FromHexString(Root.Certificate.SerialNumber)))),
            Leaf());
        // RFC 5280 §4.2.1.6: a SAN iPAddress is 4 or 16 octets; 5 octets (fail) and 16 (pass).
        Add("san-ip-wrong-length",
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com"), Gn.Ip(192, 0, 2, 10, 0)))),
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com"), Gn.Ip(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10)))));
        Add("aki-critical",
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId), critical: true)), Leaf());
        Add("ski-critical", Leaf(b => b.Set(Oids.SubjectKeyId, Ext.SubjectKeyId(b.SubjectKeyId), critical: true)), Leaf());
        var ian = Ext.GeneralNames(Gn.Uri("http://ca.example.com/"));
        Add("ian-critical", Leaf(b => b.Set(Oids.IssuerAltName, ian, critical: true)), Leaf(b => b.Set(Oids.IssuerAltName, ian)));
        // RFC 3739 §3.2.6.1: pkixQCSyntax-v1 (RFC 3039's) beside QcCompliance, against QcCompliance with pkixQCSyntax-v2.
        const string qcStatements = "1.3.6.1.5.5.7.1.3", qcCompliance = "0.4.0.1862.1.1";
        Add("qc-statement-syntax-v1",
            Leaf(b => b.Set(qcStatements, Seq(Seq(ObjectId("1.3.6.1.5.5.7.11.1")), Seq(ObjectId(qcCompliance))))),
            Leaf(b => b.Set(qcStatements, Seq(Seq(ObjectId("1.3.6.1.5.5.7.11.2")), Seq(ObjectId(qcCompliance))))));
        Add("key-usage-not-critical", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature))), Leaf());
        Add("name-constraints-not-critical",
            SubCa(b => b.Set(Oids.NameConstraints, DnsConstraint)), SubCa(b => b.Set(Oids.NameConstraints, DnsConstraint, critical: true)));
        var policyConstraints = Ext.PolicyConstraints(0, null);
        Add("policy-constraints-not-critical",
            SubCa(b => b.Set(Oids.PolicyConstraints, policyConstraints)), SubCa(b => b.Set(Oids.PolicyConstraints, policyConstraints, critical: true)));
        var mapping = Ext.PolicyMappings(("1.3.6.1.4.1.55555.1", "1.3.6.1.4.1.55555.2"));
        var policies = Ext.Policies(Ext.Policy("1.3.6.1.4.1.55555.1"));
        Add("policy-mappings-not-critical",
            SubCa(b => b.Set(Oids.CertificatePolicies, policies).Set(Oids.PolicyMappings, mapping)),
            SubCa(b => b.Set(Oids.CertificatePolicies, policies).Set(Oids.PolicyMappings, mapping, critical: true)));
        Add("subject-directory-attributes-critical",
            Leaf(b => b.Set(Oids.SubjectDirectoryAttributes, Ext.SubjectDirectoryAttributes(), critical: true)),
            Leaf(b => b.Set(Oids.SubjectDirectoryAttributes, Ext.SubjectDirectoryAttributes())));
        Add("crl-distribution-points-critical",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, CrlHttp, critical: true)), Leaf(b => b.Set(Oids.CrlDistributionPoints, CrlHttp)));
        Add("freshest-crl-critical",
            Leaf(b => b.Set(Oids.FreshestCrl, CrlHttp, critical: true)), Leaf(b => b.Set(Oids.FreshestCrl, CrlHttp)));
        Add("inhibit-any-policy-not-critical",
            SubCa(b => b.Set(Oids.InhibitAnyPolicy, Ext.InhibitAnyPolicy(0))), SubCa(b => b.Set(Oids.InhibitAnyPolicy, Ext.InhibitAnyPolicy(0), critical: true)));
        Add("inhibit-any-policy-negative",
            SubCa(b => b.Set(Oids.InhibitAnyPolicy, Ext.InhibitAnyPolicy(-1), critical: true)), SubCa(b => b.Set(Oids.InhibitAnyPolicy, Ext.InhibitAnyPolicy(0), critical: true)));
        var anyEku = Ext.Eku(Oids.ServerAuth, Oids.AnyEku);
        Add("eku-any-critical",
            Leaf(b => b.Set(Oids.ExtendedKeyUsage, anyEku, critical: true)), Leaf(b => b.Set(Oids.ExtendedKeyUsage, anyEku)));
        var emailOnly = Ext.GeneralNames(Gn.Email("alice@example.com"));
        Add("san-not-critical-empty-subject",
            Leaf(b => { b.Subject = Name(); b.Set(Oids.SubjectAltName, emailOnly); }),
            Leaf(b => { b.Subject = Name(); b.Set(Oids.SubjectAltName, emailOnly, critical: true); }));

        Add("san-critical-with-subject",
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com")), critical: true)), Leaf());

        Add("aki-missing", Leaf(b => b.Remove(Oids.AuthorityKeyId)), Leaf());
        Add("aki-no-key-identifier",
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(null, Gn.DirName(Root.Certificate.SubjectName.RawData), [0x01]))), Leaf());
        Add("ski-missing-ca", SubCa(b => b.Remove(Oids.SubjectKeyId)), SubCa());
        Add("ski-missing-leaf", Leaf(b => b.Remove(Oids.SubjectKeyId)), Leaf());
        Add("subject-empty-without-san",
            Leaf(b => { b.Subject = Name(); b.Remove(Oids.SubjectAltName); }),
            Leaf(b => { b.Subject = Name(); b.Set(Oids.SubjectAltName, emailOnly, critical: true); }));
        Add("ca-subject-empty", SubCa(b => b.Subject = Name()), SubCa());
        Add("issuer-empty", Leaf(b => b.IssuerName = Name()), Leaf());

        // Root CAs and anchors are the core rule anchor-aki-not-ski's: this one checks the other self-signed certificates.
        Add("aki-self-signed-not-ski", SelfSignedLeaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(OtherKeyId))), SelfSignedLeaf());
        // The root signed the leaf, but the leaf's AKI names another key: the signer is found by name and signature.
        Add("aki-not-issuer-ski", Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(OtherKeyId))), Leaf());
    }
}
