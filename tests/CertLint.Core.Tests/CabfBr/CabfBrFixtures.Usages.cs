using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>Key usage, extended key usage, AIA, CRL distribution points and policies of each profile.</summary>
    private static void Usages()
    {
        Add("cabf-eku-extra", Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, Oids.CodeSigning))),
            Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, Oids.ClientAuth))));
        Add("cabf-eku-any", Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, Oids.AnyEku))), Leaf());
        Add("cabf-eku-missing", Leaf(b => b.Remove(Oids.ExtendedKeyUsage)), Leaf());
        var before2023 = IssuedOn(2023, 1, 1);
        // anyExtendedKeyUsage alone keeps the leaf under the BRs (an e-mail-only EKU would take it out of their scope).
        Add("cabf-eku-server-client-missing",
            Leaf(b => { before2023(b); b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.AnyEku)); }), Leaf(before2023));
        Add("cabf-sub-ku-cert-sign", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyCertSign), critical: true)), Leaf());
        Add("cabf-sub-ku-crl-sign", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.CrlSign), critical: true)), Leaf());

        Add("cabf-ca-ku-missing", SubCa(b => b.Remove(Oids.KeyUsage)), SubCa());
        Add("cabf-ca-ku-not-critical", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyCertSign, Ext.CrlSign))), SubCa());
        Add("cabf-ca-ku-cert-sign", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.CrlSign), critical: true)), SubCa());
        Add("cabf-ca-ku-crl-sign", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyCertSign), critical: true)), SubCa());
        Add("cabf-sub-ca-eku-invalid", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, EmailProtection))), SubCa());
        Add("cabf-sub-ca-eku-missing", SubCa(b => b.Remove(Oids.ExtendedKeyUsage)), SubCa());
        const string precertSigning = "1.3.6.1.4.1.11129.2.4.4";
        Add("cabf-precert-ca-eku", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(precertSigning, Oids.ServerAuth))),
            SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(precertSigning))));
        Add("cabf-root-eku", RootCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))), RootCa());
        Add("cabf-root-path-len", RootCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true, 1), critical: true)), RootCa());
        Add("cabf-root-policies", RootCa(Policies(Oids.AnyPolicy)), RootCa());

        Add("cabf-sub-aia-missing", Leaf(b => b.Remove(Oids.AuthorityInfoAccess)), Leaf());
        Add("cabf-aia-critical",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", "http://ca.example.com/issuing.crt"), critical: true)), Leaf());
        Add("cabf-sub-aia-ca-issuers", Leaf(b => b.Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", null))), Leaf());
        var before2024 = IssuedOn(2023, 6, 1);
        Add("cabf-sub-aia-ocsp-missing",
            Leaf(b => { before2024(b); b.Set(Oids.AuthorityInfoAccess, Aia(null, "http://ca.example.com/issuing.crt")); }), Leaf(before2024));
        Add("cabf-aia-ca-issuers-not-http",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", "https://ca.example.com/issuing.crt"))), Leaf());
        Add("cabf-aia-ocsp-not-http",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Aia("https://ocsp.example.com", "http://ca.example.com/issuing.crt"))), Leaf());
        Add("cabf-sub-ca-aia-missing", SubCaWithoutAia(2020, 8, 19), SubCa(IssuedOn(2020, 8, 19)));
        Add("cabf-sub-ca-aia-recommended", SubCaWithoutAia(2020, 8, 20), SubCa());

        Add("cabf-sub-ca-crldp-missing", SubCa(b => b.Remove(Oids.CrlDistributionPoints)), SubCa());
        // Ballot SC63: a CRL in place of OCSP passes; neither fails (the leaf is valid for 90 days, not short-lived).
        Add("cabf-sub-crldp-missing",
            Leaf(b => { b.Remove(Oids.CrlDistributionPoints); b.Set(Oids.AuthorityInfoAccess, Aia(null, "http://ca.example.com/issuing.crt")); }),
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Aia(null, "http://ca.example.com/issuing.crt"))));
        Add("cabf-crldp-critical", Leaf(b => b.Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/issuing.crl"), critical: true)), Leaf());
        Add("cabf-crldp-no-http", Leaf(b => b.Set(Oids.CrlDistributionPoints, Crldp("ldap://crl.example.com/cn=Issuing"))), Leaf());
        Add("cabf-crldp-not-http",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/issuing.crl", "ldap://crl.example.com/cn=Issuing"))), Leaf());
        Add("cabf-crldp-crl-issuer",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(
                Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl")], crlIssuer: [Gn.DirName(CaName("Example CRL Issuer"))])))),
            Leaf());

        Add("cabf-sub-ca-policies-missing", SubCa(b => b.Remove(Oids.CertificatePolicies)), SubCa());
        Add("cabf-sub-policies-missing", Leaf(b => b.Remove(Oids.CertificatePolicies)), Leaf());
        // Policy restricted without a reserved identifier; anyPolicy alone passes (no policy restrictions).
        Add("cabf-sub-ca-policies-invalid", SubCa(Policies("1.3.6.1.4.1.55555.1")), SubCa(Policies(Oids.AnyPolicy)));
        Add("cabf-sub-ca-eku-not-constrained", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.AnyEku))), SubCa());
    }

    /// <summary>The issuing CA without authorityInformationAccess, issued on the day given: an error until BR 1.7.1
    /// (2020-08-20) made the extension a SHOULD, a warning from then.</summary>
    internal static Func<TestCertificate[]> SubCaWithoutAia(int year, int month, int day) =>
        SubCa(b => { IssuedOn(year, month, day)(b); b.Remove(Oids.AuthorityInfoAccess); });
}
