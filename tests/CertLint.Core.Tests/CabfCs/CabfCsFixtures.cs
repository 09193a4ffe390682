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
    public const string TimestampPolicy = "2.23.140.1.4.2", DomainComponent = "0.9.2342.19200300.100.1.25";
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
    private static readonly Lazy<TestKey> Rsa4096 = new(() => TestKey.Create(TestKeyType.Rsa, 4096));
    private static readonly Lazy<TestKey> P384 = new(() => TestKey.Create(TestKeyType.EcP384));
    // An EC key on a curve §6.1.5.2 does not allow.
    private static readonly Lazy<byte[]> BrainpoolSpki = new(() =>
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.brainpoolP256r1);
        return key.ExportSubjectPublicKeyInfo();
    });

    private static readonly DateTimeOffset March2026 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A code signing leaf with the given policies and extendedKeyUsage (null: none), keyUsage bits (null: none) and
    /// criticality, key (default: P-256), subject organizationName (null: none) and validity; it has the http:// AIA
    /// (caIssuers and OCSP) and CRL distribution point §7.1.2.3 asks for and a subject with L and C, which
    /// <paramref name="change"/> may alter last.
    /// </summary>
    private static Func<TestCertificate[]> Leaf(string[]? eku, int[]? keyUsage = null, bool kuCritical = true, string[]? policies = null,
        Lazy<TestKey>? key = null, DateTimeOffset? issued = null, string? organization = "Example Software Ltd", int days = 365,
        Action<RawCertificateBuilder>? change = null) => () =>
    {
        var root = LazyRoot.Value;
        var at = issued ?? Issued;
        var b = RawCertificateBuilder.Leaf("Example Software Ltd", root, key?.Value);
        b.Subject = organization is null
            ? SubjectName(Attribute(Oids.Locality, Utf8String, "London"), Attribute(Oids.Country, PrintableString, "GB"))
            : SubjectName(Attribute(Oids.Organization, Utf8String, organization), Attribute(Oids.Locality, Utf8String, "London"),
                Attribute(Oids.Country, PrintableString, "GB"));
        b.Set(Oids.CertificatePolicies, Ext.Policies([.. (policies ?? [CodeSigningPolicy]).Select(p => Ext.Policy(p))]));
        if (eku is not null) b.Set(Oids.ExtendedKeyUsage, Ext.Eku(eku));
        b.Remove(Oids.KeyUsage);
        if (keyUsage is not null) b.Set(Oids.KeyUsage, Ext.KeyUsage(keyUsage), critical: kuCritical);
        b.Set(Oids.AuthorityInfoAccess, Aia(CaIssuersUrl, OcspUrl));
        b.Set(Oids.CrlDistributionPoints, Crldp(CrlUrl));
        b.NotBefore = Time(at);
        b.NotAfter = Time(at + TimeSpan.FromDays(days));
        change?.Invoke(b);
        return [b.Build(), root];
    };

    private const string CaIssuersUrl = "http://ca.example.com/cs-root.cer", OcspUrl = "http://ocsp.example.com", CrlUrl = "http://crl.example.com/cs-root.crl";

    /// <summary>A subject of CN "Example Software Ltd" followed by <paramref name="attributes"/>.</summary>
    private static byte[] SubjectName(params byte[][] attributes) => Name([Attribute(Oids.CommonName, Utf8String, "Example Software Ltd"), .. attributes]);

    private static byte[] Aia(string? caIssuers, string? ocsp) => Ext.InfoAccess([
        .. caIssuers is null ? Array.Empty<(string, byte[])>() : [(Oids.AccessCaIssuers, Gn.Uri(caIssuers))],
        .. ocsp is null ? Array.Empty<(string, byte[])>() : [(Oids.AccessOcsp, Gn.Uri(ocsp))]]);

    private static byte[] Crldp(params string[] urls) => Ext.CrlDistributionPoints(Ext.DistributionPoint([.. urls.Select(Gn.Uri)]));

    private static Action<RawCertificateBuilder> WithSubject(params byte[][] attributes) => b => b.Subject = SubjectName(attributes);

    private static readonly byte[] Org = Attribute(Oids.Organization, Utf8String, "Example Software Ltd"), Gb = Attribute(Oids.Country, PrintableString, "GB");
    private static readonly byte[] London = Attribute(Oids.Locality, Utf8String, "London");

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

    // Validity (§6.3.2): 39 calendar months before 2026-03-01 (2025-12-01 + 1186 days is 2029-03-01), 460 days after.
    public static readonly Case Validity40Months = new("valid 1220 days from 2025-12-01", Leaf([CodeSigning], SignOnly, days: 1220), ["cabf-cs-validity-39-months"]);
    public static readonly Case Validity39Months = new("valid exactly 39 months from 2025-12-01", Leaf([CodeSigning], SignOnly, days: 1186), []);
    public static readonly Case Validity461Days = new("valid 461 days from 2026-03-01", Leaf([CodeSigning], SignOnly, issued: March2026, days: 461), ["cabf-cs-validity-460-days"]);
    public static readonly Case Validity460Days = new("valid 460 days from 2026-03-01", Leaf([CodeSigning], SignOnly, issued: March2026, days: 460), []);

    // Subject (§7.1.4.2.2, §7.1.4.2.3, §7.1.4.2.4).
    public static readonly Case NoCountry = new("no subject countryName", Leaf([CodeSigning], SignOnly, change: WithSubject(Org, London)), ["cabf-cs-subject-country"]);
    public static readonly Case CountryUk = new("subject countryName UK", Leaf([CodeSigning], SignOnly,
        change: WithSubject(Org, London, Attribute(Oids.Country, PrintableString, "UK"))), ["cabf-cs-subject-country"]);
    public static readonly Case NoLocality = new("neither localityName nor stateOrProvinceName", Leaf([CodeSigning], SignOnly, change: WithSubject(Org, Gb)), ["cabf-cs-subject-locality"]);
    public static readonly Case ProvinceOnly = new("stateOrProvinceName without localityName", Leaf([CodeSigning], SignOnly,
        change: WithSubject(Org, Attribute(Oids.State, Utf8String, "Kent"), Gb)), []);
    /// <summary>The non-EV subject rules do not judge EV certificates (their address fields come from the EV Guidelines).</summary>
    public static readonly Case EvOrganizationOnly = new("EV, subject CN and O only", Leaf([CodeSigning], SignOnly, policies: [EvCodeSigningPolicy], change: WithSubject(Org)), []);
    public static readonly Case DomainComponentSubject = new("subject domainComponent", Leaf([CodeSigning], SignOnly,
        change: WithSubject(Attribute(DomainComponent, Ia5String, "example"), Org, London, Gb)), ["cabf-cs-subject-dc"]);
    public static readonly Case EvOrganization65 = new("EV, organizationName of 65 characters", Leaf([CodeSigning], SignOnly, policies: [EvCodeSigningPolicy],
        organization: "Example Software " + new string('x', 48)), ["cabf-cs-ev-subject-org-length"]);
    public static readonly Case EvOrganization64 = new("EV, organizationName of 64 characters", Leaf([CodeSigning], SignOnly, policies: [EvCodeSigningPolicy],
        organization: "Example Software " + new string('x', 47)), []);
    /// <summary>The 64-character limit is the EV Guidelines'; a non-EV organizationName is not judged by it.</summary>
    public static readonly Case NonEvOrganization65 = new("non-EV, organizationName of 65 characters", Leaf([CodeSigning], SignOnly,
        organization: "Example Software " + new string('x', 48)), []);

    // authorityInformationAccess and cRLDistributionPoints (§7.1.2.3 (b), (c)).
    public static readonly Case NoAia = new("no authorityInformationAccess", Leaf([CodeSigning], SignOnly, change: b => b.Remove(Oids.AuthorityInfoAccess)),
        ["cabf-cs-aia", "cabf-cs-aia-ca-issuers"]);
    public static readonly Case AiaCritical = new("authorityInformationAccess critical", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia(CaIssuersUrl, OcspUrl), critical: true)), ["cabf-cs-aia"]);
    public static readonly Case AiaOcspOnly = new("authorityInformationAccess with OCSP only", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia(null, OcspUrl))), ["cabf-cs-aia-ca-issuers"]);
    public static readonly Case CaIssuersHttps = new("caIssuers https:// only", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia("https://ca.example.com/cs-root.cer", OcspUrl))), ["cabf-cs-aia-ca-issuers"]);
    public static readonly Case OcspLdap = new("OCSP location ldap://", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia(CaIssuersUrl, "ldap://ocsp.example.com"))), ["cabf-cs-aia-ocsp-http"]);
    /// <summary>OCSP is required only if the CA runs it.</summary>
    public static readonly Case NoOcsp = new("authorityInformationAccess with caIssuers only", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia(CaIssuersUrl, null))), []);
    public static readonly Case NoCrldp = new("no cRLDistributionPoints", Leaf([CodeSigning], SignOnly, change: b => b.Remove(Oids.CrlDistributionPoints)), ["cabf-cs-crldp"]);
    public static readonly Case CrldpCritical = new("cRLDistributionPoints critical", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.CrlDistributionPoints, Crldp(CrlUrl), critical: true)), ["cabf-cs-crldp"]);
    public static readonly Case CrldpLdapOnly = new("cRLDistributionPoints ldap:// only", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.CrlDistributionPoints, Crldp("ldap://crl.example.com/cn=CS%20Root"))), ["cabf-cs-crldp"]);
    /// <summary>The BRs ask for an HTTP URL to be there, not for every URL to be one (zlint errs here).</summary>
    public static readonly Case CrldpLdapAndHttp = new("cRLDistributionPoints ldap:// and http://", Leaf([CodeSigning], SignOnly,
        change: b => b.Set(Oids.CrlDistributionPoints, Crldp("ldap://crl.example.com/cn=CS%20Root", CrlUrl))), []);

    // Algorithms (§7.1.3.2, §6.1.5.2). The SHA-1 leaf names ecdsa-with-SHA1 but is signed with SHA-256: the rule reads the identifier.
    public static readonly Case Sha1Signature = new("signature ecdsa-with-SHA1", Leaf([CodeSigning], SignOnly, change: EcdsaSha1), ["cabf-cs-signature-algorithm"]);
    public static readonly Case Sha1Before2021 = new("signature ecdsa-with-SHA1, issued 2021-05-01", Leaf([CodeSigning], SignOnly,
        issued: new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero), change: EcdsaSha1), []);
    public static readonly Case Brainpool = new("EC key on brainpoolP256r1", Leaf([CodeSigning], SignOnly, change: b => b.Spki = BrainpoolSpki.Value), ["cabf-cs-ec-curve"]);
    public static readonly Case GoodP384 = new("code signing, P-384", Leaf([CodeSigning], SignOnly, key: P384), []);

    // Serial number (§7.1).
    public static readonly Case Serial7Octets = new("serial of 7 octets", Leaf([CodeSigning], SignOnly, change: b => b.Serial = IntRaw(0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE)), ["cabf-cs-serial-number"]);
    public static readonly Case SerialZero = new("serial 0", Leaf([CodeSigning], SignOnly, change: b => b.Serial = IntRaw(0x00)), ["cabf-cs-serial-number"]);
    public static readonly Case SerialNegative = new("negative serial of 9 octets", Leaf([CodeSigning], SignOnly,
        change: b => b.Serial = IntRaw(0x80, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0)), ["cabf-cs-serial-number"]);
    public static readonly Case Serial16Octets = new("serial of 16 octets", Leaf([CodeSigning], SignOnly,
        change: b => b.Serial = IntRaw([0x5A, .. Enumerable.Range(1, 15).Select(i => (byte)(i * 17))])), []);

    // Timestamp certificates (policy 2.23.140.1.4.2, critical id-kp-timeStamping): §7.1.2.3 and §6.1.5.2 cover them too.
    public static readonly Case GoodTimestamp = new("timestamp certificate", Timestamp(null), []);
    public static readonly Case TimestampNoAia = new("timestamp certificate without authorityInformationAccess", Timestamp(b => b.Remove(Oids.AuthorityInfoAccess)),
        ["cabf-cs-aia", "cabf-cs-aia-ca-issuers"]);

    public static readonly Case TimestampEkuNotCritical = new("timestamp certificate, timeStamping not critical",
        Timestamp(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping))), ["cabf-cs-timestamp-eku"]);
    public static readonly Case TimestampCodeSigningEku = new("timestamp certificate with a critical codeSigning EKU",
        Timestamp(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(CodeSigning), critical: true)), ["cabf-cs-timestamp-eku"]);

    // §6.3.2: 135 calendar months from 2025-12-01 end on 2037-03-01.
    public static readonly Case TimestampValidity136Months = new("timestamp certificate valid until 2037-03-02",
        Timestamp(b => b.NotAfter = Time(new DateTimeOffset(2037, 3, 2, 0, 0, 0, TimeSpan.Zero))), ["cabf-cs-timestamp-validity-135-months"]);
    public static readonly Case TimestampValidity135Months = new("timestamp certificate valid exactly 135 months",
        Timestamp(b => b.NotAfter = Time(new DateTimeOffset(2037, 3, 1, 0, 0, 0, TimeSpan.Zero))), []);

    public static readonly Case TimestampRsa2048 = new("timestamp certificate, RSA 2048", Timestamp(null, Rsa2048), ["cabf-cs-timestamp-rsa-key-size"]);
    public static readonly Case TimestampRsa3072 = new("timestamp certificate, RSA 3072", Timestamp(null, Rsa3072), []);

    // §7.1.3.2: SHA-1 in a Timestamp Authority certificate only with notBefore not after 2022-04-30 (the rule starts the day after).
    public static readonly Case TimestampSha1 = new("timestamp certificate, signature ecdsa-with-SHA1", Timestamp(EcdsaSha1), ["cabf-cs-timestamp-signature-algorithm"]);
    public static readonly Case TimestampSha1May2022 = new("timestamp certificate, signature ecdsa-with-SHA1, issued 2022-05-01", Timestamp(b =>
    {
        EcdsaSha1(b);
        b.NotBefore = Time(new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero));
        b.NotAfter = Time(new DateTimeOffset(2023, 5, 1, 0, 0, 0, TimeSpan.Zero));
    }), ["cabf-cs-timestamp-signature-algorithm"]);
    public static readonly Case TimestampSha1April2022 = new("timestamp certificate, signature ecdsa-with-SHA1, issued 2022-04-30", Timestamp(b =>
    {
        EcdsaSha1(b);
        b.NotBefore = Time(new DateTimeOffset(2022, 4, 30, 12, 0, 0, TimeSpan.Zero));
        b.NotAfter = Time(new DateTimeOffset(2023, 4, 30, 0, 0, 0, TimeSpan.Zero));
    }), []);
    public static readonly Case TimestampPoliciesCritical = new("timestamp certificate with a critical certificatePolicies",
        Timestamp(b => b.Set(Oids.CertificatePolicies, Ext.Policies([Ext.Policy(TimestampPolicy)]), critical: true)), ["cabf-cs-policies-critical"]);
    /// <summary>
    /// A certificate asserting both policies: its SHA-1 signature is cabf-cs-signature-algorithm's alone (its missing
    /// critical timeStamping is cabf-cs-timestamp-eku's, another defect).
    /// </summary>
    public static readonly Case BothPoliciesSha1 = new("code signing and timestamp policies, signature ecdsa-with-SHA1", Leaf([CodeSigning], SignOnly,
        policies: [CodeSigningPolicy, TimestampPolicy], change: EcdsaSha1), ["cabf-cs-signature-algorithm", "cabf-cs-timestamp-eku"]);

    private static Func<TestCertificate[]> Timestamp(Action<RawCertificateBuilder>? change, Lazy<TestKey>? key = null) => Leaf(null, SignOnly,
        policies: [TimestampPolicy], organization: null, key: key, change: b => { b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping), critical: true); change?.Invoke(b); });

    // Subordinate CAs (§7.1.2.2 (g)): in the pack's reach by a codeSigning/timeStamping EKU or a Code Signing BR policy.
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";
    public static readonly Case GoodSubCa = new("code signing subordinate CA", SubCa([CodeSigning]), []);
    public static readonly Case GoodTimestampSubCa = new("timestamp subordinate CA", SubCa([TimeStamping], [TimestampPolicy]), []);
    public static readonly Case SubCaBoth = new("subordinate CA with codeSigning and timeStamping", SubCa([CodeSigning, TimeStamping]), ["cabf-cs-subca-eku"]);
    public static readonly Case SubCaEmail = new("subordinate CA with codeSigning and emailProtection", SubCa([CodeSigning, EmailProtection]), ["cabf-cs-subca-eku"]);
    public static readonly Case SubCaAnyEku = new("subordinate CA with timeStamping and anyExtendedKeyUsage", SubCa([TimeStamping, Oids.AnyEku]), ["cabf-cs-subca-eku"]);
    public static readonly Case SubCaPolicyNoEku = new("subordinate CA asserting 2.23.140.1.4.1 without extendedKeyUsage", SubCa(null, [CodeSigningPolicy]), ["cabf-cs-subca-eku"]);
    public static readonly Case SubCaNoPolicies = new("subordinate CA without certificatePolicies", SubCa([CodeSigning],
        change: b => b.Remove(Oids.CertificatePolicies)), ["cabf-cs-subca-policies"]);
    /// <summary>An Affiliate of the issuing CA may assert anyPolicy in place of an explicit identifier (§7.1.6.3): not told apart, so it passes.</summary>
    public static readonly Case SubCaAnyPolicy = new("subordinate CA asserting anyPolicy", SubCa([TimeStamping], ["2.5.29.32.0"]), []);
    public static readonly Case SubCaPoliciesCritical = new("subordinate CA with a critical certificatePolicies", SubCa([CodeSigning],
        change: b => b.Set(Oids.CertificatePolicies, Ext.Policies([Ext.Policy(CodeSigningPolicy)]), critical: true)), ["cabf-cs-policies-critical"]);
    public static readonly Case SubCaEkuCritical = new("subordinate CA with a critical extendedKeyUsage", SubCa([TimeStamping], [TimestampPolicy],
        change: b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping), critical: true)), ["cabf-cs-subca-eku-critical"]);
    public static readonly Case SubCaNoCrldp = new("subordinate CA without cRLDistributionPoints", SubCa([CodeSigning],
        change: b => b.Remove(Oids.CrlDistributionPoints)), ["cabf-cs-subca-crldp"]);
    public static readonly Case SubCaCrldpLdap = new("subordinate CA with an ldap:// CRL only", SubCa([TimeStamping],
        change: b => b.Set(Oids.CrlDistributionPoints, Crldp("ldap://crl.example.com/cn=CS%20Root"))), ["cabf-cs-subca-crldp"]);
    public static readonly Case SubCaNoAia = new("subordinate CA without authorityInformationAccess", SubCa([CodeSigning],
        change: b => b.Remove(Oids.AuthorityInfoAccess)), ["cabf-cs-subca-aia"]);
    public static readonly Case SubCaAiaOcspOnly = new("subordinate CA with an OCSP URL only", SubCa([CodeSigning],
        change: b => b.Set(Oids.AuthorityInfoAccess, Aia(null, OcspUrl))), ["cabf-cs-subca-aia"]);

    // CA keys (§6.1.5.1): RSA 4096.
    public static readonly Case SubCaRsa3072 = new("subordinate CA, RSA 3072", SubCa([CodeSigning], key: Rsa3072), ["cabf-cs-ca-rsa-key-size"]);
    public static readonly Case SubCaRsa4096 = new("subordinate CA, RSA 4096", SubCa([CodeSigning], key: Rsa4096), []);

    // Roots (§7.1.2.1): no extendedKeyUsage (MUST NOT), no certificatePolicies and no pathLenConstraint (SHOULD NOT).
    public static readonly Case RootWithEku = new("self-signed CA with a codeSigning EKU", Root(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(CodeSigning))), ["cabf-cs-root-eku"]);
    public static readonly Case RootWithPolicy = new("self-signed CA asserting 2.23.140.1.4.1, no EKU",
        Root(b => b.Set(Oids.CertificatePolicies, Ext.Policies([Ext.Policy(CodeSigningPolicy)]))), ["cabf-cs-root-policies"]);
    public static readonly Case RootWithPathLen = new("self-signed CA with a timeStamping EKU and pathLenConstraint 0", Root(b =>
    {
        b.Set(Oids.ExtendedKeyUsage, Ext.Eku(TimeStamping));
        b.Set(Oids.BasicConstraints, Ext.BasicConstraints(true, 0), critical: true);
    }), ["cabf-cs-root-eku", "cabf-cs-root-pathlen"]);

    private static Func<TestCertificate[]> Root(Action<RawCertificateBuilder> change) => () =>
    {
        var b = RawCertificateBuilder.Ca("CertLint CS Root Under Test", null);
        change(b);
        return [b.Build()];
    };

    /// <summary>
    /// A subordinate CA under the fixture root with the given extendedKeyUsage (null: none) and policies (null: the code
    /// signing policy 2.23.140.1.4.1), the http:// caIssuers and CRL §7.1.2.2 asks for, then <paramref name="change"/>.
    /// </summary>
    private static Func<TestCertificate[]> SubCa(string[]? eku, string[]? policies = null, Action<RawCertificateBuilder>? change = null,
        Lazy<TestKey>? key = null) => () =>
    {
        var root = LazyRoot.Value;
        var b = RawCertificateBuilder.Ca("Example Code Signing CA", root, key?.Value);
        if (eku is not null) b.Set(Oids.ExtendedKeyUsage, Ext.Eku(eku));
        b.Set(Oids.CertificatePolicies, Ext.Policies([.. (policies ?? [CodeSigningPolicy]).Select(p => Ext.Policy(p))]));
        b.Set(Oids.AuthorityInfoAccess, Aia(CaIssuersUrl, null));
        b.Set(Oids.CrlDistributionPoints, Crldp(CrlUrl));
        change?.Invoke(b);
        return [b.Build(), root];
    };

    private static void EcdsaSha1(RawCertificateBuilder b) => b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = Seq(ObjectId("1.2.840.10045.4.1"));

    public static IEnumerable<Case> AllCases =>
    [
        Good, GoodRsa, GoodEv, NoEku, ServerAuthToo, AnyEku, NoKu, KuNotCritical, KuCertSign, KuNoSignature, KuExtraBit, NoOrganization, Rsa2048Key, Rsa2048BeforeJune2021,
        PrivateCodeSigning, Everything,
        Validity40Months, Validity39Months, Validity461Days, Validity460Days,
        NoCountry, CountryUk, NoLocality, ProvinceOnly, EvOrganizationOnly, DomainComponentSubject, EvOrganization65, EvOrganization64, NonEvOrganization65,
        NoAia, AiaCritical, AiaOcspOnly, CaIssuersHttps, OcspLdap, NoOcsp, NoCrldp, CrldpCritical, CrldpLdapOnly, CrldpLdapAndHttp,
        Sha1Signature, Sha1Before2021, Brainpool, GoodP384, Serial7Octets, SerialZero, SerialNegative, Serial16Octets, GoodTimestamp, TimestampNoAia, TimestampEkuNotCritical, TimestampCodeSigningEku,
        TimestampValidity136Months, TimestampValidity135Months, GoodSubCa, GoodTimestampSubCa, SubCaBoth, SubCaEmail, SubCaAnyEku, SubCaPolicyNoEku,
        SubCaNoCrldp, SubCaCrldpLdap, SubCaNoAia, SubCaAiaOcspOnly, RootWithEku, RootWithPolicy,
        TimestampRsa2048, TimestampRsa3072, SubCaRsa3072, SubCaRsa4096,
        SubCaNoPolicies, SubCaAnyPolicy, SubCaPoliciesCritical, SubCaEkuCritical, RootWithPathLen,
        TimestampSha1, TimestampSha1May2022, TimestampSha1April2022, TimestampPoliciesCritical, BothPoliciesSha1,
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
        Add("cabf-cs-validity-39-months", Validity40Months, Validity39Months);
        Add("cabf-cs-validity-460-days", Validity461Days, Validity460Days);
        Add("cabf-cs-subject-country", CountryUk, Good);
        Add("cabf-cs-subject-country", NoCountry, ProvinceOnly);
        Add("cabf-cs-subject-locality", NoLocality, ProvinceOnly);
        Add("cabf-cs-subject-dc", DomainComponentSubject, Good);
        Add("cabf-cs-ev-subject-org-length", EvOrganization65, EvOrganization64);
        Add("cabf-cs-aia", NoAia, Good);
        Add("cabf-cs-aia", AiaCritical, GoodTimestamp);
        Add("cabf-cs-aia-ca-issuers", AiaOcspOnly, NoOcsp);
        Add("cabf-cs-aia-ca-issuers", CaIssuersHttps, Good);
        Add("cabf-cs-aia-ocsp-http", OcspLdap, Good);
        Add("cabf-cs-crldp", NoCrldp, Good);
        Add("cabf-cs-crldp", CrldpLdapOnly, CrldpLdapAndHttp);
        Add("cabf-cs-signature-algorithm", Sha1Signature, Good);
        Add("cabf-cs-ec-curve", Brainpool, GoodP384);
        Add("cabf-cs-serial-number", Serial7Octets, Serial16Octets);
        Add("cabf-cs-serial-number", SerialZero, Good);
        Add("cabf-cs-timestamp-eku", TimestampEkuNotCritical, GoodTimestamp);
        Add("cabf-cs-timestamp-eku", TimestampCodeSigningEku, GoodTimestamp);
        Add("cabf-cs-timestamp-validity-135-months", TimestampValidity136Months, TimestampValidity135Months);
        Add("cabf-cs-subca-eku", SubCaBoth, GoodSubCa);
        Add("cabf-cs-subca-eku", SubCaPolicyNoEku, GoodTimestampSubCa);
        Add("cabf-cs-subca-crldp", SubCaNoCrldp, GoodSubCa);
        Add("cabf-cs-subca-crldp", SubCaCrldpLdap, GoodTimestampSubCa);
        Add("cabf-cs-subca-aia", SubCaNoAia, GoodSubCa);
        Add("cabf-cs-subca-aia", SubCaAiaOcspOnly, GoodTimestampSubCa);
        Add("cabf-cs-root-eku", RootWithEku, RootWithPolicy);
        Add("cabf-cs-timestamp-rsa-key-size", TimestampRsa2048, TimestampRsa3072);
        Add("cabf-cs-ca-rsa-key-size", SubCaRsa3072, SubCaRsa4096);
        Add("cabf-cs-subca-policies", SubCaNoPolicies, GoodSubCa);
        Add("cabf-cs-root-policies", RootWithPolicy, RootWithEku);
        Add("cabf-cs-root-pathlen", RootWithPathLen, RootWithPolicy);
        Add("cabf-cs-policies-critical", SubCaPoliciesCritical, GoodSubCa);
        Add("cabf-cs-policies-critical", TimestampPoliciesCritical, Good);
        Add("cabf-cs-subca-eku-critical", SubCaEkuCritical, GoodTimestampSubCa);
        Add("cabf-cs-timestamp-signature-algorithm", TimestampSha1May2022, GoodTimestamp);
    });
}
