using System.Security.Cryptography;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>basicConstraints, criticality, AIA of subordinate CAs, reserved policies, old key sizes and validity limits.</summary>
    private static void Profiles()
    {
        Add("cabf-sub-basic-constraints-ca", Leaf(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true), critical: true)), Leaf());
        Add("cabf-ca-basic-constraints-ca", SubCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null), critical: true)), SubCa());
        Add("cabf-policies-critical", Leaf(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv)), critical: true)), Leaf());
        Add("cabf-sub-ca-policies-critical", SubCa(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv)), critical: true)), SubCa());
        Add("cabf-sub-ca-eku-critical", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth), critical: true)), SubCa());
        var constraints = Ext.NameConstraints([Ext.Subtree(Gn.Dns("example.com"))], null);
        Add("cabf-sub-ca-name-constraints-not-critical", SubCa(b => b.Set(Oids.NameConstraints, constraints)),
            SubCa(b => b.Set(Oids.NameConstraints, constraints, critical: true)));
        var br1 = IssuedOn(2022, 1, 1);
        Add("cabf-sub-ca-aia-ca-issuers", SubCa(b => { br1(b); b.Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", null)); }), SubCa(br1));
        // The root alone: with a subordinate CA in the file, the root's own keyUsage would be judged too.
        Add("cabf-ca-ku-digital-signature", RootCa(),
            RootCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyCertSign, Ext.CrlSign), critical: true)));
        Add("cabf-sub-ca-reserved-policies", SubCa(Policies(Dv, Ov)), SubCa());
        Add("cabf-sub-any-policy", Leaf(Policies(Dv, Oids.AnyPolicy)), Leaf(Policies(Dv)));

        var y2017 = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-validity-39-months", Leaf(ValidFor(y2017, TimeSpan.FromDays(1200))), Leaf(ValidFor(y2017, TimeSpan.FromDays(1000))));
        var y2015 = new DateTimeOffset(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-sha1-expiry", Leaf(b => { ValidFor(y2015, TimeSpan.FromDays(730))(b); b.Hash = HashAlgorithmName.SHA1; }),
            Leaf(b => { ValidFor(y2015, TimeSpan.FromDays(180))(b); b.Hash = HashAlgorithmName.SHA1; }));

        // Key sizes of the first BR: judged by the validity dates, not by an effective date.
        var y2012 = new DateTimeOffset(2012, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-old-sub-rsa-1024", Leaf(b => { ValidFor(y2012, TimeSpan.FromDays(365))(b); b.Spki = Rsa(768); }),
            Leaf(b => { ValidFor(y2012, TimeSpan.FromDays(365))(b); b.Spki = Rsa(1024); }));
        var y2010 = new DateTimeOffset(2010, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-old-sub-ca-rsa-1024", SubCa(b => { ValidFor(y2010, TimeSpan.FromDays(1000))(b); b.Spki = Rsa(768); }),
            SubCa(b => { ValidFor(y2010, TimeSpan.FromDays(1000))(b); b.Spki = Rsa(1024); }));
        Add("cabf-old-root-rsa-2048", OldRoot(1024), OldRoot(2048));
    }

    /// <summary>commonName, metadata values and the DV subject.</summary>
    private static void SubjectValues()
    {
        Add("cabf-subject-cn-deprecated", Leaf(IssuedOn(2022, 1, 1)), Leaf(b => { IssuedOn(2022, 1, 1)(b); b.Subject = Name(C("US")); }));
        Add("cabf-subject-cn-not-recommended", Leaf(), Leaf(Subject(C("US"))));
        Add("cabf-subject-cn-multiple", Leaf(Subject(Cn("www.example.com"), Cn("example.com"))), Leaf());
        Add("cabf-subject-metadata-value", Leaf(Subject(C("US"), St(" "), Cn("www.example.com"))), Leaf(Subject(C("US"), Cn("www.example.com"))));
        Add("cabf-dv-subject-attributes", Leaf(Subject(C("US"), L("Springfield"), Cn("www.example.com"))), Leaf(Subject(C("US"), Cn("www.example.com"))));
    }

    /// <summary>DNS names split by the Public Suffix List.</summary>
    private static void DomainParts()
    {
        Add("cabf-dns-underscore-sld", Leaf(Dns("www.example.com", "www.ex_ample.co.uk")), Leaf(Dns("www.example.com", "www.example.co.uk")));
        Add("cabf-dns-underscore-trd", Leaf(Dns("www.example.com", "a_b.example.com")), Leaf(Dns("www.example.com", "a-b.example.com")));
        Add("cabf-dns-hyphen-sld", Leaf(Dns("www.example.com", "www.-example.com")), Leaf(Dns("www.example.com", "www.ex-ample.com")));
        Add("cabf-dns-bare-tld", Leaf(Dns("www.example.com", "com")), Leaf());
    }

    private static byte[] Rsa(int bits) => TestKey.Create(TestKeyType.Rsa, bits).SubjectPublicKeyInfo;

    /// <summary>A root issued in 2009 with its own RSA key of <paramref name="bits"/>.</summary>
    private static Func<TestCertificate[]> OldRoot(int bits) => () =>
    {
        var b = RawCertificateBuilder.Ca("Old Root CA", null, TestKey.Create(TestKeyType.Rsa, bits))
            .With(x => x.Subject = CaName("Old Root CA")).With(x => x.IssuerName = x.Subject);
        ValidFor(new DateTimeOffset(2009, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(3650))(b);
        return [b.Build()];
    };
}
