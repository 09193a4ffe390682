using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The fixtures of the cabf-br pack: for every rule, a chain that breaks its requirement ("fail") and one the rule checks
/// and accepts ("pass"). All start from one Baseline-Requirements-conformant chain (a DV TLS server leaf, a TLS issuing
/// CA, a root) and change one thing. Each case is a PEM file with the certificate under test first, then its issuers.
/// The files under tests/fixtures/rules/cabf-br/ are written by <see cref="CabfBrFixtureWriter"/> and committed.
/// </summary>
internal static partial class CabfBrFixtures
{
    /// <summary>Every case, each added by <see cref="Add"/> from the methods below.</summary>
    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        Adder = add;
        Validity();
        Names();
        Usages();
        Subjects();
        Keys();
        KeyNumbers();
        OnionAndCaNames();
        ReservedAddresses();
        Profiles();
        SubjectValues();
        DomainParts();
        ExtendedValidation();
        OrganizationIdentifierExtension();
        TorAndEvPolicies();
        ProfileDetails();
        ProfileTables();
        SubscriberExtensions();
        OcspResponders();
        PkilintCodes();
        CaProfiles();
    });

    private static Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> Adder = (_, _, _) => { };

    public const string Dv = "2.23.140.1.2.1", Ov = "2.23.140.1.2.2", Iv = "2.23.140.1.2.3";
    internal const string EmailProtection = "1.3.6.1.5.5.7.3.4";

    /// <summary>When the leaf is issued unless a case says otherwise (the fixture test runs at 2026-01-01).</summary>
    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RootBuilder().Build());
    private static readonly Lazy<TestCertificate> LazyIssuing = new(() => IssuingBuilder().Build());

    private static TestCertificate Root => LazyRoot.Value;
    private static TestCertificate Issuing => LazyIssuing.Value;

    private static void Add(string rule, Func<TestCertificate[]> fail, Func<TestCertificate[]> pass) => Adder(rule, fail, pass);

    /// <summary>C=US, O=Example Trust, CN=<paramref name="cn"/>: the subject every CA certificate here has.</summary>
    private static byte[] CaName(string cn) => Name(C("US"), O("Example Trust"), Cn(cn));

    internal static byte[] C(string value) => Attribute(Oids.Country, PrintableString, value);
    internal static byte[] O(string value) => Attribute(Oids.Organization, Utf8String, value);
    internal static byte[] Cn(string value) => Attribute(Oids.CommonName, Utf8String, value);
    private static byte[] L(string value) => Attribute(Oids.Locality, Utf8String, value);
    internal static byte[] St(string value) => Attribute(Oids.State, Utf8String, value);

    private static RawCertificateBuilder RootBuilder() =>
        RawCertificateBuilder.Ca("Example Root CA", null).With(b => b.Subject = CaName("Example Root CA"))
            .With(b => b.IssuerName = b.Subject);

    private static RawCertificateBuilder IssuingBuilder() =>
        RawCertificateBuilder.Ca("Example Issuing CA", Root).With(b => b.Subject = CaName("Example Issuing CA"))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))
            .Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", "http://ca.example.com/root.crt"))
            .Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/root.crl"))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv)));

    /// <summary>A conformant DV leaf for www.example.com under the issuing CA, changed by <paramref name="change"/>.</summary>
    internal static Func<TestCertificate[]> Leaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = LeafBuilder(Issuing);
        change?.Invoke(b);
        return [b.Build(), Issuing, Root];
    };

    /// <summary>The conformant leaf's builder under <paramref name="issuer"/>.</summary>
    private static RawCertificateBuilder LeafBuilder(TestCertificate issuer)
    {
        var b = RawCertificateBuilder.Leaf("www.example.com", issuer)
            .With(x => x.Subject = Name(Cn("www.example.com")))
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com")))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))
            .Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", "http://ca.example.com/issuing.crt"))
            .Set(Oids.CrlDistributionPoints, Crldp("http://crl.example.com/issuing.crl"))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv)));
        ValidFor(Issued, TimeSpan.FromDays(90))(b);
        return b;
    }

    /// <summary>The issuing CA, changed by <paramref name="change"/>, with the root.</summary>
    internal static Func<TestCertificate[]> SubCa(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = IssuingBuilder();
        change?.Invoke(b);
        return [b.Build(), Root];
    };

    /// <summary>The root alone, changed by <paramref name="change"/>.</summary>
    internal static Func<TestCertificate[]> RootCa(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = RootBuilder();
        change?.Invoke(b);
        return [b.Build()];
    };

    internal static Action<RawCertificateBuilder> ValidFor(DateTimeOffset notBefore, TimeSpan period) => b =>
    {
        b.NotBefore = Time(notBefore);
        b.NotAfter = Time(notBefore + period);
    };

    private static Action<RawCertificateBuilder> IssuedOn(int year, int month, int day) =>
        ValidFor(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(90));

    /// <summary>The leaf's subjectAltName holds exactly these dNSNames (and these IP addresses).</summary>
    private static Action<RawCertificateBuilder> Dns(params string[] names) =>
        b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(names.Select(Gn.Dns).ToArray()));

    private static Action<RawCertificateBuilder> Subject(params byte[][] attributes) => b => b.Subject = Name(attributes);

    private static Action<RawCertificateBuilder> Policies(params string[] oids) =>
        b => b.Set(Oids.CertificatePolicies, Ext.Policies(oids.Select(o => Ext.Policy(o)).ToArray()));

    private static byte[] Aia(string? ocsp, string? caIssuers)
    {
        var entries = new List<(string, byte[])>();
        if (ocsp is not null) entries.Add((Oids.AccessOcsp, Gn.Uri(ocsp)));
        if (caIssuers is not null) entries.Add((Oids.AccessCaIssuers, Gn.Uri(caIssuers)));
        return Ext.InfoAccess([.. entries]);
    }

    private static byte[] Crldp(params string[] uris) =>
        Ext.CrlDistributionPoints(Ext.DistributionPoint(uris.Select(Gn.Uri).ToArray()));
}
