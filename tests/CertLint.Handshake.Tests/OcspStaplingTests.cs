using System.Security.Cryptography;
using CertLint.Rules;
using CertLint.Tests.Pki;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertLint.Handshake.Tests;

/// <summary>
/// OCSP stapling, against `openssl s_server -status_file`: the staple's status is reported (a note), a staple that
/// says revoked is an error, and a must-staple certificate (RFC 7633) served without one is an error. The responses are
/// made here, signed by the server's issuing CA.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OcspStaplingTests : PkiFixture
{
    // TLS 1.3 staples in the leaf's CertificateEntry (RFC 8446 §4.4.2.1), TLS 1.2 in a CertificateStatus message.
    [TestCase(false, "tls-ocsp-stapled", "staples OCSP: good, produced ", "-tls1_2")]
    [TestCase(true, "tls-ocsp-revoked", "stapled an OCSP response saying its certificate is revoked (revoked on ", "-tls1_2")]
    [TestCase(false, "tls-ocsp-stapled", "staples OCSP: good, produced ", "-tls1_3")]
    [TestCase(true, "tls-ocsp-revoked", "stapled an OCSP response saying its certificate is revoked (revoked on ", "-tls1_3")]
    public async Task Stapled_status_is_reported_and_revoked_is_an_error(bool revoked, string rule, string text, string version)
    {
        var staple = Path.Combine(Pki.Dir, revoked ? "revoked.ocsp" : "good.ocsp");
        File.WriteAllBytes(staple, Response(Pki.ServerIssuingCa, Pki.ServerLeaf, revoked));
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-status_file", staple, version);
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe([rule, "tls-session"], ignoreOrder: true, report.Describe());
        report.Message(rule).ShouldContain(text);
        report.ExitCode.ShouldBe(revoked ? Engine.ExitCodes.Findings : Engine.ExitCodes.Success);
    }

    [Test]
    public async Task No_staple_no_finding()
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile, "-tls1_2");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);
        report.Rules().ShouldBe(["tls-session"], report.Describe());
    }

    // TLS 1.2: the server does not agree to status_request, and the probe refuses it as RFC 7633 asks (one finding, not
    // also tls-handshake-failed). TLS 1.3: the handshake completes and no staple comes with the certificate.
    [TestCase("-tls1_2", new[] { "tls-must-staple-not-stapled" })]
    [TestCase("-tls1_3", new[] { "tls-must-staple-not-stapled", "tls-session" })]
    public async Task A_must_staple_certificate_served_without_a_staple_is_an_error(string version, string[] rules)
    {
        using var server = OpenSslServer.Start("-cert", Pki.MustStapleServerFiles.Certificate!, "-key", Pki.MustStapleServerFiles.Key!,
            "-cert_chain", Pki.ServerIntermediateFile, version);
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(rules, ignoreOrder: true, report.Describe());
        report.Message("tls-must-staple-not-stapled").ShouldContain("serves a must-staple certificate (TLS feature status_request) without stapling");
        report.ExitCode.ShouldBe(Engine.ExitCodes.Findings);
    }

    [TestCase("-tls1_2")]
    [TestCase("-tls1_3")]
    public async Task A_must_staple_certificate_served_with_its_staple_is_only_the_stapling_note(string version)
    {
        var staple = Path.Combine(Pki.Dir, "must-staple-good.ocsp");
        File.WriteAllBytes(staple, Response(Pki.ServerIssuingCa, Pki.MustStapleLeaf, revoked: false));
        using var server = OpenSslServer.Start("-cert", Pki.MustStapleServerFiles.Certificate!, "-key", Pki.MustStapleServerFiles.Key!,
            "-cert_chain", Pki.ServerIntermediateFile, "-status_file", staple, version);
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-ocsp-stapled", "tls-session"], ignoreOrder: true, report.Describe());
        report.ExitCode.ShouldBe(Engine.ExitCodes.Success);
    }

    /// <summary>A DER OCSPResponse about <paramref name="leaf"/>, signed by its issuer.</summary>
    private static byte[] Response(TestCertificate issuer, TestCertificate leaf, bool revoked)
    {
        var parser = new X509CertificateParser();
        var bcIssuer = parser.ReadCertificate(issuer.Certificate.RawData);
        var bcLeaf = parser.ReadCertificate(leaf.Certificate.RawData);
        var key = PrivateKeyFactory.CreateKey(((ECDsa)issuer.Key.Bcl!).ExportPkcs8PrivateKey());
        var generator = new BasicOcspRespGenerator(new RespID(bcIssuer.SubjectDN));
        var now = DateTime.UtcNow;
        CertificateStatus status = revoked ? new RevokedStatus(now.AddHours(-2), CrlReason.KeyCompromise) : CertificateStatus.Good;
        generator.AddResponse(new CertificateID(new AlgorithmIdentifier(Org.BouncyCastle.Asn1.Oiw.OiwObjectIdentifiers.IdSha1, Org.BouncyCastle.Asn1.DerNull.Instance), bcIssuer, bcLeaf.SerialNumber), status, now.AddMinutes(-5), now.AddDays(1), null);
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key), [bcIssuer], now.AddMinutes(-5));
        return new OCSPRespGenerator().Generate(OcspRespStatus.Successful, basic).GetEncoded();
    }
}
