using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// PKCS#10 requests (RFC 2986) through the real engine: the key a CA is asked to certify is judged by the key rules
/// before any certificate exists, in PEM and in DER found by sniffing; a request is not a key meant for the certificate
/// named like it (a re-key's new request sits beside the certificate it will replace).
/// </summary>
public sealed class CertificationRequestKeyTests
{
    private static CertificateRequest Request(string name, AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ECDsa ec => new CertificateRequest($"CN={name}", ec, HashAlgorithmName.SHA256),
        _ => throw new ArgumentException("RSA or ECDSA", nameof(key)),
    };

    [Test]
    public void A_request_for_a_weak_key_is_reported_at_its_block_and_a_sound_one_is_not()
    {
        using var dir = new TempDirectory();
        using var weak = RSA.Create(1024);
        using var sound = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(dir["weak.csr"], "request for a legacy appliance\n" + Request("weak.example.test", weak).CreateSigningRequestPem() + "\n");
        File.WriteAllText(dir["sound.csr"], Request("sound.example.test", sound).CreateSigningRequestPem() + "\n");
        File.WriteAllBytes(dir["weak.req"], Request("weak-der.example.test", weak).CreateSigningRequest()); // DER, found by sniffing
        var result = WeakKeyRuleTests.Lint(dir.Path);
        result.Findings.Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine} {f.Message}").Order(StringComparer.Ordinal).ShouldBe([
            "weak-key weak.csr:2 RSA 1024 key of a certificate request uses a weak RSA 1024 key: generate a new key and a new certificate request, and revoke any certificate already issued for this one (RSA 3072 or EC P-256 are strong).",
            "weak-key weak.req:1 RSA 1024 key of a certificate request uses a weak RSA 1024 key: generate a new key and a new certificate request, and revoke any certificate already issued for this one (RSA 3072 or EC P-256 are strong).",
        ]);
    }

    [Test]
    public void A_request_named_like_a_certificate_of_another_key_is_no_key_mismatch()
    {
        using var dir = new TempDirectory();
        using var old = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var renewed = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = Request("server.example.test", old).CreateSelfSigned(now, now.AddDays(365));
        File.WriteAllText(dir["server.crt"], certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(dir["server.csr"], Request("server.example.test", renewed).CreateSigningRequestPem() + "\n");
        var result = WeakKeyRuleTests.Lint(dir.Path);
        result.Findings.Where(f => f.Rule.Name is "key-mismatch" or "parse-error" or "key-orphan").ShouldBeEmpty();
        result.Inventory.Keys.ShouldHaveSingleItem().Label.ShouldBe("EC P-256 key of a certificate request");
    }

    [Test]
    public void A_malformed_request_is_a_parse_error_not_a_silent_pass()
    {
        using var dir = new TempDirectory();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var der = Request("x.example.test", key).CreateSigningRequest();
        File.WriteAllText(dir["cut.csr"], PemEncoding.WriteString("CERTIFICATE REQUEST", der.AsSpan(0, der.Length - 20)) + "\n");
        var result = WeakKeyRuleTests.Lint(dir.Path);
        var finding = result.Findings.ShouldHaveSingleItem();
        finding.Rule.Name.ShouldBe("parse-error");
        finding.Message.ShouldStartWith("cut.csr:1 cannot be parsed: invalid CERTIFICATE REQUEST block");
    }
}
