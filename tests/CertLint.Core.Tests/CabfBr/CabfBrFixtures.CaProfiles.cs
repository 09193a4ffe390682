using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    internal const string PrecertSigning = "1.3.6.1.4.1.11129.2.4.4";

    /// <summary>inhibitAnyPolicy (RFC 5280 §4.2.1.14) with SkipCerts 0: an extension no BR 2.x CA table lists.</summary>
    internal static void InhibitAnyPolicy(RawCertificateBuilder b) => b.Set(Oids.InhibitAnyPolicy, Int(0), critical: true);

    /// <summary>A Precertificate Signing CA (BR §7.1.2.4): the issuing CA with the RFC 6962 purpose as its only EKU.</summary>
    internal static void PrecertSigningCa(RawCertificateBuilder b) => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(PrecertSigning));

    /// <summary>A Signed Certificate Timestamp List, which every BR 2.x CA and responder table gives as MAY.</summary>
    private static void SctList(RawCertificateBuilder b) =>
        b.Set(Oids.SctList, Ext.Scts((1, Issued.ToUnixTimeMilliseconds())));

    /// <summary>Session 35's rules for the CA-side profiles' "any other extension: NOT RECOMMENDED" rows (BR 2.x
    /// §7.1.2.1.2, §7.1.2.6.1, §7.1.2.8.2, §7.1.2.4.1): each fail fixture adds one extension the table does not list,
    /// each pass fixture one it lists as MAY.</summary>
    private static void CaProfiles()
    {
        Add("cabf-root-extension-unknown",
            RootCa(b => { RootIssued(b); b.Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/root.crl")); }),
            RootCa(b => { RootIssued(b); SctList(b); }));
        Add("cabf-ca-extension-unknown", SubCa(InhibitAnyPolicy), SubCa(SctList));
        Add("cabf-ocsp-extension-unknown",
            Responder(b => b.Set(Oids.IssuerAltName, Ext.GeneralNames(Gn.Uri("http://ca.example.com/")))), Responder(SctList));
        // pkilint warns on the SCT list in a Precertificate Signing CA; §7.1.2.4.1 gives it as MAY (the pass fixture).
        Add("cabf-precert-ca-extension-unknown", SubCa(b => { PrecertSigningCa(b); InhibitAnyPolicy(b); }),
            SubCa(b => { PrecertSigningCa(b); SctList(b); }));
        // §7.1.2.10.6: a purpose the table does not name (Microsoft Document Signing) beside serverAuth; clientAuth is MAY.
        Add("cabf-ca-eku-unknown", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, DocumentSigning))),
            SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, Oids.ClientAuth))));
        Sunsets();
    }

    /// <summary>Ballot SC-092: no Precertificate Signing CA certificate issued from 2026-03-15; the pass fixture is a
    /// TLS subordinate CA issued that day (the rule judges every subordinate CA).</summary>
    private static void Sunsets()
    {
        var sunset = ValidFor(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(365));
        Add("cabf-precert-ca-prohibited", SubCa(b => { PrecertSigningCa(b); sunset(b); }), SubCa(sunset));
    }

    private const string DocumentSigning = "1.3.6.1.4.1.311.10.3.12";
}
