using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Community;

/// <summary>
/// The fixtures of the community pack: for every rule a chain that has the defect ("fail") and one the rule checks and
/// accepts ("pass"), each a PEM file with the certificate under test first, then its issuer. The files under
/// tests/fixtures/rules/community/ are written by <see cref="CommunityFixtureWriter"/> and committed.
/// </summary>
internal static class CommunityFixtures
{
    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        Names(add);
        SubjectText(add);
        DnsNames(add);
        add("serial-low-entropy", Leaf(b => b.Serial = IntRaw(0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0)), Leaf(b => b.Serial = Serial(16)));
        // Nine octets whose first is the 00 sign octet hold 8 octets of magnitude: still 64 bits at most.
        add("serial-low-entropy", Leaf(b => b.Serial = IntRaw([0x00, .. Enumerable.Repeat((byte)0x9A, 8)])), Leaf(b => b.Serial = Serial(9)));
    });

    // A 16-octet serial: the root is in every file, and serial-low-entropy must judge only the leaf.
    private static readonly Lazy<TestCertificate> LazyRoot =
        new(() => RawCertificateBuilder.Ca("CertLint Community Root", null).With(b => b.Serial = Serial(16)).Build());

    private static TestCertificate Root => LazyRoot.Value;

    /// <summary>Whitespace and multi-valued RDNs in the subject and issuer DN.</summary>
    private static void Names(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("subject-dn-leading-whitespace", Leaf(Subject(Cn(" leaf.example.com"))), Leaf(Subject(Cn("leaf.example.com"), O("Example Corp"))));
        add("subject-dn-trailing-whitespace", Leaf(Subject(Cn("leaf.example.com"), O("Example Corp\t"))), Leaf(Subject(Cn("leaf.example.com"), O("Example Corp"))));
        add("issuer-dn-leading-whitespace", SelfSignedCa(Name(Cn(" Example CA"))), SelfSignedCa(Name(Cn("Example CA"))));
        add("issuer-dn-trailing-whitespace", SelfSignedCa(Name(O("Example Corp "), Cn("Example CA"))), SelfSignedCa(Name(O("Example Corp"), Cn("Example CA"))));
        var multiValued = Seq(SetOf(O("Example Corp"), Cn("Example CA")));
        add("subject-rdn-multiple-attributes", Leaf(b => b.Subject = Seq(SetOf(O("Example Corp"), Cn("leaf.example.com")))), Leaf());
        add("issuer-rdn-multiple-attributes", SelfSignedCa(multiValued), SelfSignedCa(Name(O("Example Corp"), Cn("Example CA"))));
    }

    /// <summary>Mis-encoded or mis-pasted subject text.</summary>
    private static void SubjectText(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("subject-country-not-uppercase", Leaf(Subject(C("us"), Cn("leaf.example.com"))), Leaf(Subject(C("US"), Cn("leaf.example.com"))));
        add("subject-html-entity", Leaf(Subject(O("AT&amp;T"), Cn("leaf.example.com"))), Leaf(Subject(O("AT&T"), Cn("leaf.example.com"))));
        add("subject-replacement-character", Leaf(Subject(O("Caf\uFFFD Example"), Cn("leaf.example.com"))), Leaf(Subject(O("Café Example"), Cn("leaf.example.com"))));
        add("subject-utf8-latin1-mixup", Leaf(Subject(L("MÃ¼nchen"), Cn("leaf.example.com"))), Leaf(Subject(L("München"), Cn("leaf.example.com"))));
        add("subject-address-suspicious-characters", Leaf(Subject(L("Springfield, IL"), Cn("leaf.example.com"))),
            Leaf(Subject(L("Springfield"), St("Illinois"), Cn("leaf.example.com"))));
        // zlint's n_suspicious_chars_in_address reads every value, not only the first one.
        add("subject-address-suspicious-characters", Leaf(Subject(St("Illinois"), St("Illinois (US)"), Cn("leaf.example.com"))),
            Leaf(Subject(L("Springfield"), L("Chicago"), Cn("leaf.example.com"))));
    }

    /// <summary>Duplicate, bare-suffix and redacted DNS names.</summary>
    private static void DnsNames(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("san-dns-duplicate", Leaf(San("leaf.example.com", "www.example.com", "LEAF.example.com")), Leaf(San("leaf.example.com", "www.example.com")));
        add("san-dns-public-suffix", Leaf(San("leaf.example.com", "co.uk")), Leaf(San("leaf.example.com", "example.co.uk")));
        add("ian-dns-public-suffix", Leaf(Ian("example.com")), Leaf(Ian("ca.example.com")));
        add("dns-name-redacted", Leaf(San("?.example.com")), Leaf(San("*.example.com")));
        add("dns-name-redacted", Leaf(San("*.?.example.com")), Leaf(San("www.example.com")));
    }

    /// <summary>A TLS server leaf (CN and SAN leaf.example.com, serverAuth) under the community root, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> Leaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var b = RawCertificateBuilder.Leaf("leaf.example.com", Root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("leaf.example.com")))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth));
        change?.Invoke(b);
        return [b.Build(), Root];
    };

    /// <summary>A self-signed CA named <paramref name="name"/> (subject and issuer field).</summary>
    private static Func<TestCertificate[]> SelfSignedCa(byte[] name) => () =>
        [RawCertificateBuilder.Ca("Example CA", null).With(b => { b.Subject = name; b.IssuerName = name; b.Serial = Serial(16); }).Build()];

    private static Action<RawCertificateBuilder> Subject(params byte[][] attributes) => b => b.Subject = Name(attributes);

    private static Action<RawCertificateBuilder> San(params string[] names) =>
        b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(names.Select(Gn.Dns).ToArray()));

    private static Action<RawCertificateBuilder> Ian(params string[] names) =>
        b => b.Set(Oids.IssuerAltName, Ext.GeneralNames(names.Select(Gn.Dns).ToArray()));

    /// <summary>A positive serial of <paramref name="octets"/> octets.</summary>
    private static byte[] Serial(int octets) => IntRaw([0x41, .. Enumerable.Range(1, octets - 1).Select(i => (byte)(i * 37))]);

    private static byte[] C(string value) => Attribute(Oids.Country, PrintableString, value);
    private static byte[] O(string value) => Attribute(Oids.Organization, Utf8String, value);
    private static byte[] Cn(string value) => Attribute(Oids.CommonName, Utf8String, value);
    private static byte[] L(string value) => Attribute(Oids.Locality, Utf8String, value);
    private static byte[] St(string value) => Attribute(Oids.State, Utf8String, value);
}
