using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    /// <summary>keyUsage, basicConstraints, nameConstraints, CT, CRL distribution points and AIA.</summary>
    private static void Usages()
    {
        Add("key-usage-cert-sign-without-ca",
            Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyCertSign), critical: true)), Leaf());
        Add("key-usage-empty", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(), critical: true)), Leaf());
        Add("key-usage-eku-inconsistent", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.NonRepudiation), critical: true)), Leaf());
        Add("ec-key-usage-encipherment",
            Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true)), Leaf());
        Add("ec-leaf-key-usage", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.CrlSign), critical: true)),
            Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyAgreement), critical: true)));
        // RFC 9295's key usage tables for RFC 8410 keys (Ed25519/Ed448 sign only; X25519/X448 agree keys only).
        Add("eddsa-key-usage", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyAgreement), critical: true), Key(TestKeyType.Ed25519)),
            Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.NonRepudiation), critical: true), Key(TestKeyType.Ed448)));
        Add("eddsa-key-usage", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyCertSign, Ext.CrlSign, Ext.KeyEncipherment), critical: true), Key(TestKeyType.Ed448)),
            SubCa(key: Key(TestKeyType.Ed25519)));
        // RFC 3161 §2.3: a time-stamping authority's certificate marks its extendedKeyUsage critical.
        Add("tsa-eku-not-critical", Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping))),
            Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping), critical: true)));
        // RFC 9295 §3: an EdDSA CA certificate's keyUsage holds keyCertSign (and zero or more of the signing bits).
        Add("eddsa-ca-key-cert-sign", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.CrlSign), critical: true), Key(TestKeyType.Ed25519)),
            SubCa(key: Key(TestKeyType.Ed25519)));
        Add("eddsa-ca-key-cert-sign", SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.CrlSign), critical: true), Key(TestKeyType.Ed448)),
            SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyCertSign, Ext.CrlSign), critical: true), Key(TestKeyType.Ed448)));
        Add("x25519-key-usage", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyAgreement), critical: true), Key(TestKeyType.X25519)),
            Leaf(KeyAgreementOnly, Key(TestKeyType.X25519)));
        Add("x25519-key-usage", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyAgreement, Ext.EncipherOnly, Ext.DecipherOnly), critical: true), Key(TestKeyType.X448)),
            Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyAgreement, Ext.DecipherOnly), critical: true), Key(TestKeyType.X448)));
        var rsa = TestKey.Create(TestKeyType.Rsa);
        Add("rsa-ca-key-usage",
            SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyCertSign, Ext.CrlSign, Ext.KeyAgreement), critical: true), rsa), SubCa(key: rsa));
        Add("rsa-leaf-key-usage",
            RsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyAgreement), critical: true)), RsaLeaf());
        Add("rsa-ca-key-usage-encipherment",
            SubCa(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyCertSign, Ext.CrlSign, Ext.KeyEncipherment), critical: true), rsa), SubCa(key: rsa));
        Add("path-len-without-ca", Leaf(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null, 0), critical: true)),
            SubCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true, 0), critical: true)));
        Add("path-len-negative", SubCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true, -1), critical: true)),
            SubCa(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true, 0), critical: true)));

        Add("name-constraints-not-ca", Leaf(Constrain(Ext.Subtree(Gn.Dns("example.com")))), SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com")))));
        Add("name-constraints-empty", SubCa(b => b.Set(Oids.NameConstraints, Seq(), critical: true)), SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com")))));
        Add("name-constraints-minimum", SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com"), minimum: 1))), SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com")))));
        Add("name-constraints-maximum", SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com"), maximum: 2))), SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com")))));
        Add("name-constraints-dns-leading-dot", SubCa(Constrain(Ext.Subtree(Gn.Dns(".example.com")))), SubCa(Constrain(Ext.Subtree(Gn.Dns("example.com")))));
        Add("name-constraints-uri-not-fqdn", SubCa(Constrain(Ext.Subtree(Gn.Uri("http://example.com/")))), SubCa(Constrain(Ext.Subtree(Gn.Uri(".example.com")))));
        // pkilint's pkix/rfc822name_nc_double_period: an empty label; the leading period alone is the domain form.
        Add("name-constraints-email-syntax", SubCa(Constrain(Ext.Subtree(Gn.Email("..example.onion")))),
            SubCa(Constrain(Ext.Subtree(Gn.Email(".example.com")))));
        // RFC 5280 §4.2.1.10: an iPAddress base is address then mask, 8 or 32 octets, the mask a CIDR prefix.
        Add("name-constraints-ip-wrong-length", SubCa(Constrain(Ext.Subtree(Gn.Ip(10, 0, 0, 0)))), SubCa(Constrain(Ext.Subtree(Gn.Ip(10, 0, 0, 0, 255, 0, 0, 0)))));
        Add("name-constraints-ip-mask-not-cidr", SubCa(Exclude(Ext.Subtree(Gn.Ip(10, 0, 0, 0, 255, 0, 255, 0)))),
            SubCa(Exclude(Ext.Subtree(Gn.Ip(10, 0, 0, 0, 255, 255, 254, 0)))));
        Add("name-constraints-edi-party", SubCa(Exclude(Ext.Subtree(Gn.EdiParty("Acme")))), SubCa(Exclude(Ext.Subtree(Gn.Dns("example.org")))));
        Add("name-constraints-registered-id", SubCa(Exclude(Ext.Subtree(Gn.RegisteredId("1.3.6.1.4.1.55555.9")))), SubCa(Exclude(Ext.Subtree(Gn.Dns("example.org")))));
        Add("name-constraints-x400", SubCa(Exclude(Ext.Subtree(Gn.X400()))), SubCa(Exclude(Ext.Subtree(Gn.Dns("example.org")))));

        Add("sia-critical",
            SubCa(b => b.Set(Oids.SubjectInfoAccess, CaRepository, critical: true)), SubCa(b => b.Set(Oids.SubjectInfoAccess, CaRepository)));
        Add("precert-sct-list",
            Leaf(b => b.Set(Oids.CtPoison, NullValue(), critical: true).Set(Oids.SctList, Ext.Scts((1, 0L)))),
            Leaf(b => b.Set(Oids.CtPoison, NullValue(), critical: true)));
        // RFC 6962 §3.1: the poison is critical, so that RFC 5280 clients reject the Precertificate.
        Add("ct-poison-not-critical",
            Leaf(b => b.Set(Oids.CtPoison, NullValue(), critical: false)), Leaf(b => b.Set(Oids.CtPoison, NullValue(), critical: true)));
        Add("sct-list-empty", Leaf(b => b.Set(Oids.SctList, Ext.SctList(0))), Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, 0L)))));
        // RFC 6962 §3.3's TLS structure: an octet after an SCT's signature, an octet after the list's vector, a
        // signature cut short; an SCT too short for its log ID and timestamp. Well formed: one SCT, and two.
        Add("sct-list-malformed", Leaf(b => b.Set(Oids.SctList, Octets(TlsVector(TlsVector([.. Sct(1), 0xFF]))))),
            Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, 0L)))));
        Add("sct-list-malformed", Leaf(b => b.Set(Oids.SctList, Octets([.. TlsVector(TlsVector(Sct(1))), 0x00]))),
            Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, 0L), (2, 0L)))));
        Add("sct-list-malformed", Leaf(b => b.Set(Oids.SctList, Octets(TlsVector(TlsVector(Sct(1)[..^1]))))),
            Leaf(b => b.Set(Oids.SctList, Octets(TlsVector([.. TlsVector(Sct(1)), .. TlsVector(Sct(2))])))));
        Add("sct-list-malformed", Leaf(b => b.Set(Oids.SctList, Ext.SctList(12))), Leaf(b => b.Set(Oids.SctList, Octets(TlsVector(TlsVector(Sct(3)))))));
        // RFC 6962 §3.2: v1 is the only version; §2.1.4: SHA-256 with RSA or ECDSA. Passing: RSA, and ECDSA beside RSA.
        Add("sct-version", Leaf(b => b.Set(Oids.SctList, Octets(TlsVector([.. TlsVector(Sct(1)), .. TlsVector(Sct(2, version: 1))])))),
            Leaf(b => b.Set(Oids.SctList, Octets(TlsVector([.. TlsVector(Sct(1)), .. TlsVector(Sct(2))])))));
        Add("sct-signature-algorithm", Leaf(b => b.Set(Oids.SctList, Octets(TlsVector(TlsVector(Sct(1, hash: 0, signature: 0)))))),
            Leaf(b => b.Set(Oids.SctList, Octets(TlsVector(TlsVector(Sct(1, signature: 1)))))));
        Add("sct-signature-algorithm", Leaf(b => b.Set(Oids.SctList, Octets(TlsVector([.. TlsVector(Sct(1)), .. TlsVector(Sct(2, hash: 2, signature: 1))])))),
            Leaf(b => b.Set(Oids.SctList, Octets(TlsVector([.. TlsVector(Sct(1, signature: 1)), .. TlsVector(Sct(2))])))));
        Add("crl-distribution-point-reasons-only",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint(null, reasons: true)))),
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri("http://crl.example.com/ca.crl")], reasons: true)))));
        Add("crl-distribution-point-no-http-ldap",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri("ftp://crl.example.com/ca.crl")])))),
            Leaf(b => b.Set(Oids.CrlDistributionPoints, CrlHttp)));
        Add("aia-ca-issuers-no-http-ldap",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessCaIssuers, Gn.Uri("ftp://ca.example.com/ca.crt"))))),
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, CaIssuersHttp)));
    }

    /// <summary>A subjectInfoAccess naming the CA's repository (id-ad-caRepository, RFC 5280 §4.2.2.2).</summary>
    private static readonly byte[] CaRepository = Ext.InfoAccess(("1.3.6.1.5.5.7.48.5", Gn.Uri("http://repo.example.com/certs.p7c")));

    private static Action<RawCertificateBuilder> Constrain(params byte[][] permitted) =>
        b => b.Set(Oids.NameConstraints, Ext.NameConstraints(permitted, null), critical: true);

    private static Action<RawCertificateBuilder> Exclude(params byte[][] excluded) =>
        b => b.Set(Oids.NameConstraints, Ext.NameConstraints(null, excluded), critical: true);

    private static TestKey Key(TestKeyType type) => TestKey.Create(type);

    private const string TimeStamping = "1.3.6.1.5.5.7.3.8";

    private static void KeyAgreementOnly(RawCertificateBuilder b) => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyAgreement), critical: true);

    /// <summary>One SerializedSCT body: v1, a log ID of <paramref name="log"/> octets, timestamp 0, no extensions,
    /// SHA-256/ECDSA (or the <paramref name="hash"/> and <paramref name="signature"/> given) and a 2-octet signature (47 octets).</summary>
    private static byte[] Sct(byte log, byte version = 0, byte hash = 4, byte signature = 3) =>
        [version, .. Enumerable.Repeat(log, 32), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, hash, signature, 0, 2, 0x30, 0x00];

    /// <summary>A TLS vector: a 2-octet length, then <paramref name="body"/>.</summary>
    private static byte[] TlsVector(byte[] body) => [(byte)(body.Length >> 8), (byte)body.Length, .. body];
}
