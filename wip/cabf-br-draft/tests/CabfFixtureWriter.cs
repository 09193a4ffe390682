using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Packs;

/// <summary>
/// Writes tests/fixtures/rules/cabf-br/NAME/{fail,pass}/*.pem: for every cabf-br rule, a chain (leaf, intermediate,
/// root) that breaks exactly that requirement and one that meets it, from one BR-conformant template.
/// Run with `dotnet test --filter Name=Regenerate_cabf_br_fixtures` after a change and commit the files.
/// </summary>
public sealed class CabfFixtureWriter
{
    private static readonly DateTimeOffset Issued = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What a certificate of the chain looks like; each fixture changes a few of these.</summary>
    private sealed record Spec
    {
        public string Subject { get; init; } = "CN=www.example.com";
        public string[] Dns { get; init; } = ["www.example.com"];
        public string[] Ips { get; init; } = [];
        public bool San { get; init; } = true;
        public string[]? Eku { get; init; } = ["1.3.6.1.5.5.7.3.1"];
        public X509KeyUsageFlags? KeyUsage { get; init; } = X509KeyUsageFlags.DigitalSignature;
        public bool KeyUsageCritical { get; init; } = true;
        public bool Aia { get; init; } = true;
        public bool AiaCritical { get; init; }
        public bool AiaCaIssuers { get; init; } = true;
        public bool Crldp { get; init; } = true;
        public string[]? Policies { get; init; } = ["2.23.140.1.2.1"];
        public DateTimeOffset NotBefore { get; init; } = Issued;
        public TimeSpan Validity { get; init; } = TimeSpan.FromDays(90);
        public byte[] Serial { get; init; } = [0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xF0, 0x01];
        public Func<AsymmetricAlgorithm>? Key { get; init; }
        public bool Sha1 { get; init; }
        public int? PathLength { get; init; }
    }

    private static readonly Spec Leaf = new();
    private static readonly Spec Intermediate = new()
    {
        Subject = "CN=Example Issuing CA, O=Example Trust, C=US", Dns = [], San = false, Eku = ["1.3.6.1.5.5.7.3.1"],
        KeyUsage = X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, Policies = ["2.23.140.1.2.1"],
        NotBefore = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Validity = TimeSpan.FromDays(3650),
    };
    private static readonly Spec Root = Intermediate with
    {
        Subject = "CN=Example Root CA, O=Example Trust, C=US", Eku = null, Aia = false, Crldp = false, Policies = null,
        NotBefore = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Validity = TimeSpan.FromDays(9000),
    };

    private static IEnumerable<(string Rule, string Case, Spec Leaf, Spec Intermediate, Spec Root)> Cases()
    {
        (string, string, Spec, Spec, Spec) L(string rule, string name, Spec leaf) => (rule, name, leaf, Intermediate, Root);
        (string, string, Spec, Spec, Spec) I(string rule, string name, Spec inter) => (rule, name, Leaf, inter, Root);
        (string, string, Spec, Spec, Spec) T(string rule, string name, Spec root) => (rule, name, Leaf, Intermediate, root);
        foreach (var (days, from) in new[] { (398, "2025-01-01"), (200, "2026-04-01"), (100, "2027-04-01"), (47, "2029-04-01") })
        {
            var nb = DateTimeOffset.Parse(from + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            yield return L($"cabf-validity-{days}", "fail", Leaf with { NotBefore = nb, Validity = TimeSpan.FromDays(days) });
            yield return L($"cabf-validity-{days}", "pass", Leaf with { NotBefore = nb, Validity = TimeSpan.FromDays(days) - TimeSpan.FromSeconds(1) });
        }
        var good = new[]
        {
            "cabf-san-missing", "cabf-dns-underscore", "cabf-wildcard-not-leftmost", "cabf-wildcard-partial-label", "cabf-internal-name",
            "cabf-reserved-ip-san", "cabf-reserved-ip-cn", "cabf-cn-not-from-san", "cabf-eku-extra", "cabf-eku-any", "cabf-eku-missing",
            "cabf-sub-ku-cert-sign", "cabf-sub-ku-crl-sign", "cabf-ca-ku-missing", "cabf-ca-ku-not-critical", "cabf-ca-ku-cert-sign",
            "cabf-ca-ku-crl-sign", "cabf-sub-aia-missing", "cabf-sub-aia-critical", "cabf-sub-aia-ca-issuers", "cabf-sub-ca-aia-missing",
            "cabf-sub-ca-crldp-missing", "cabf-sub-ca-policies-missing", "cabf-sub-policies-missing", "cabf-ec-curve", "cabf-key-algorithm",
            "cabf-sha1-signature", "cabf-serial-entropy", "cabf-serial-positive", "cabf-root-eku", "cabf-root-path-len", "cabf-ca-subject-cn",
            "cabf-ca-subject-country", "cabf-ca-subject-organization", "cabf-subject-ou",
        };
        foreach (var rule in good) yield return L(rule, "pass", Leaf);
        yield return L("cabf-wildcard-public-suffix", "pass", Leaf with { Subject = "CN=*.example.co.uk", Dns = ["*.example.co.uk"] });
        yield return L("cabf-wildcard-public-suffix", "fail", Leaf with { Subject = "CN=*.co.uk", Dns = ["*.co.uk"] });
        yield return L("cabf-san-missing", "fail", Leaf with { San = false });
        yield return L("cabf-dns-underscore", "fail", Leaf with { Subject = "CN=a_b.example.com", Dns = ["a_b.example.com"] });
        yield return L("cabf-wildcard-not-leftmost", "fail", Leaf with { Subject = "CN=www.example.com", Dns = ["www.example.com", "www.*.example.com"] });
        yield return L("cabf-wildcard-partial-label", "fail", Leaf with { Subject = "CN=www.example.com", Dns = ["www.example.com", "w*.example.com"] });
        yield return L("cabf-internal-name", "fail", Leaf with { Subject = "CN=build.corp.local", Dns = ["build.corp.local"] });
        yield return L("cabf-reserved-ip-san", "fail", Leaf with { Ips = ["10.1.2.3"] });
        yield return L("cabf-reserved-ip-cn", "fail", Leaf with { Subject = "CN=192.168.1.10", Dns = [], Ips = ["192.168.1.10"] });
        yield return L("cabf-cn-not-from-san", "fail", Leaf with { Subject = "CN=WWW.example.com" });
        yield return L("cabf-eku-extra", "fail", Leaf with { Eku = ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.3"] });
        yield return L("cabf-eku-any", "fail", Leaf with { Eku = ["1.3.6.1.5.5.7.3.1", "2.5.29.37.0"] });
        yield return L("cabf-eku-missing", "fail", Leaf with { Eku = null });
        var before2023 = new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
        yield return L("cabf-eku-server-client-missing", "fail", Leaf with { Eku = ["1.3.6.1.5.5.7.3.4"], NotBefore = before2023 });
        yield return L("cabf-eku-server-client-missing", "pass", Leaf with { NotBefore = before2023 });
        yield return L("cabf-sub-ku-cert-sign", "fail", Leaf with { KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign });
        yield return L("cabf-sub-ku-crl-sign", "fail", Leaf with { KeyUsage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.CrlSign });
        yield return I("cabf-ca-ku-missing", "fail", Intermediate with { KeyUsage = null });
        yield return I("cabf-ca-ku-not-critical", "fail", Intermediate with { KeyUsageCritical = false });
        yield return I("cabf-ca-ku-cert-sign", "fail", Intermediate with { KeyUsage = X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature });
        yield return I("cabf-ca-ku-crl-sign", "fail", Intermediate with { KeyUsage = X509KeyUsageFlags.KeyCertSign });
        yield return L("cabf-sub-aia-missing", "fail", Leaf with { Aia = false });
        yield return L("cabf-sub-aia-critical", "fail", Leaf with { AiaCritical = true });
        yield return L("cabf-sub-aia-ca-issuers", "fail", Leaf with { AiaCaIssuers = false });
        yield return I("cabf-sub-ca-aia-missing", "fail", Intermediate with { Aia = false });
        yield return I("cabf-sub-ca-crldp-missing", "fail", Intermediate with { Crldp = false });
        yield return I("cabf-sub-ca-policies-missing", "fail", Intermediate with { Policies = null });
        yield return L("cabf-sub-policies-missing", "fail", Leaf with { Policies = null });
        yield return L("cabf-rsa-key-size", "fail", Leaf with { Key = () => RSA.Create(1024) });
        yield return L("cabf-rsa-key-size", "pass", Leaf with { Key = () => RSA.Create(2048) });
        yield return L("cabf-ec-curve", "fail", Leaf with { Key = () => ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10")) });
        yield return L("cabf-key-algorithm", "fail", Leaf with { Key = () => DSA.Create(2048) });
        yield return L("cabf-sha1-signature", "fail", Leaf with { Sha1 = true });
        yield return L("cabf-serial-entropy", "fail", Leaf with { Serial = [0x01, 0x02, 0x03] });
        yield return L("cabf-serial-positive", "fail", Leaf with { Serial = [0xFF, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08] });
        yield return T("cabf-root-eku", "fail", Root with { Eku = ["1.3.6.1.5.5.7.3.1"] });
        yield return T("cabf-root-path-len", "fail", Root with { PathLength = 1 });
        yield return I("cabf-ca-subject-cn", "fail", Intermediate with { Subject = "O=Example Trust, C=US" });
        yield return I("cabf-ca-subject-country", "fail", Intermediate with { Subject = "CN=Example Issuing CA, O=Example Trust" });
        yield return I("cabf-ca-subject-organization", "fail", Intermediate with { Subject = "CN=Example Issuing CA, C=US" });
        yield return L("cabf-subject-ou", "fail", Leaf with { Subject = "CN=www.example.com, OU=Web, O=Example, C=US" });
    }

    [Test, Explicit("writes the committed fixtures")]
    public void Regenerate_cabf_br_fixtures()
    {
        var dir = Path.Combine(BuiltInRules.Samples.RepoRoot, "tests", "fixtures", "rules", "cabf-br");
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var interKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        foreach (var (rule, name, leaf, inter, root) in Cases())
        {
            using var rootCert = Issue(root, rootKey, null, rootKey, ca: true);
            using var interCert = Issue(inter, interKey, rootCert, rootKey, ca: true);
            using var leafKey = leaf.Key?.Invoke() ?? ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var leafCert = Issue(leaf, leafKey, interCert, interKey, ca: false);
            var target = Path.Combine(dir, rule, name);
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, $"{rule}.pem"),
                string.Concat(new[] { leafCert, interCert, rootCert }.Select(c => c.ExportCertificatePem() + "\n")));
        }
    }

    private static X509Certificate2 Issue(Spec s, AsymmetricAlgorithm key, X509Certificate2? issuer, ECDsa issuerKey, bool ca)
    {
        var publicKey = key switch
        {
            ECDsa ec => new PublicKey(ec),
            RSA rsa => new PublicKey(rsa),
            DSA dsa => new PublicKey(dsa),
            _ => throw new NotSupportedException(),
        };
        var req = new CertificateRequest(new X500DistinguishedName(s.Subject), publicKey, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, s.PathLength is not null, s.PathLength ?? 0, true));
        if (s.KeyUsage is { } ku) req.CertificateExtensions.Add(new X509KeyUsageExtension(ku, s.KeyUsageCritical));
        if (s.Eku is { } eku) req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection().With(eku), false));
        if (s.San) req.CertificateExtensions.Add(new X509Extension("2.5.29.17", GeneralNames(s.Dns, s.Ips), false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        if (issuer is not null)
        {
            req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
            if (s.Aia)
            {
                req.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(["http://ocsp.example.com"],
                    s.AiaCaIssuers ? ["http://ca.example.com/issuer.crt"] : null, s.AiaCritical));
            }
            if (s.Crldp) req.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension(["http://crl.example.com/ca.crl"]));
        }
        if (s.Policies is { } policies) req.CertificateExtensions.Add(new X509Extension("2.5.29.32", Policies(policies), false));
        var generator = s.Sha1 ? new LegacySignatureGenerator(issuerKey, new PublicKey(issuerKey)) : X509SignatureGenerator.CreateForECDsa(issuerKey);
        var hash = s.Sha1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        var subjectName = issuer?.SubjectName ?? new X500DistinguishedName(s.Subject);
        return req.Create(subjectName, generator, s.NotBefore, s.NotBefore + s.Validity, s.Serial);
    }

    private static byte[] GeneralNames(string[] dns, string[] ips)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var d in dns) w.WriteCharacterString(UniversalTagNumber.IA5String, d, new Asn1Tag(TagClass.ContextSpecific, 2));
            foreach (var ip in ips) w.WriteOctetString(IPAddress.Parse(ip).GetAddressBytes(), new Asn1Tag(TagClass.ContextSpecific, 7));
        }
        return w.Encode();
    }

    private static byte[] Policies(string[] oids)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            foreach (var oid in oids)
            {
                using (w.PushSequence()) w.WriteObjectIdentifier(oid);
            }
        }
        return w.Encode();
    }
}

internal static class OidCollectionExtensions
{
    public static OidCollection With(this OidCollection c, IEnumerable<string> oids)
    {
        foreach (var o in oids) c.Add(new Oid(o));
        return c;
    }
}
