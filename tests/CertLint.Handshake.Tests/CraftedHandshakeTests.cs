using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using CertLint.Engine;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Messages no TLS library would send, written by a raw TCP peer as plaintext TLS 1.2 (<see cref="CraftedTls12"/>):
/// CA names, certificates and stapled OCSP responses that are not DER, nested 12,000 deep, or large; certificate
/// subjects with escapes or 64 KB long. Each ends as a finding, never a crash or a hang, within the probe's bounds.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class CraftedHandshakeTests : PkiFixture
{
    private const string DoesNotDecode = "the server sent a handshake message that does not decode (a certificate, CA name or OCSP response that is not DER, or nested too deep)";

    private static readonly byte[] Truncated = [0x30, 0x05, 0x31, 0x03, 0x02, 0x01];

    [Test]
    public async Task CA_names_that_are_not_DER_end_the_handshake_with_a_finding()
    {
        var report = await Against(CraftedTls12.ServerHello(statusRequest: false), CraftedTls12.Certificate(RsaLeaf(), Pki.ServerIntermediate.RawData),
            CraftedTls12.CertificateRequest(Truncated, [0x0C, 0x03, 0x1B, 0x5B, 0x41]), CraftedTls12.ServerHelloDone());

        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain(DoesNotDecode);
    }

    [Test]
    public async Task A_CA_name_nested_60_KB_deep_ends_the_handshake_with_a_finding()
    {
        var report = await Against(CraftedTls12.ServerHello(statusRequest: false), CraftedTls12.Certificate(RsaLeaf(), Pki.ServerIntermediate.RawData),
            CraftedTls12.CertificateRequest(CraftedTls12.Nested(12_000)), CraftedTls12.ServerHelloDone());

        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain(DoesNotDecode);
    }

    [TestCase("garbage")]
    [TestCase("nested")]
    public async Task A_stapled_OCSP_response_that_does_not_decode_is_a_finding(string kind)
    {
        byte[] staple = kind == "garbage" ? Truncated : CraftedTls12.Nested(12_000);
        var report = await Against(CraftedTls12.ServerHello(statusRequest: true), CraftedTls12.Certificate(RsaLeaf(), Pki.ServerIntermediate.RawData),
            CraftedTls12.CertificateStatus(staple), CraftedTls12.ServerHelloDone());

        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain(DoesNotDecode);
        report.Outcome!.OcspStaple.ShouldBeNull();
    }

    [TestCase("garbage")]
    [TestCase("nested")]
    public async Task A_certificate_that_does_not_decode_is_a_finding(string kind)
    {
        var report = await Against(CraftedTls12.ServerHello(statusRequest: false),
            CraftedTls12.Certificate(kind == "garbage" ? Truncated : CraftedTls12.Nested(12_000)), CraftedTls12.ServerHelloDone());

        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain(DoesNotDecode);
        report.Outcome!.ServerCertificates.ShouldBeEmpty();
    }

    [Test]
    public async Task A_300_KB_stapled_response_that_is_no_OCSP_answer_is_read_by_the_lint_as_invalid()
    {
        // OCSPResponse { successful, responseBytes { id-pkix-ocsp-basic, OCTET STRING of 300 KB of zeros } }: valid DER
        // for the TLS layer, and no BasicOCSPResponse for the lint.
        byte[] staple = [0x30, 0x83, .. Be3(300_000 + 29), 0x0A, 1, 0, 0xA0, 0x83, .. Be3(300_000 + 21), 0x30, 0x83, .. Be3(300_000 + 16),
            0x06, 9, 0x2B, 6, 1, 5, 5, 7, 48, 1, 1, 0x04, 0x83, .. Be3(300_000), .. new byte[300_000]];
        var report = await Against(CraftedTls12.ServerHello(statusRequest: true), CraftedTls12.Certificate(RsaLeaf(), Pki.ServerIntermediate.RawData),
            CraftedTls12.CertificateStatus(staple), CraftedTls12.ServerHelloDone());

        report.Rules().ShouldBe(["tls-handshake-failed", "tls-ocsp-staple-invalid"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain("sent the alert handshake_failure (40) during the handshake");
        report.Message("tls-ocsp-staple-invalid").ShouldContain("staples an OCSP response clients cannot rely on: a response that does not decode");
        report.Outcome!.OcspStaple!.Length.ShouldBe(300_034);
    }

    [Test]
    public async Task Server_certificates_with_escapes_bidi_overrides_and_a_64_KB_subject_are_safe_text_and_cut_in_every_report()
    {
        using var key = RSA.Create(2048);
        await using var peer = Peer(CraftedTls12.ServerHello(statusRequest: false),
            CraftedTls12.Certificate(SelfSigned(key, "Evil\u001b[2J\u001b[31m\nCL0000 forged finding \u202Etxt.exe"), SelfSigned(key, new string('y', 64 * 1024))),
            CraftedTls12.ServerHelloDone());

        var (exit, output, json, sarif) = CliReports.Run(Pki.Dir, peer.Port, "evil-subjects");

        exit.ShouldBe(ExitCodes.Findings, output);
        output.ShouldContain(@"CN=Evil\1B[2J\1B[31m\0ACL0000 forged finding ?txt.exe");
        output.ShouldContain("CN=" + new string('y', 997) + "… (65,539 characters)");
        CliReports.ShouldBeSafe('y', output, sarif);
        // The JSON inventory holds each certificate's subject whole, as it does for a file (escaped, never raw);
        // its findings and labels are cut like the console's.
        json.ShouldNotContain('\u001b');
        json.ShouldNotContain('\u202E');
        Regex.Count(json, "y{1001,}").ShouldBe(2, "the subject and issuer of the inventory's certificate, nothing else");
        output.Split('\n').ShouldNotContain(l => l.TrimStart().StartsWith("CL0000", StringComparison.Ordinal));
    }

    private static byte[] SelfSigned(RSA key, string commonName)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.RawData;
    }

    private static byte[] Be3(int n) => [(byte)(n >> 16), (byte)(n >> 8), (byte)n];

    private string ServerRoot => Pki.ServerRootFile;

    private byte[] RsaLeaf() => X509CertificateLoader.LoadCertificateFromFile(Pki.RsaServerFiles.Certificate!).RawData;

    /// <summary>Probes a raw peer that reads the ClientHello, writes <paramref name="messages"/> as records, then answers the client's next flight with a fatal alert.</summary>
    private async Task<HandshakeReport> Against(params byte[][] messages)
    {
        await using var peer = Peer(messages);
        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(peer.Port, null, ServerRoot, timeoutSeconds: 5);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(100));
        return report;
    }

    /// <summary>A raw peer that reads the ClientHello, writes <paramref name="messages"/> as records, then answers the client's next flight with a fatal alert.</summary>
    private static HostilePeer Peer(params byte[][] messages) => HostilePeer.Raw(async (stream, token) =>
    {
        await HostilePeer.ReadClientHello(stream, token);
        await stream.WriteAsync(CraftedTls12.Records(messages), token);
        // The client's next flight (or its alert), then a fatal handshake_failure: the handshake ends either way.
        var buffer = new byte[16 * 1024];
        _ = await stream.ReadAsync(buffer, token);
        await stream.WriteAsync(new byte[] { 21, 3, 3, 0, 2, 2, 40 }, token);
        while (await stream.ReadAsync(buffer, token) > 0)
        {
            // Until the client hangs up.
        }
    });
}
