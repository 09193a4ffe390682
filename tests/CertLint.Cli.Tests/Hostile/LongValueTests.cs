using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Xml.Linq;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Session 31 red team: a certificate's name and serial are the pull request's to make as long as the 10 MB read limit
/// allows, and every message and every JUnit case named the certificate whole. A 2.7 MB PEM whose organizationName
/// is 1,000,000 characters made 97 MB of reports (a 50 MB JUnit file: one case per rule that checked it, each naming
/// it) and 589 MB of RSS, so the reports grew with rules × name instead of with the input.
/// </summary>
public class LongValueTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir() => _dir = Directory.CreateTempSubdirectory("certlint-long-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Reports = ["r.sarif", "r.junit.xml", "r.json", "r.md", "r.codequality.json", "r.html"];

    [Test]
    public void A_certificate_with_a_300000_character_name_and_a_10000_byte_serial_gives_bounded_well_formed_reports()
    {
        var organization = new string('L', 300_000);
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var name = new X500DistinguishedNameBuilder();
            name.AddCommonName("huge");
            name.AddOrganizationName(organization);
            var req = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256);
            // A SAN dNSName of 100,000 characters (SubjectAlternativeNameBuilder refuses it, so written by hand).
            var san = new AsnWriter(AsnEncodingRules.DER);
            using (san.PushSequence())
                san.WriteCharacterString(UniversalTagNumber.IA5String, new string('d', 100_000) + ".example", new Asn1Tag(TagClass.ContextSpecific, 2));
            req.CertificateExtensions.Add(new X509Extension("2.5.29.17", san.Encode(), false));
            var serial = new byte[10_000];
            serial.AsSpan().Fill(0x5A);
            using var cert = req.Create(req.SubjectName, X509SignatureGenerator.CreateForECDsa(key),
                new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), serial);
            File.WriteAllText(Path.Combine(_dir, "huge.pem"), cert.ExportCertificatePem() + "\n");
        }

        var r = CliRunner.Process(_dir, null, ".", "--now", "2026-06-01", "--fail-on", "none", "--sarif", "r.sarif", "--junit", "r.junit.xml",
            "--json", "r.json", "--markdown", "r.md", "--gitlab-codequality", "r.codequality.json", "--html", "r.html");

        r.ExitCode.ShouldBe(0, r.Error);
        r.Error.ShouldBeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "r.json")));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("rule").GetString()!, Message: f.GetProperty("message").GetString()!)).ToList();
        findings.Select(f => f.Rule).ShouldContain("cert-expired");
        // Every message is cut at the bound, the certificate's name in it at its own bound, so it still says what is wrong.
        findings.ShouldAllBe(f => f.Message.Length <= 20_000 + 28);
        var expired = findings.First(f => f.Rule == "cert-expired").Message;
        expired.ShouldStartWith("CN=huge,O=LLLL");
        // "CN=huge,O=" and the 300,000 L's: the count is the whole name's.
        expired.ShouldContain("LLL… (300,010 characters) (serial 5A5A", Case.Sensitive);
        expired.ShouldContain("5A5A… (20,000 characters), SHA-256 ", Case.Sensitive);
        expired.Length.ShouldBeLessThan(2 * (1_000 + 28) + 200);
        expired.ShouldContain("expired on 2025-01-01T00:00:00Z");
        r.Out.ShouldContain("expired on 2025-01-01T00:00:00Z");

        // Well-formed, and bounded: the reports carry a bounded name per finding and per JUnit case, not the whole one.
        foreach (var report in new[] { "r.sarif", "r.json", "r.codequality.json" }) JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, report))).Dispose();
        XDocument.Load(Path.Combine(_dir, "r.junit.xml")).Root!.Name.LocalName.ShouldBe("testsuites");
        foreach (var report in Reports.Where(r => r != "r.sarif"))
        {
            // The JSON inventory lists the certificate's subject, serial and SAN whole, once (it is the inventory).
            var limit = report == "r.json" ? 1_500_000 : 1_000_000;
            new FileInfo(Path.Combine(_dir, report)).Length.ShouldBeLessThan(limit, report);
        }
        // SARIF also describes every rule in force (about 3 KB each, growing with the rule set): the results are bounded.
        using (var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "r.sarif"))))
        {
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetRawText().Length.ShouldBeLessThan(1_000_000);
        }
        new FileInfo(Path.Combine(_dir, "r.sarif")).Length.ShouldBeLessThan(3_000_000);
        r.Out.Length.ShouldBeLessThan(200_000);
    }
}
