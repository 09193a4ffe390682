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
        SubjectTables();
    }

    /// <summary>organizationIdentifier (X.520, 2.5.4.97): an attribute no BR 2.x CA or OV/IV subject table lists.</summary>
    internal static byte[] OrganizationIdentifierAttribute() => Attribute("2.5.4.97", Utf8String, "NTRUS+CA-1234567");

    /// <summary>§7.1.2.10.2, §7.1.2.7.4, §7.1.2.7.3: "any other attribute" NOT RECOMMENDED. Each fail fixture adds
    /// organizationIdentifier; each pass fixture holds a MAY row of its table (the CA's address, an OV domainComponent,
    /// an IV locality).</summary>
    private static void SubjectTables()
    {
        Add("cabf-ca-subject-attribute-unknown",
            SubCa(Subject(C("US"), O("Example Trust"), OrganizationIdentifierAttribute(), Cn("Example Issuing CA"))),
            SubCa(Subject(C("US"), St("California"), L("San Francisco"), O("Example Trust"), Cn("Example Issuing CA"))));
        var dc = Attribute("0.9.2342.19200300.100.1.25", Ia5String, "com");
        Add("cabf-ov-subject-attribute-unknown",
            Leaf(b => { Policies(Ov)(b); Subject(C("US"), St("California"), O("Example Inc"), OrganizationIdentifierAttribute(), Cn("www.example.com"))(b); }),
            Leaf(b => { Policies(Ov)(b); Subject(dc, C("US"), St("California"), O("Example Inc"), Cn("www.example.com"))(b); }));
        Add("cabf-iv-subject-attribute-unknown",
            Leaf(b => { Policies(Iv)(b); Subject(C("US"), St("California"), Surname("Example"), GivenName("Alice"), OrganizationIdentifierAttribute())(b); }),
            Leaf(b => { Policies(Iv)(b); Subject(C("US"), L("San Francisco"), Surname("Example"), GivenName("Alice"))(b); }));
        // §7.1.2.8 gives the responder's subject as §7.1.2.10.2's table.
        Add("cabf-ocsp-subject-attribute-unknown",
            Responder(Subject(C("US"), O("Example Trust"), OrganizationIdentifierAttribute(), Cn("Example OCSP Responder"))),
            Responder(Subject(C("US"), St("California"), O("Example Trust"), Cn("Example OCSP Responder"))));
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
