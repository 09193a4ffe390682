using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// The report tests' PKI: committed RSA keys (Fixtures/*.key) and certificates made from them at test time with
/// fixed names, serials and dates. RSA PKCS#1 v1.5 signatures are deterministic, so every run makes the same bytes.
/// </summary>
internal sealed class ReportPki
{
    private static readonly string[] KeyNames = ["ca", "server", "client", "legacy"];

    public static readonly string RepoRoot = typeof(ReportPki).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "CertLintRepoRoot").Value!;

    public static string FixturePath(string name) => Path.Combine(RepoRoot, "tests", "CertLint.Core.Tests", "Reporting", "Fixtures", name);

    public ReportPki()
    {
        KeyPems = KeyNames.ToDictionary(n => n, n => File.ReadAllText(FixturePath(n + ".key")));
        Keys = KeyPems.ToDictionary(p => p.Key, p => { var k = RSA.Create(); k.ImportFromPem(p.Value); return k; });
        var caName = Dn("Acme Test Root CA", "Acme");
        Ca = Make(caName, caName, Keys["ca"], Keys["ca"], 0x01, Utc(2020, 1, 1), Utc(2099, 12, 31), ca: true);
        Server = Make(Dn("Acme Web", "Acme"), caName, Keys["server"], Keys["ca"], 0x1001, Utc(2026, 1, 1), Utc(2026, 12, 1),
            san: ["www.acme.test", "api.acme.test"], eku: "1.3.6.1.5.5.7.3.1");
        // Issued by an intermediate that is nowhere in the scan; the organisation holds Markdown and HTML to escape.
        Client = Make(Dn("client.acme.test", "Acme <b>|*Corp*|</b> & _Sons_"), Dn("Acme Intermediate CA", "Acme"), Keys["client"], Keys["ca"], 0x1A2B,
            Utc(2025, 1, 1), Utc(2026, 1, 1), san: ["client.acme.test"], eku: "1.3.6.1.5.5.7.3.2");
        var legacyName = Dn("legacy-device.acme.test", "Acme");
        Legacy = Make(legacyName, legacyName, Keys["legacy"], Keys["legacy"], 0x77, Utc(2024, 6, 15), Utc(2026, 6, 15), san: ["legacy-device.acme.test"]);
    }

    /// <summary>PKCS#8 PEM text of each key, by name: no report may contain any of it.</summary>
    public IReadOnlyDictionary<string, string> KeyPems { get; }
    public IReadOnlyDictionary<string, RSA> Keys { get; }
    /// <summary>Self-signed root CA, 2020–2099.</summary>
    public X509Certificate2 Ca { get; }
    /// <summary>Server leaf issued by the CA, CN not in its SAN, 2026-01-01 to 2026-12-01.</summary>
    public X509Certificate2 Server { get; }
    /// <summary>Client leaf from a missing intermediate, expired on 2026-01-01.</summary>
    public X509Certificate2 Client { get; }
    /// <summary>Self-signed leaf expiring on 2026-06-15.</summary>
    public X509Certificate2 Legacy { get; }

    private static DateTimeOffset Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, TimeSpan.Zero);

    private static X500DistinguishedName Dn(string cn, string o)
    {
        var b = new X500DistinguishedNameBuilder();
        b.AddCommonName(cn);
        b.AddOrganizationName(o);
        return b.Build();
    }

    private static X509Certificate2 Make(X500DistinguishedName subject, X500DistinguishedName issuer, RSA key, RSA issuerKey, long serial,
        DateTimeOffset notBefore, DateTimeOffset notAfter, bool ca = false, string[]? san = null, string? eku = null)
    {
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        if (san is not null)
        {
            var sb = new SubjectAlternativeNameBuilder();
            foreach (var d in san) sb.AddDnsName(d);
            req.CertificateExtensions.Add(sb.Build());
        }
        if (eku is not null) req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        var serialBytes = BitConverter.GetBytes(serial).Reverse().SkipWhile(b => b == 0).ToArray();
        return req.Create(issuer, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1), notBefore, notAfter, serialBytes);
    }
}
