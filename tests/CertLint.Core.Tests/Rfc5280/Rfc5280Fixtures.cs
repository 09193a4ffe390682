using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// The fixtures of the rfc5280 pack: for every rule, certificates that break its requirement ("fail") and
/// certificates the rule checks and accepts ("pass"). Each case is a PEM file holding the certificate under test
/// first, then its issuers up to a self-signed root, so chain-aware rules see a path.
/// The files under tests/fixtures/rules/rfc5280/ are written by <see cref="Rfc5280FixtureWriter"/> and committed;
/// the tests read the files. Every certificate not under test is clean under every rule of the pack.
/// </summary>
internal static partial class Rfc5280Fixtures
{
    /// <summary>Every case, each added by <see cref="Add"/> from the methods below.</summary>
    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        Adder = add;
        Extensions();
        Encoding();
        AltNames();
        Subjects();
        Usages();
        Policies();
        Times();
        CommunityDefects();
        PostQuantum();
    });

    private static Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> Adder = (_, _, _) => { };

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint Test Root", null).Build());
    private static readonly Lazy<TestCertificate> LazyRsaRoot =
        new(() => RawCertificateBuilder.Ca("CertLint Test RSA Root", null, TestKey.Create(TestKeyType.Rsa)).Build());

    /// <summary>A clean self-signed EC root CA.</summary>
    private static TestCertificate Root => LazyRoot.Value;

    private static TestCertificate RsaRoot => LazyRsaRoot.Value;

    private static void Add(string rule, Func<TestCertificate[]> fail, Func<TestCertificate[]> pass) => Adder(rule, fail, pass);

    /// <summary>A clean TLS server leaf (SAN leaf.example.com, serverAuth, digitalSignature) under <see cref="Root"/>, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> Leaf(Action<RawCertificateBuilder>? change = null, TestKey? key = null) => () =>
    {
        var builder = LeafBuilder(Root, key);
        change?.Invoke(builder);
        return [builder.Build(), Root];
    };

    /// <summary>A clean RSA leaf (digitalSignature, keyEncipherment) under the RSA root.</summary>
    private static Func<TestCertificate[]> RsaLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(RsaRoot, TestKey.Create(TestKeyType.Rsa))
            .Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true);
        change?.Invoke(builder);
        return [builder.Build(), RsaRoot];
    };

    private static RawCertificateBuilder LeafBuilder(TestCertificate? issuer, TestKey? key) =>
        RawCertificateBuilder.Leaf("leaf.example.com", issuer, key)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com")))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth));

    /// <summary>A clean intermediate CA under <see cref="Root"/>, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> SubCa(Action<RawCertificateBuilder>? change = null, TestKey? key = null) => () =>
    {
        var builder = RawCertificateBuilder.Ca("CertLint Test Sub CA", Root, key);
        change?.Invoke(builder);
        return [builder.Build(), Root];
    };

    /// <summary>A self-signed CA alone, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> SelfSignedCa(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = RawCertificateBuilder.Ca("CertLint Test Self-signed CA", null);
        change?.Invoke(builder);
        return [builder.Build()];
    };

    /// <summary>A self-signed end-entity certificate (TLS server profile) alone, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> SelfSignedLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(null, null);
        change?.Invoke(builder);
        return [builder.Build()];
    };

    /// <summary>The leaf's subjectAltName: leaf.example.com followed by <paramref name="more"/>.</summary>
    private static Action<RawCertificateBuilder> San(params byte[][] more) =>
        b => b.Set(Oids.SubjectAltName, Ext.GeneralNames([Gn.Dns("leaf.example.com"), .. more]));

    /// <summary>The leaf's subjectAltName holds exactly <paramref name="names"/>.</summary>
    private static Action<RawCertificateBuilder> SanOnly(params byte[][] names) =>
        b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(names));

    private static Action<RawCertificateBuilder> Subject(params byte[][] attributes) => b => b.Subject = Name(attributes);

    private static byte[] Cn(string value, byte tag = Utf8String) => Attribute(Oids.CommonName, tag, value);

    private static readonly byte[] OtherKeyId = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
}
