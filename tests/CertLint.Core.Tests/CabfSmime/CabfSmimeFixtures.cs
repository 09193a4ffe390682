using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The fixtures of the cabf-smime pack (S/MIME Baseline Requirements): for every rule a chain that breaks the
/// requirement ("fail") and one the rule checks and accepts ("pass"), each a PEM file with the certificate under test
/// first, then its root. The base leaf is a clean mailbox-validated Strict certificate for alice@example.com issued
/// 2025-12-01 (after the BR's 2023-09-01 effective date); each case changes one thing. The files under
/// tests/fixtures/rules/cabf-smime/ are written by <see cref="CabfSmimeFixtureWriter"/> and committed.
/// </summary>
internal static partial class CabfSmimeFixtures
{
    public static IReadOnlyList<PackFixtureCase> All => LazyCases.Value;

    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Issue date of the Legacy cases: before the generation's 2025-07-15 retirement, so that only the
    /// requirement under test is at stake.</summary>
    private static readonly DateTimeOffset LegacyIssued = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reserved S/MIME policies 2.23.140.1.5.V.G (S/MIME BR §7.1.6.1): V = 1 mailbox-, 2 organization-,
    /// 3 sponsor-, 4 individual-validated; G = 1 Legacy, 2 Multipurpose, 3 Strict.</summary>
    public const string MailboxLegacy = "2.23.140.1.5.1.1", MailboxMultipurpose = "2.23.140.1.5.1.2", MailboxStrict = "2.23.140.1.5.1.3";
    public const string SponsorStrict = "2.23.140.1.5.3.3", OrganizationLegacy = "2.23.140.1.5.2.1", OrganizationStrict = "2.23.140.1.5.2.3";
    public const string IndividualLegacy = "2.23.140.1.5.4.1", IndividualMultipurpose = "2.23.140.1.5.4.2", IndividualStrict = "2.23.140.1.5.4.3";
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4", TimeStamping = "1.3.6.1.5.5.7.3.8", SmtpUtf8Mailbox = "1.3.6.1.5.5.7.8.9";
    public const string Mailbox = "alice@example.com";
    private const string CrlUrl = "http://crl.example.com/smime.crl";

    private static readonly Lazy<IReadOnlyList<PackFixtureCase>> LazyCases = PackFixtureFiles.Cases(add =>
    {
        Names(add);
        Usages(add);
        KeyUsageTables(add);
        Locations(add);
        Profile(add);
        KeyNumbers(add);
        AttributeValues(add);
        OrganizationIdentifiers(add);
        SubjectAttributes(add);
        Extensions(add);
        PolicyAndNames(add);
    });

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint S/MIME Root", null).Build());

    public static TestCertificate Root => LazyRoot.Value;

    private static void Names(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-san-missing", Leaf(b => b.Remove(Oids.SubjectAltName)), Leaf());
        add("smime-san-no-mailbox", Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("mail.example.com")))), Leaf());
        // An internationalized mailbox as id-on-SmtpUTF8Mailbox (RFC 8398: a UTF8String) is a mailbox too.
        add("smime-san-no-mailbox", Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Uri("mailto:" + Mailbox)))),
            Leaf(b => { b.Subject = Name(); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.OtherName(SmtpUtf8Mailbox, String(Utf8String, "älice@example.com"))), critical: true); }));
        add("smime-san-critical", Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Email(Mailbox)), critical: true)),
            Leaf(b => { b.Subject = Name(); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Email(Mailbox)), critical: true); }));
        add("smime-mailbox-cn-not-mailbox", Leaf(b => b.Subject = CnName("Alice Example")), Leaf());
        add("smime-mailbox-cn-not-mailbox", Leaf(b => b.Subject = CnName("bob@example.com")),
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Email("bob@example.com"), Gn.Email(Mailbox)))));
        // An id-on-SmtpUTF8Mailbox value is a SAN mailbox address the commonName may repeat (pkilint's smtputf8mailbox cases).
        add("smime-mailbox-cn-not-mailbox", SmtpUtf8Leaf("bob@example.com"), SmtpUtf8Leaf("älice@example.com"));
    }

    private static void Usages(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-eku-email-protection-missing", Leaf(Eku(Oids.ClientAuth)), Leaf());
        add("smime-eku-email-protection-missing", Leaf(b => b.Remove(Oids.ExtendedKeyUsage)), Leaf(Policy(MailboxLegacy), Eku(Oids.ClientAuth, EmailProtection)));
        add("smime-eku-prohibited", Leaf(Policy(MailboxMultipurpose), Eku(EmailProtection, Oids.ServerAuth)), Leaf(Policy(MailboxMultipurpose), Eku(EmailProtection, Oids.ClientAuth)));
        add("smime-eku-prohibited", Leaf(Policy(MailboxLegacy), Eku(EmailProtection, TimeStamping)), Leaf());
        add("smime-strict-eku-other", Leaf(Eku(EmailProtection, Oids.ClientAuth)), Leaf());
        // anyExtendedKeyUsage is smime-eku-prohibited's finding, not this rule's too.
        add("smime-strict-eku-other", Leaf(Eku(EmailProtection, "1.3.6.1.4.1.311.10.3.12")), Leaf(Eku(EmailProtection, Oids.AnyEku)));
        // Issued 2025-12-01, after Ballot SMC08's 2025-07-15: no Legacy policy any more.
        add("smime-legacy-deprecated", Leaf(Policy(OrganizationLegacy)), Leaf(Policy(MailboxMultipurpose)));
        // Two reserved policies make the type ambiguous; a CA-defined policy beside the one reserved is allowed.
        add("smime-policy-not-exactly-one", Leaf(Policies(MailboxStrict, OrganizationStrict)), Leaf(Policies(MailboxStrict, "1.3.6.1.4.1.55555.1.1")));
        // An e-mail protection subscriber certificate without a reserved policy claims no S/MIME BR profile (zlint's
        // e_exactly_one_smime_policy judges it too): outside the pack's scope, judged by this rule alone.
        add("smime-policy-not-exactly-one", Leaf(b => b.Remove(Oids.CertificatePolicies)), Leaf());
        // Criticality only: the policy itself is the base leaf's one reserved policy.
        add("smime-policies-critical", Leaf(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(MailboxStrict)), critical: true)), Leaf());
        add("smime-ku-missing", Leaf(b => b.Remove(Oids.KeyUsage)), Leaf());
        add("smime-ku-not-critical", Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature))), Leaf());
    }

    private static void KeyUsageTables(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-rsa-ku-strict", RsaLeaf(Ku(Ext.DigitalSignature, Ext.KeyEncipherment, Ext.DataEncipherment)),
            RsaLeaf(Ku(Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyEncipherment)));
        // nonRepudiation only beside digitalSignature; keyEncipherment alone is key management.
        add("smime-rsa-ku-strict", RsaLeaf(Ku(Ext.KeyEncipherment, Ext.NonRepudiation)), RsaLeaf(Ku(Ext.KeyEncipherment)));
        add("smime-rsa-ku-legacy-multipurpose", RsaLeaf(Policy(MailboxLegacy), Ku(Ext.KeyEncipherment, Ext.KeyAgreement)),
            RsaLeaf(Policy(MailboxMultipurpose), Ku(Ext.KeyEncipherment, Ext.DataEncipherment)));
        // dataEncipherment only beside keyEncipherment.
        add("smime-rsa-ku-legacy-multipurpose", RsaLeaf(Policy(MailboxMultipurpose), Ku(Ext.DigitalSignature, Ext.DataEncipherment)),
            RsaLeaf(Policy(MailboxLegacy), Ku(Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyEncipherment, Ext.DataEncipherment)));
        add("smime-ec-ku", Leaf(Ku(Ext.DigitalSignature, Ext.KeyEncipherment)), Leaf(Ku(Ext.KeyAgreement, Ext.EncipherOnly)));
        // encipherOnly only beside keyAgreement; dual use may add nonRepudiation and decipherOnly.
        add("smime-ec-ku", Leaf(Ku(Ext.DigitalSignature, Ext.EncipherOnly)), Leaf(Ku(Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyAgreement, Ext.DecipherOnly)));
        add("smime-ec-ku", Leaf(Ku(Ext.KeyAgreement, Ext.NonRepudiation)), Leaf(Ku(Ext.DigitalSignature, Ext.NonRepudiation)));
        add("smime-edwards-ku", KeyLeaf(TestKeyType.Ed25519, Ku(Ext.DigitalSignature, Ext.KeyAgreement)), KeyLeaf(TestKeyType.Ed25519, Ku(Ext.DigitalSignature, Ext.NonRepudiation)));
        add("smime-edwards-ku", KeyLeaf(TestKeyType.Ed448, Ku(Ext.NonRepudiation)), KeyLeaf(TestKeyType.Ed448, Ku(Ext.DigitalSignature)));
    }

    private static void Profile(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        // The Validity Period counts notBefore through notAfter inclusive: notAfter − notBefore = 825 days is one second too long.
        add("smime-validity-825", Leaf(ValidFor(Issued, TimeSpan.FromDays(825))), Leaf(ValidFor(Issued, TimeSpan.FromDays(825) - TimeSpan.FromSeconds(1))));
        add("smime-validity-825", Leaf(Policy(MailboxMultipurpose), ValidFor(Issued, TimeSpan.FromDays(1000))), Leaf(Policy(MailboxMultipurpose)));
        add("smime-validity-legacy-1185", Leaf(Policy(MailboxLegacy), ValidFor(LegacyIssued, TimeSpan.FromDays(1185))),
            Leaf(Policy(MailboxLegacy), ValidFor(LegacyIssued, TimeSpan.FromDays(1185) - TimeSpan.FromSeconds(1))));
        // rsaEncryption without its explicit NULL, and an RSA key labelled id-RSASSA-PSS (§7.1.3.1.1 forbids both);
        // P-521 and Ed448 are in the §7.1.3.1 list (pkilint's list lacks P-521).
        add("smime-spki-algorithm-encoding", RsaLeaf(Ku(Ext.DigitalSignature), RsaKeyLabelled("1.2.840.113549.1.1.1")), KeyLeaf(TestKeyType.EcP521));
        add("smime-spki-algorithm-encoding", RsaLeaf(Ku(Ext.DigitalSignature), RsaKeyLabelled("1.2.840.113549.1.1.10")), KeyLeaf(TestKeyType.Ed448, Ku(Ext.DigitalSignature)));
        // The root's key is P-256 (§7.1.3.2.2 pairs it with SHA-256), and ECDSA parameters must be absent, not NULL.
        add("smime-signature-algorithm-encoding", Leaf(b => b.Hash = System.Security.Cryptography.HashAlgorithmName.SHA384), Leaf());
        add("smime-signature-algorithm-encoding", Leaf(b => b.TbsSignatureAlgorithm = AlgorithmId("1.2.840.10045.4.3.2", NullValue())), Leaf(Policy(MailboxMultipurpose)));
        // XX is the user-assigned code the S/MIME BR allow; codes compare ignoring case, as pkilint compares them.
        add("smime-subject-country-iso", Leaf(Policy(OrganizationStrict), Country("XG")), Leaf(Policy(OrganizationStrict), Country("XX")));
        add("smime-subject-country-iso", Leaf(Policy(SponsorStrict), Country("UK")), Leaf(Policy(SponsorStrict), Country("gb")));
    }

    private static void Locations(Action<string, Func<TestCertificate[]>, Func<TestCertificate[]>> add)
    {
        add("smime-crldp-missing", Leaf(b => b.Remove(Oids.CrlDistributionPoints)), Leaf());
        // A distribution point named only by a directoryName gives no URL to fetch the CRL from.
        add("smime-crldp-missing", Leaf(Crl(Gn.DirName(CnName("CertLint S/MIME CRL")))), Leaf(Crl(Gn.DirName(CnName("CertLint S/MIME CRL")), Gn.Uri(CrlUrl))));
        add("smime-crldp-not-http", Leaf(Crl(Gn.Uri(CrlUrl), Gn.Uri("ldap://ldap.example.com/cn=CA?certificateRevocationList"))), Leaf());
        // URI schemes are case-insensitive (RFC 3986 §3.1).
        add("smime-crldp-not-http", Leaf(Policy(MailboxMultipurpose), Crl(Gn.Uri("https://crl.example.com/smime.crl"))), Leaf(Crl(Gn.Uri("HTTP://crl.example.com/smime.crl"))));
        add("smime-crldp-no-http-legacy", Leaf(Policy(MailboxLegacy), Crl(Gn.Uri("ldap://ldap.example.com/cn=CA?certificateRevocationList"))),
            Leaf(Policy(MailboxLegacy), Crl(Gn.Uri("ldap://ldap.example.com/cn=CA?certificateRevocationList"), Gn.Uri(CrlUrl))));
        add("smime-aia-not-http", Leaf(Aia(("ocsp", "https://ocsp.example.com"), ("caIssuers", "http://ca.example.com/ca.crt"))), Leaf());
        add("smime-aia-not-http", Leaf(Policy(MailboxMultipurpose), Aia(("ocsp", "http://ocsp.example.com"), ("caIssuers", "ldap://ldap.example.com/cn=CA"))),
            Leaf(Policy(MailboxMultipurpose), Aia(("ocsp", "http://ocsp.example.com"))));
        // A location that is not a URI has no scheme at all; Legacy certificates are outside this rule.
        add("smime-aia-location-not-uri", Leaf(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com")), (Oids.AccessCaIssuers, Gn.DirName(CnName("CertLint S/MIME CA")))))), Leaf());
        add("smime-aia-location-not-uri", Leaf(Policy(MailboxMultipurpose), b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Dns("ocsp.example.com"))))),
            Leaf(Policy(MailboxMultipurpose)));
        add("smime-aia-no-http-legacy", Leaf(Policy(MailboxLegacy), Aia(("ocsp", "http://ocsp.example.com"), ("caIssuers", "ldap://ldap.example.com/cn=CA"))),
            Leaf(Policy(MailboxLegacy), Aia(("caIssuers", "ldap://ldap.example.com/cn=CA"), ("caIssuers", "http://ca.example.com/ca.crt"))));
        add("smime-aia-no-http-legacy", Leaf(Policy(OrganizationLegacy), Aia(("ocsp", "ldap://ldap.example.com/ocsp"))),
            Leaf(Policy(OrganizationLegacy), Aia(("ocsp", "http://ocsp.example.com"), ("ocsp", "ldap://ldap.example.com/ocsp"))));
        // Both SHOULDs of §7.1.2.3(c), every generation: the extension, and a caIssuers access method in it.
        add("smime-aia-missing", Leaf(b => b.Remove(Oids.AuthorityInfoAccess)), Leaf());
        add("smime-aia-missing", Leaf(Policy(MailboxLegacy), ValidFor(LegacyIssued, TimeSpan.FromDays(365)), b => b.Remove(Oids.AuthorityInfoAccess)),
            Leaf(Policy(MailboxLegacy), ValidFor(LegacyIssued, TimeSpan.FromDays(365)), Aia(("caIssuers", "http://ca.example.com/ca.crt"))));
        add("smime-aia-ca-issuers-missing", Leaf(Aia(("ocsp", "http://ocsp.example.com"))), Leaf(Aia(("caIssuers", "http://ca.example.com/ca.crt"))));
        // The access method counts, whatever its location; a location that is not a URI is smime-aia-location-not-uri's.
        add("smime-aia-ca-issuers-missing", Leaf(Policy(MailboxMultipurpose), Aia(("ocsp", "http://ocsp.example.com"), ("ocsp", "http://ocsp2.example.com"))),
            Leaf(Policy(MailboxMultipurpose), b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessCaIssuers, Gn.DirName(CnName("CertLint S/MIME CA")))))));
    }

    /// <summary>A leaf whose SAN is the one SmtpUTF8Mailbox älice@example.com and whose commonName is <paramref name="cn"/>.</summary>
    public static Func<TestCertificate[]> SmtpUtf8Leaf(string cn) => Leaf(b =>
    {
        b.Subject = CnName(cn);
        b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.OtherName(SmtpUtf8Mailbox, String(Utf8String, "älice@example.com"))));
    });

    /// <summary>The clean base leaf (P-256, digitalSignature) under the root, changed by <paramref name="changes"/> in order.</summary>
    public static Func<TestCertificate[]> Leaf(params Action<RawCertificateBuilder>[] changes) => () => Build(null, changes);

    private static Func<TestCertificate[]> RsaLeaf(params Action<RawCertificateBuilder>[] changes) => () => Build(TestKey.Create(TestKeyType.Rsa), changes);

    private static Func<TestCertificate[]> KeyLeaf(TestKeyType type, params Action<RawCertificateBuilder>[] changes) => () => Build(TestKey.Create(type), changes);

    private static TestCertificate[] Build(TestKey? key, Action<RawCertificateBuilder>[] changes)
    {
        var b = RawCertificateBuilder.Leaf(Mailbox, Root, key)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Email(Mailbox)))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(EmailProtection))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(MailboxStrict)))
            .Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri(CrlUrl)])))
            .Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com")), (Oids.AccessCaIssuers, Gn.Uri("http://ca.example.com/ca.crt"))));
        b.NotBefore = Time(Issued);
        b.NotAfter = Time(Issued + TimeSpan.FromDays(365));
        foreach (var change in changes) change(b);
        return [b.Build(), Root];
    }

    public static Action<RawCertificateBuilder> Policy(string oid) => b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(oid)));

    private static Action<RawCertificateBuilder> Policies(params string[] oids) =>
        b => b.Set(Oids.CertificatePolicies, Ext.Policies([.. oids.Select(o => Ext.Policy(o))]));

    public static Action<RawCertificateBuilder> Eku(params string[] oids) => b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(oids));

    /// <summary>keyUsage with these bits, critical (the S/MIME BR's SHOULD).</summary>
    private static Action<RawCertificateBuilder> Ku(params int[] bits) => b => b.Set(Oids.KeyUsage, Ext.KeyUsage(bits), critical: true);

    private static Action<RawCertificateBuilder> ValidFor(DateTimeOffset from, TimeSpan span) =>
        b => { b.NotBefore = Time(from); b.NotAfter = Time(from + span); };

    /// <summary>A subject with this countryName before the mailbox commonName.</summary>
    private static Action<RawCertificateBuilder> Country(string code) =>
        b => b.Subject = Name(Attribute("2.5.4.6", PrintableString, code), Attribute(Oids.CommonName, Utf8String, Mailbox));

    /// <summary>The RSA leaf's key under an AlgorithmIdentifier of just <paramref name="oid"/>, no parameters.</summary>
    private static Action<RawCertificateBuilder> RsaKeyLabelled(string oid) => b =>
    {
        const int header = 4, rsaAlgorithmId = 15;   // SEQUENCE 30 82 LL LL, then 30 0d 06 09 <rsaEncryption> 05 00
        b.Spki = Seq(Seq(ObjectId(oid)), b.Spki[(header + rsaAlgorithmId)..]);
    };

    private static Action<RawCertificateBuilder> Crl(params byte[][] fullName) =>
        b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint(fullName)));

    private static Action<RawCertificateBuilder> Aia(params (string Method, string Uri)[] entries) =>
        b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess([.. entries.Select(e => (e.Method == "ocsp" ? Oids.AccessOcsp : Oids.AccessCaIssuers, Gn.Uri(e.Uri)))]));
}
