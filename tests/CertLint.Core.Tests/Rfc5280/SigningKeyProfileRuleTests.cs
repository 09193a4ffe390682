using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// RFC 9295 §3's lists for an EdDSA CA certificate and RFC 3161 §2.3's critical EKU for a time-stamping certificate
/// through the real engine: every rfc5280 finding on the certificate, so a second finding for the same defect, or a
/// defect no rule reports, shows here.
/// </summary>
public sealed class SigningKeyProfileRuleTests
{
    private static string[] Findings(TestKeyType type, params int[] bits)
    {
        var root = RawCertificateBuilder.Ca("CertLint EdDSA Test Root", null).Build();
        var builder = RawCertificateBuilder.Ca("CertLint EdDSA Test Sub CA", root, TestKey.Create(type));
        if (bits.Length > 0) builder.Set(Oids.KeyUsage, Ext.KeyUsage(bits), critical: true);
        return Lint([builder.Build(), root]);
    }

    private static string[] Lint(TestCertificate[] chain)
    {
        var result = PackChainLint.Run(chain, "rfc5280");
        return [.. result.Findings.Where(f => f.Subject.ObjectId == chain[0].Sha256).Select(f => f.Rule.Name).Order(StringComparer.Ordinal)];
    }

    [Test]
    public void An_eddsa_ca_with_key_cert_sign_has_no_finding()
    {
        Findings(TestKeyType.Ed25519).ShouldBeEmpty();
        Findings(TestKeyType.Ed448, Ext.DigitalSignature, Ext.NonRepudiation, Ext.KeyCertSign, Ext.CrlSign).ShouldBeEmpty();
    }

    [Test]
    public void An_eddsa_ca_that_only_signs_crls_lacks_key_cert_sign()
    {
        Findings(TestKeyType.Ed25519, Ext.DigitalSignature, Ext.CrlSign).ShouldBe(["eddsa-ca-key-cert-sign"]);
        Findings(TestKeyType.Ed448, Ext.CrlSign).ShouldBe(["eddsa-ca-key-cert-sign"]);
    }

    [Test]
    public void A_forbidden_bit_and_a_missing_key_cert_sign_are_two_requirements()
    {
        // keyAgreement is eddsa-key-usage's (no EdDSA key agrees keys); the missing keyCertSign is the CA list's.
        Findings(TestKeyType.Ed25519, Ext.CrlSign, Ext.KeyAgreement).ShouldBe(["eddsa-ca-key-cert-sign", "eddsa-key-usage"]);
    }

    [Test]
    public void A_time_stamping_certificate_marks_its_extended_key_usage_critical()
    {
        // RFC 3161 §2.3 binds the TSA's own (end-entity) certificate; a CA listing id-kp-timeStamping restricts its
        // subtree and is not judged (pkilint's timestamping_ica case).
        TsaFindings(ca: false, critical: false).ShouldBe(["tsa-eku-not-critical"]);
        TsaFindings(ca: false, critical: true).ShouldBeEmpty();
        TsaFindings(ca: true, critical: false).ShouldBeEmpty();
    }

    private static string[] TsaFindings(bool ca, bool critical)
    {
        var root = RawCertificateBuilder.Ca("CertLint TSA Test Root", null).Build();
        var builder = ca ? RawCertificateBuilder.Ca("CertLint TSA Test Sub CA", root) : RawCertificateBuilder.Leaf("CertLint Test TSA", root)
            .Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature), critical: true);
        builder.Set(Oids.ExtendedKeyUsage, Ext.Eku("1.3.6.1.5.5.7.3.8"), critical: critical);
        return Lint([builder.Build(), root]);
    }
}
