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
    [TestCase(false, "tls-ocsp-stapled", "staples OCSP: good, this update ", "-tls1_2")]
    [TestCase(true, "tls-ocsp-revoked", "stapled an OCSP response saying its certificate is revoked (revoked on ", "-tls1_2")]
    [TestCase(false, "tls-ocsp-stapled", "staples OCSP: good, this update ", "-tls1_3")]
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
        report.Message(rule).ShouldContain("signature verified");
        report.ExitCode.ShouldBe(revoked ? Engine.ExitCodes.Findings : Engine.ExitCodes.Success);
    }

    /// <summary>Staples a client must throw away (RFC 6960 §3.2): one finding, not also the stapling note.</summary>
    [TestCase("expired", "next update ")]
    [TestCase("future", "this update ")]
    [TestCase("wrong-signer", "signature does not verify with the issuer's key or a responder it certified")]
    [TestCase("responder-without-eku", "signature does not verify with the issuer's key or a responder it certified")]
    [TestCase("other-certificate", "a response about another certificate than the server's")]
    public async Task A_staple_clients_cannot_rely_on_is_an_error(string kind, string text)
    {
        var now = DateTime.UtcNow;
        var response = kind switch
        {
            "expired" => Response(Pki.ServerIssuingCa, Pki.ServerLeaf, false, now.AddDays(-8), now.AddHours(-1)),
            "future" => Response(Pki.ServerIssuingCa, Pki.ServerLeaf, false, now.AddDays(1), now.AddDays(8)),
            "wrong-signer" => Response(Pki.ServerIssuingCa, Pki.ServerLeaf, false, signer: Pki.ClientRootCa),
            "responder-without-eku" => Response(Pki.ServerIssuingCa, Pki.ServerLeaf, false, signer: Pki.ServerIssuingCa.Issue("OCSP Responder", o => o.Valid(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)))),
            _ => Response(Pki.ServerIssuingCa, Pki.ServerIssuingCa, false),
        };
        var staple = Path.Combine(Pki.Dir, kind + ".ocsp");
        File.WriteAllBytes(staple, response);
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-status_file", staple, "-tls1_2");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-ocsp-staple-invalid", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-ocsp-staple-invalid").ShouldContain(text);
        report.ExitCode.ShouldBe(Engine.ExitCodes.Findings);
    }

    [Test]
    public async Task A_staple_signed_by_a_responder_the_issuer_certified_for_ocsp_signing_verifies()
    {
        var responder = Pki.ServerIssuingCa.Issue("OCSP Responder", o => o.Eku("1.3.6.1.5.5.7.3.9").Valid(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30)));
        var staple = Path.Combine(Pki.Dir, "delegated.ocsp");
        File.WriteAllBytes(staple, Response(Pki.ServerIssuingCa, Pki.ServerLeaf, false, signer: responder));
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-status_file", staple, "-tls1_2");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-ocsp-stapled", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-ocsp-stapled").ShouldContain("signature verified");
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

    /// <summary>
    /// A DER OCSPResponse about <paramref name="leaf"/> (its serial, under <paramref name="issuer"/>), signed by
    /// <paramref name="signer"/> (default: the issuer; a responder certificate is included in the response), valid from
    /// <paramref name="thisUpdate"/> to <paramref name="nextUpdate"/> (default: five minutes ago to a day from now).
    /// </summary>
    private static byte[] Response(TestCertificate issuer, TestCertificate leaf, bool revoked, DateTime? thisUpdate = null, DateTime? nextUpdate = null,
        TestCertificate? signer = null)
    {
        var parser = new X509CertificateParser();
        var bcIssuer = parser.ReadCertificate(issuer.Certificate.RawData);
        var bcLeaf = parser.ReadCertificate(leaf.Certificate.RawData);
        signer ??= issuer;
        var bcSigner = parser.ReadCertificate(signer.Certificate.RawData);
        var key = PrivateKeyFactory.CreateKey(((ECDsa)signer.Key.Bcl!).ExportPkcs8PrivateKey());
        var generator = new BasicOcspRespGenerator(new RespID(bcSigner.SubjectDN));
        var now = DateTime.UtcNow;
        CertificateStatus status = revoked ? new RevokedStatus(now.AddHours(-2), CrlReason.KeyCompromise) : CertificateStatus.Good;
        generator.AddResponse(new CertificateID(new AlgorithmIdentifier(Org.BouncyCastle.Asn1.Oiw.OiwObjectIdentifiers.IdSha1, Org.BouncyCastle.Asn1.DerNull.Instance), bcIssuer, bcLeaf.SerialNumber),
            status, thisUpdate ?? now.AddMinutes(-5), nextUpdate ?? now.AddDays(1), null);
        var chain = signer == issuer ? new[] { bcIssuer } : [bcSigner];
        var basic = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", key), chain, now.AddMinutes(-5));
        return new OCSPRespGenerator().Generate(OcspRespStatus.Successful, basic).GetEncoded();
    }
}
