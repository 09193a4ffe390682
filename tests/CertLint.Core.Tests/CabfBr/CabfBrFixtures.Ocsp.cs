using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    internal const string OcspSigning = "1.3.6.1.5.5.7.3.9";

    /// <summary>The OCSP responder profile (BR §7.1.2.8): a delegated responder of the issuing CA, EKU id-kp-OCSPSigning
    /// alone (outside the pack's serverAuth scope, so these rules say `packScope: false`).</summary>
    private static void OcspResponders()
    {
        Add("cabf-ocsp-crldp", Responder(b => b.Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/issuing.crl"))), Responder());
        Add("cabf-ocsp-policies", Responder(Policies(Dv)), Responder());
        Add("cabf-ocsp-ku", Responder(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true)), Responder());
        Add("cabf-ocsp-nocheck-missing", Responder(b => b.Remove(Oids.OcspNoCheck)), Responder());
        Add("cabf-ocsp-ku-missing", Responder(b => b.Remove(Oids.KeyUsage)), Responder());
        Add("cabf-ocsp-ku-missing", Responder(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.NonRepudiation), critical: true)), Responder());
        Add("cabf-ocsp-name-constraints", Responder(b => b.Set(Oids.NameConstraints,
            Ext.NameConstraints([Ext.Subtree(Gn.Dns("example.com"))], null), critical: true)), Responder());
        Add("cabf-ocsp-san", Responder(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("ocsp.example.com")))), Responder());
        // §7.1.2.8.4: no basicConstraints, or an empty one (cA FALSE by default, no pathLenConstraint).
        Add("cabf-ocsp-ca", Responder(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true), critical: true)),
            Responder(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null), critical: true)));
        Add("cabf-ocsp-ca", Responder(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null, pathLen: 0), critical: true)), Responder());
        // §7.1.2.8.5: id-kp-OCSPSigning and nothing else; §7.1.2.8.3: AIA not recommended, and if present id-ad-ocsp only.
        Add("cabf-ocsp-eku-extra", Responder(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(OcspSigning, Oids.ClientAuth))), Responder());
        Add("cabf-ocsp-eku-extra", Responder(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping, OcspSigning))),
            Responder(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(OcspSigning), critical: true)));
        Add("cabf-ocsp-aia-access-method", Responder(ResponderAia((Oids.AccessOcsp, "http://ocsp.example.com"), (Oids.AccessCaIssuers, "http://ca.example.com/issuing.crt"))),
            Responder(ResponderAia((Oids.AccessOcsp, "http://ocsp.example.com"))));
        Add("cabf-ocsp-aia-access-method", Responder(ResponderAia((Oids.AccessCaIssuers, "http://ca.example.com/issuing.crt"))),
            Responder(ResponderAia((Oids.AccessOcsp, "http://ocsp.example.com"), (Oids.AccessOcsp, "http://ocsp2.example.com"))));
        Add("cabf-ocsp-aia-present", Responder(ResponderAia((Oids.AccessOcsp, "http://ocsp.example.com"))), Responder());
    }

    private const string TimeStamping = "1.3.6.1.5.5.7.3.8";

    /// <summary>An authorityInformationAccess of (accessMethod, URI) pairs, in order.</summary>
    internal static Action<RawCertificateBuilder> ResponderAia(params (string Method, string Uri)[] entries) =>
        b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess([.. entries.Select(e => (e.Method, Gn.Uri(e.Uri)))]));

    /// <summary>A conformant OCSP responder certificate of the issuing CA (BR §7.1.2.8.2's extensions: AKI, EKU
    /// OCSPSigning, id-pkix-ocsp-nocheck, keyUsage digitalSignature, SKI), changed by <paramref name="change"/>.</summary>
    internal static Func<TestCertificate[]> Responder(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = RawCertificateBuilder.Leaf("Example OCSP Responder", Issuing)
            .With(x => x.Subject = CaName("Example OCSP Responder"))
            .Remove(Oids.BasicConstraints)
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(OcspSigning))
            .Set(Oids.OcspNoCheck, [0x05, 0x00]);
        ValidFor(Issued, TimeSpan.FromDays(30))(b);
        change?.Invoke(b);
        return [b.Build(), Issuing, Root];
    };
}
