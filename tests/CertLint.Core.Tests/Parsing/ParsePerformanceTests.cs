using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Parsing;

public class ParsePerformanceTests
{
    [Test]
    public void Ten_thousand_pem_certificates_parse_quickly_in_order()
    {
        // 50 distinct certificates repeated to 10,000 blocks in one PEM bundle.
        var pems = new List<string>();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        for (var i = 0; i < 50; i++)
        {
            var request = new CertificateRequest($"CN=perf{i}.test, O=Perf", key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName($"perf{i}.test");
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            using var cert = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
            pems.Add(cert.ExportCertificatePem());
        }
        var bundle = Encoding.ASCII.GetBytes(string.Join("\n", Enumerable.Range(0, 10_000).Select(i => pems[i % 50])) + "\n");
        var file = new SourceFile("/mem/bundle.pem", "bundle.pem", bundle.Length, null);
        ContentParser.Parse(file, bundle.ToArray(), TestPasswords.None); // warm-up (JIT)

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var parsed = ContentParser.Parse(file, bundle, TestPasswords.None);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        parsed.Issues.ShouldBeEmpty();
        parsed.Certificates.Count.ShouldBe(10_000);
        parsed.Certificates[4321].Subject.CommonName.ShouldBe("perf21.test");
        TestContext.Out.WriteLine($"10,000 certificates in {cpu.TotalMilliseconds:F0} ms CPU");
        // ~0.1-0.2 s of CPU in Release. CPU time, not wall time: a shared box can give this process a tiny share of
        // the cores. The bound (≥ 20x typical) only proves termination, e.g. no quadratic scanning; bench/ measures speed.
        cpu.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
