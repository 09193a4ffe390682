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
/// OCSP stapling, against `openssl s_server -status_file`: the staple's status is reported (a note), and a staple that
/// says revoked is an error. The responses are made here, signed by the server's issuing CA.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OcspStaplingTests : PkiFixture
{
    [TestCase(false, "tls-ocsp-stapled", "staples OCSP: good, produced ")]
    [TestCase(true, "tls-ocsp-revoked", "stapled an OCSP response saying its certificate is revoked (revoked on ")]
    public async Task Stapled_status_is_reported_and_revoked_is_an_error(bool revoked, string rule, string text)
    {
        var staple = Path.Combine(Pki.Dir, revoked ? "revoked.ocsp" : "good.ocsp");
        File.WriteAllBytes(staple, Response(Pki.ServerIssuingCa, Pki.ServerLeaf, revoked));
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-status_file", staple, "-tls1_2");
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
