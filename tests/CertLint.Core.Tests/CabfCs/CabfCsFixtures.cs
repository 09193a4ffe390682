using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfCs;

/// <summary>
/// The fixtures of the cabf-cs pack (Code Signing BR certificate profile): code signing leaves asserting the Code
/// Signing BR policy, each with the exact set of cabf-cs findings it must yield (<see cref="CabfCsFindingSetTests"/>),
/// and for every rule a failing and a passing one (tests/fixtures/rules/cabf-cs/, written by
/// <see cref="CabfCsFixtureWriter"/>). Leaves are issued 2025-12-01 for 365 days, after every effective date.
/// </summary>
public static class CabfCsFixtures
{
    public const string CodeSigningPolicy = "2.23.140.1.4.1", EvCodeSigningPolicy = "2.23.140.1.3";
    public const string CodeSigning = "1.3.6.1.5.5.7.3.3", ServerAuth = "1.3.6.1.5.5.7.3.1", TimeStamping = "1.3.6.1.5.5.7.3.8";

    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A certificate under test, and the cabf-cs rules that must fire on it, no more and no fewer.</summary>
    public sealed record Case(string Name, Func<TestCertificate[]> Build, string[] Findings)
    {
        public override string ToString() => Name;
    }

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint Code Signing Root", null).Build());
    // RSA keys are slow to make: one of each size serves every fixture.
    private static readonly Lazy<TestKey> Rsa2048 = new(() => TestKey.Create(TestKeyType.Rsa, 2048));
    private static readonly Lazy<TestKey> Rsa3072 = new(() => TestKey.Create(TestKeyType.Rsa, 3072));

    /// <summary>
    /// A code signing leaf with the given policies and extendedKeyUsage (null: none), keyUsage bits (null: none) and
    /// criticality, key (default: P-256) and subject organizationName (null: none).
    /// </summary>
    private static Func<TestCertificate[]> Leaf(string[]? eku, int[]? keyUsage = null, bool kuCritical = true, string[]? policies = null,
        Lazy<TestKey>? key = null, DateTimeOffset? issued = null, string? organization = "Example Software Ltd") => () =>
    {
        var root = LazyRoot.Value;
        var at = issued ?? Issued;
        var b = RawCertificateBuilder.Leaf("Example Software Ltd", root, key?.Value);
        b.Subject = organization is null
            ? Name(Attribute(Oids.CommonName, Utf8String, "Example Software Ltd"), Attribute(Oids.Country, PrintableString, "GB"))
            : Name(Attribute(Oids.CommonName, Utf8String, "Example Software Ltd"), Attribute(Oids.Organization, Utf8String, organization),
                Attribute(Oids.Country, PrintableString, "GB"));
        b.Set(Oids.CertificatePolicies, Ext.Policies([.. (policies ?? [CodeSigningPolicy]).Select(p => Ext.Policy(p))]));
        if (eku is not null) b.Set(Oids.ExtendedKeyUsage, Ext.Eku(eku));
        b.Remove(Oids.KeyUsage);
        if (keyUsage is not null) b.Set(Oids.KeyUsage, Ext.KeyUsage(keyUsage), critical: kuCritical);
        b.NotBefore = Time(at);
        b.NotAfter = Time(at + TimeSpan.FromDays(365));
        return [b.Build(), root];
    };

    private static readonly int[] SignOnly = [Ext.DigitalSignature];

    public static readonly Case Good = new("code signing, P-256", Leaf([CodeSigning], SignOnly), []);
    public static readonly Case GoodRsa = new("code signing, RSA 3072", Leaf([CodeSigning], SignOnly, key: Rsa3072), []);
    public static readonly Case GoodEv = new("EV code signing, RSA 3072", Leaf([CodeSigning], SignOnly, policies: [EvCodeSigningPolicy], key: Rsa3072), []);
    public static readonly Case NoEku = new("no extendedKeyUsage", Leaf(null, SignOnly), ["cabf-cs-eku"]);
    public static readonly Case ServerAuthToo = new("codeSigning and serverAuth", Leaf([CodeSigning, ServerAuth], SignOnly), ["cabf-cs-eku"]);
    public static readonly Case AnyEku = new("codeSigning and anyExtendedKeyUsage", Leaf([CodeSigning, Oids.AnyEku], SignOnly), ["cabf-cs-eku"]);
    public static readonly Case NoKu = new("no keyUsage", Leaf([CodeSigning], null), ["cabf-cs-key-usage"]);
    public static readonly Case KuNotCritical = new("keyUsage not critical", Leaf([CodeSigning], SignOnly, kuCritical: false), ["cabf-cs-key-usage"]);
    public static readonly Case KuCertSign = new("keyUsage digitalSignature and keyCertSign", Leaf([CodeSigning], [Ext.DigitalSignature, Ext.KeyCertSign]), ["cabf-cs-key-usage"]);
    public static readonly Case KuNoSignature = new("keyUsage nonRepudiation only", Leaf([CodeSigning], [Ext.NonRepudiation]), ["cabf-cs-key-usage"]);
    /// <summary>Other bits are a SHOULD NOT, which zlint warns on; the rule holds the MUSTs only.</summary>
    public static readonly Case KuExtraBit = new("keyUsage digitalSignature and keyEncipherment", Leaf([CodeSigning], [Ext.DigitalSignature, Ext.KeyEncipherment]), []);
    public static readonly Case NoOrganization = new("no subject organizationName", Leaf([CodeSigning], SignOnly, organization: null), ["cabf-cs-subject-org"]);
    public static readonly Case Rsa2048Key = new("RSA 2048", Leaf([CodeSigning], SignOnly, key: Rsa2048), ["cabf-cs-rsa-key-size"]);
    public static readonly Case Rsa2048BeforeJune2021 = new("RSA 2048, issued 2021-05-01", Leaf([CodeSigning], SignOnly, key: Rsa2048,
        issued: new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero)), []);
    /// <summary>In the pack's scope by its EKU alone: no code signing policy, so no rule judges it.</summary>
    public static readonly Case PrivateCodeSigning = new("codeSigning EKU, no policy, RSA 2048, no keyUsage", Leaf([CodeSigning], null, policies: ["1.3.6.1.4.1.99999.1"], key: Rsa2048), []);
    public static readonly Case Everything = new("serverAuth only, keyUsage cRLSign, RSA 2048, no organizationName",
        Leaf([ServerAuth], [Ext.DigitalSignature, Ext.CrlSign], key: Rsa2048, organization: null),
        ["cabf-cs-eku", "cabf-cs-key-usage", "cabf-cs-rsa-key-size", "cabf-cs-subject-org"]);

    public static IEnumerable<Case> AllCases =>
    [
        Good, GoodRsa, GoodEv, NoEku, ServerAuthToo, AnyEku, NoKu, KuNotCritical, KuCertSign, KuNoSignature, KuExtraBit, NoOrganization, Rsa2048Key, Rsa2048BeforeJune2021,
        PrivateCodeSigning, Everything,
    ];

    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        void Add(string rule, Case fail, Case pass) => add(rule, fail.Build, pass.Build);
        Add("cabf-cs-eku", NoEku, Good);
        Add("cabf-cs-eku", ServerAuthToo, GoodEv);
        Add("cabf-cs-key-usage", NoKu, Good);
        Add("cabf-cs-key-usage", KuCertSign, KuExtraBit);
        Add("cabf-cs-rsa-key-size", Rsa2048Key, GoodEv);
        Add("cabf-cs-rsa-key-size", Everything, GoodRsa);
        Add("cabf-cs-subject-org", NoOrganization, Good);
    });
}
