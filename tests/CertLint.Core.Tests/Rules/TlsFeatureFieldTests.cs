using CertificateInfo = CertLint.Model.CertificateInfo;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Core.Tests.Rules.RuleTestKit;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Rules;

/// <summary>The TLS feature extension (RFC 7633, 1.3.6.1.5.5.7.1.24): its features, must-staple, and a value that does
/// not decode (then asn1-malformed's, and the feature fields are absent).</summary>
public class TlsFeatureFieldTests
{
    private const string TlsFeature = "1.3.6.1.5.5.7.1.24";

    private static CertificateInfo Leaf(byte[]? features)
    {
        var b = RawCertificateBuilder.Leaf("staple.example.com", null);
        if (features is not null) b.Set(TlsFeature, features);
        return TestScan.Certificate(b.Build(), FileAt("certs/staple.pem"));
    }

    private static bool Holds(string check, CertificateInfo cert) => !Fires(check, cert);

    [Test]
    public void Status_request_is_must_staple_and_other_features_are_listed()
    {
        Holds("field: tlsFeature.statusRequest\nequals: true", Leaf(Seq(Int(5)))).ShouldBeTrue();
        var v2Only = Leaf(Seq(Int(17)));
        Holds("field: tlsFeature.statusRequest\nequals: false", v2Only).ShouldBeTrue();
        Holds("field: tlsFeature.features\ncontains: '17'", v2Only).ShouldBeTrue();
        Holds("field: tlsFeature.statusRequest\nexists: false", Leaf(null)).ShouldBeTrue();
        Holds("field: tlsFeature.present\nequals: false", Leaf(null)).ShouldBeTrue();
    }

    [Test]
    public void A_feature_that_is_no_16_bit_number_or_no_integer_is_malformed()
    {
        foreach (var broken in new[] { Seq(Int(70000)), Seq(Int(-1)), Seq(NullValue()), [.. Seq(Int(5)), 0x00] })
        {
            var cert = Leaf(broken);
            Holds("field: tlsFeature.malformed\nequals: true", cert).ShouldBeTrue();
            Holds("field: tlsFeature.statusRequest\nexists: false", cert).ShouldBeTrue();
        }
    }
}
