using System.Numerics;
using System.Security.Cryptography;
using CertLint.Tests.CabfBr;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.RootPrograms;

/// <summary>
/// The fixtures of the root-programs pack (Mozilla Root Store Policy, Apple): for every rule a chain that breaks the
/// requirement ("fail") and one the rule checks and accepts ("pass"), each a PEM file with the certificate under test
/// first, then its issuers. Leaves are issued 2025-12-01 for 90 days, after every effective date of the pack. The files
/// under tests/fixtures/rules/root-programs/ are written by <see cref="RootProgramFixtureWriter"/> and committed.
/// </summary>
internal static class RootProgramFixtures
{
    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private const string RsaPss = "1.2.840.113549.1.1.10", EmailProtection = "1.3.6.1.5.5.7.3.4";

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        Mozilla(add);
        Apple(add);
        Chrome(add);
    });

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint Root Programs Root", null).Build());
    private static readonly Lazy<TestCertificate> LazyRsaRoot =
        new(() => RawCertificateBuilder.Ca("CertLint Root Programs RSA Root", null, TestKey.Create(TestKeyType.Rsa)).Build());

    private static TestCertificate Root => LazyRoot.Value;
    private static TestCertificate RsaRoot => LazyRsaRoot.Value;

    private static void Mozilla(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("mozilla-dsa-prohibited", Leaf(b => b.Spki = CabfBrFixtures.DsaSpki(CabfBrFixtures.Dsa2048.Value)), Leaf());
        add("mozilla-sub-ca-eku", SubCa(), SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, Oids.ClientAuth))));
        add("mozilla-sub-ca-eku", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, EmailProtection))),
            SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(EmailProtection))));
        add("mozilla-sub-ca-eku", SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.AnyEku))), SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))));
        add("mozilla-aki-key-id-and-issuer",
            Leaf(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(Root.SubjectKeyId, Gn.DirName(Root.Certificate.SubjectName.RawData), [0x01, 0x23]))),
            Leaf());
        add("mozilla-ecdsa-key-encoding", Leaf(b => b.Spki = CabfBrFixtures.Secp256k1Spki()), Leaf(b => b.Spki = TestKey.Create(TestKeyType.EcP384).SubjectPublicKeyInfo));
        // A P-256 signature (at most 72 octets) must say ecdsa-with-SHA256, not SHA-384.
        add("mozilla-ecdsa-signature-encoding", Leaf(b => b.Hash = HashAlgorithmName.SHA384), Leaf());
        add("mozilla-rsa-exponent-one", Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(1)), Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(3)));
        add("mozilla-rsa-modulus-2048", Leaf(b => b.Spki = TestKey.Create(TestKeyType.Rsa, 1024).SubjectPublicKeyInfo),
            Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537)));
        add("mozilla-rsa-modulus-divisible-by-8", Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537, modulus: Modulus2047())),
            Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537)));
        add("mozilla-rsa-pss-parameters", RsaLeaf(b => Signature(b, PssSha256(saltLength: 20))), RsaLeaf(b => Signature(b, PssSha256(saltLength: 32))));
        add("mozilla-rsa-pss-in-spki", Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537, algorithm: AlgorithmId(RsaPss))),
            Leaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537)));
    }

    private static void Apple(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        // Both ends count: 398 days of seconds is already one second too long, 398 days less a second is the most allowed.
        add("apple-server-validity-398", Leaf(ValidFor(TimeSpan.FromDays(398))), Leaf(ValidFor(TimeSpan.FromDays(398) - TimeSpan.FromSeconds(1))));
        add("apple-server-validity-397", Leaf(ValidFor(TimeSpan.FromDays(397))), Leaf(ValidFor(TimeSpan.FromDays(397) - TimeSpan.FromSeconds(1))));
        add("apple-ct-sct-count", Leaf(), Leaf(b => b.Set(Oids.SctList, Scts(1, 2))));
        // Two SCTs from one log count once; 16 months need three logs.
        add("apple-ct-sct-count", Leaf(b => b.Set(Oids.SctList, Scts(1, 1))), Leaf(b => { ValidFor(TimeSpan.FromDays(480))(b); b.Set(Oids.SctList, Scts(1, 2, 3)); }));
    }

    private static void Chrome(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        // Issued after 2026-06-15, when Chrome's dedicated TLS hierarchies allow serverAuth alone.
        Action<RawCertificateBuilder> eku(params string[] purposes) => b =>
        {
            IssuedOn(ChromeServerAuthOnly)(b);
            if (purposes.Length == 0) b.Remove(Oids.ExtendedKeyUsage);
            else b.Set(Oids.ExtendedKeyUsage, Ext.Eku(purposes));
        };
        add("chrome-server-cert-client-auth", Leaf(eku(Oids.ServerAuth, Oids.ClientAuth)), Leaf(eku(Oids.ServerAuth)));
        // No EKU is a server certificate too (zlint's IsServerAuthCert); a clientAuth there is reported all the same.
        add("chrome-server-cert-client-auth", Leaf(eku(Oids.AnyEku, Oids.ClientAuth)), Leaf(eku()));
        // clientAuth is the rule above's: this one passes it, and reports a missing EKU and every other purpose.
        add("chrome-server-cert-eku-server-auth-only", Leaf(eku()), Leaf(eku(Oids.ServerAuth, Oids.ClientAuth)));
        add("chrome-server-cert-eku-server-auth-only", Leaf(eku(Oids.ServerAuth, EmailProtection)), Leaf(eku(Oids.ServerAuth)));
        add("chrome-sub-ca-eku-server-auth-only", SubCa(eku(Oids.ServerAuth, Oids.ClientAuth)), SubCa(eku(Oids.ServerAuth)));
        add("chrome-sub-ca-eku-server-auth-only", SubCa(eku()), SubCa(eku(Oids.ServerAuth)));
    }

    private static readonly DateTimeOffset ChromeServerAuthOnly = new(2026, 6, 15, 0, 0, 0, TimeSpan.Zero);

    private static Action<RawCertificateBuilder> IssuedOn(DateTimeOffset notBefore) => b =>
    {
        b.NotBefore = Time(notBefore);
        b.NotAfter = Time(notBefore + TimeSpan.FromDays(90));
    };

    /// <summary>A TLS server leaf for leaf.example.com (P-256, serverAuth) under the EC root, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> Leaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = LeafBuilder(Root, null);
        change?.Invoke(b);
        return [b.Build(), Root];
    };

    /// <summary>A TLS server leaf with an RSA key under the RSA root.</summary>
    private static Func<TestCertificate[]> RsaLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = LeafBuilder(RsaRoot, TestKey.Create(TestKeyType.Rsa));
        change?.Invoke(b);
        return [b.Build(), RsaRoot];
    };

    private static RawCertificateBuilder LeafBuilder(TestCertificate issuer, TestKey? key)
    {
        var b = RawCertificateBuilder.Leaf("leaf.example.com", issuer, key)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com")))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth));
        ValidFor(TimeSpan.FromDays(90))(b);
        return b;
    }

    /// <summary>An intermediate CA under the EC root, issued with the leaves, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> SubCa(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = RawCertificateBuilder.Ca("CertLint Root Programs Sub CA", Root);
        ValidFor(TimeSpan.FromDays(3650))(b);
        change?.Invoke(b);
        return [b.Build(), Root];
    };

    private static Action<RawCertificateBuilder> ValidFor(TimeSpan period) => b =>
    {
        b.NotBefore = Time(Issued);
        b.NotAfter = Time(Issued + period);
    };

    /// <summary>Both signature AlgorithmIdentifiers say <paramref name="algorithm"/> (the signature bytes are the issuer's PKCS#1 ones: the rules read the encoding only).</summary>
    private static void Signature(RawCertificateBuilder b, byte[] algorithm)
    {
        b.TbsSignatureAlgorithm = algorithm;
        b.OuterSignatureAlgorithm = algorithm;
    }

    /// <summary>RSASSA-PSS-params with SHA-256, MGF1 with SHA-256 (NULL hash parameters) and the given salt length.</summary>
    private static byte[] PssSha256(int saltLength)
    {
        var sha256 = AlgorithmId("2.16.840.1.101.3.4.2.1", NullValue());
        return AlgorithmId(RsaPss, Seq(Context(0, true, sha256), Context(1, true, AlgorithmId("1.2.840.113549.1.1.8", sha256)),
            Context(2, true, Int(saltLength))));
    }

    /// <summary>The fixtures' 2048-bit modulus shifted right by one bit: 2047 bits, not a multiple of 8.</summary>
    private static byte[] Modulus2047()
    {
        var n = new BigInteger(CabfBrFixtures.RsaModulus, isUnsigned: true, isBigEndian: true) >> 1;
        return n.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>One SCT per entry of <paramref name="logs"/>, each from the log whose ID is that number repeated.</summary>
    private static byte[] Scts(params byte[] logs) => Ext.Scts([.. logs.Select(log => (log, 0L))]);
}
