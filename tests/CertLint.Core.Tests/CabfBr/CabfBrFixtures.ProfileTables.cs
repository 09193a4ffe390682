using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>
    /// The BR 2.0.0 profile tables pkilint checks and zlint does not: extension criticality in subscriber certificates,
    /// the authorityKeyIdentifier form, the CA key usage bits permitted, policy qualifiers, CRL distribution point names.
    /// </summary>
    private static void ProfileTables()
    {
        Add("cabf-sub-basic-constraints-not-critical", Leaf(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null))), Leaf());
        Add("cabf-sub-ku-not-critical", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature))), Leaf());
        Add("cabf-aki-issuer-serial", Leaf(AkiWithIssuerAndSerial), Leaf());
        Add("cabf-root-aki-no-key-identifier", RootCa(RootAkiWithoutKeyId), RootCa(RootIssued));
        Add("cabf-ca-ku-prohibited", SubCa(CaKeyUsage(Ext.KeyCertSign, Ext.CrlSign, Ext.NonRepudiation)),
            SubCa(CaKeyUsage(Ext.DigitalSignature, Ext.KeyCertSign, Ext.CrlSign)));
        Add("cabf-policy-qualifier-not-cps", Leaf(PolicyQualifiers(Ext.UserNotice(String(Utf8String, "Example notice")))),
            Leaf(PolicyQualifiers(Ext.CpsQualifier("https://www.example.com/cps"))));
        Add("cabf-cps-uri-not-http", Leaf(PolicyQualifiers(Ext.CpsQualifier("ldap://ldap.example.com/cn=CPS"))),
            Leaf(PolicyQualifiers(Ext.CpsQualifier("HTTP://www.example.com/cps"))));
        Add("cabf-crldp-name-form",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(
                Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl"), Gn.DirName(CaName("Example Issuing CA"))])))),
            Leaf());
    }

    /// <summary>The leaf's authorityKeyIdentifier also names its issuer's issuer and serial (RFC 5280 allows it).</summary>
    internal static void AkiWithIssuerAndSerial(RawCertificateBuilder b) =>
        b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Issuing.SubjectKeyId,
            Gn.DirName(Root.Certificate.SubjectName.RawData), Convert.FromHexString(Issuing.Certificate.SerialNumber)));

    /// <summary>A root issued under BR 2.0.0 whose authorityKeyIdentifier is an empty SEQUENCE (RFC 5280 lets a
    /// self-signed certificate omit the extension, not the keyIdentifier of one it includes).</summary>
    internal static void RootAkiWithoutKeyId(RawCertificateBuilder b)
    {
        RootIssued(b);
        b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(null));
    }

    /// <summary>The root issued on the leaf's issuance date (inside the BR 2.0.0 rules' effective dates).</summary>
    internal static void RootIssued(RawCertificateBuilder b) => ValidFor(Issued, TimeSpan.FromDays(3650))(b);

    internal static Action<RawCertificateBuilder> CaKeyUsage(params int[] bits) =>
        b => b.Set(Oids.KeyUsage, Ext.KeyUsage(bits), critical: true);

    /// <summary>The DV policy with these qualifiers.</summary>
    internal static Action<RawCertificateBuilder> PolicyQualifiers(params byte[][] qualifiers) =>
        b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv, qualifiers)));
}
