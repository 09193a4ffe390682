using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    private const string PolicyA = "1.3.6.1.4.1.55555.1", PolicyB = "1.3.6.1.4.1.55555.2";

    /// <summary>certificatePolicies, user notices, policy mappings and constraints.</summary>
    private static void Policies()
    {
        Add("policy-duplicate", Leaf(Policies(Ext.Policy(PolicyA), Ext.Policy(PolicyA))), Leaf(Policies(Ext.Policy(PolicyA))));
        Add("policy-notice-ref",
            Leaf(Policies(Ext.Policy(PolicyA, Ext.UserNotice(String(Utf8String, "Read the CPS"), ("Acme", [1]))))),
            Leaf(Policies(Ext.Policy(PolicyA, Ext.UserNotice(String(Utf8String, "Read the CPS"))))));
        Add("any-policy-qualifier",
            Leaf(Policies(Ext.Policy(Oids.AnyPolicy, Ext.Qualifier("1.3.6.1.4.1.55555.7", String(Utf8String, "x"))))),
            Leaf(Policies(Ext.Policy(Oids.AnyPolicy, Ext.CpsQualifier("http://example.com/cps")))));
        // A scheme-less CPS "URI", as in pkilint's tls_br/ov_pre_certificate/invalid_cpsuri_syntax (a real certificate).
        Add("policy-cps-uri-not-absolute", Leaf(Policies(Ext.Policy(PolicyA, Ext.CpsQualifier("www.example.com/cps")))),
            Leaf(Policies(Ext.Policy(PolicyA, Ext.CpsQualifier("https://www.example.com/cps")))));
        Notice("policy-explicit-text-ia5", String(Ia5String, "Read the CPS"), String(Utf8String, "Read the CPS"));
        Notice("policy-explicit-text-not-utf8", String(VisibleString, "Read the CPS"), String(Utf8String, "Read the CPS"));
        Notice("policy-explicit-text-control", String(Utf8String, "Read\u0007 the CPS"), String(Utf8String, "Read the CPS"));
        Notice("policy-explicit-text-not-nfc", String(Utf8String, "Caf\u0065\u0301"), String(Utf8String, "Caf\u00E9"));
        // RFC 5280's own text (2008-05-01 to RFC 6818, 2013-01-01): VisibleString and BMPString forbidden, IA5String allowed.
        Add("policy-explicit-text-rfc5280-encoding", Rfc5280Era(String(VisibleString, "Read the CPS")), Rfc5280Era(String(Utf8String, "Read the CPS")));
        Add("policy-explicit-text-rfc5280-encoding", Rfc5280Era(String(BmpString, "Read the CPS")), Rfc5280Era(String(Ia5String, "Read the CPS")));
        Notice("policy-explicit-text-too-long", String(Utf8String, new string('a', 201)), String(Utf8String, new string('a', 200)));

        var policies = Ext.Policies(Ext.Policy(PolicyA));
        Add("policy-mapping-any-policy",
            SubCa(b => b.Set(Oids.CertificatePolicies, policies).Set(Oids.PolicyMappings, Ext.PolicyMappings((Oids.AnyPolicy, PolicyB)), critical: true)),
            SubCa(b => b.Set(Oids.CertificatePolicies, policies).Set(Oids.PolicyMappings, Ext.PolicyMappings((PolicyA, PolicyB)), critical: true)));
        Add("policy-mapping-not-in-policies",
            SubCa(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(PolicyB))).Set(Oids.PolicyMappings, Ext.PolicyMappings((PolicyA, PolicyB)), critical: true)),
            SubCa(b => b.Set(Oids.CertificatePolicies, policies).Set(Oids.PolicyMappings, Ext.PolicyMappings((PolicyA, PolicyB)), critical: true)));
        Add("policy-constraints-empty",
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(null, null), critical: true)),
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(0, null), critical: true)));
        Add("policy-constraints-negative",
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(0, -1), critical: true)),
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(0, 2), critical: true)));
        Add("policy-constraints-negative",
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(-5, null), critical: true)),
            SubCa(b => b.Set(Oids.PolicyConstraints, Ext.PolicyConstraints(null, 0), critical: true)));
    }

    private static Action<RawCertificateBuilder> Policies(params byte[][] policies) =>
        b => b.Set(Oids.CertificatePolicies, Ext.Policies(policies));

    private static void Notice(string rule, byte[] failText, byte[] passText) => Add(rule,
        Leaf(Policies(Ext.Policy(PolicyA, Ext.UserNotice(failText)))), Leaf(Policies(Ext.Policy(PolicyA, Ext.UserNotice(passText)))));

    /// <summary>A leaf issued in 2010, between RFC 5280 and RFC 6818, whose policy carries a user notice of <paramref name="text"/>.</summary>
    private static Func<TestCertificate[]> Rfc5280Era(byte[] text) => Leaf(b =>
    {
        Policies(Ext.Policy(PolicyA, Ext.UserNotice(text)))(b);
        b.NotBefore = Time(new DateTimeOffset(2010, 6, 1, 0, 0, 0, TimeSpan.Zero));
    });

    /// <summary>Validity encodings.</summary>
    private static void Times()
    {
        Add("generalized-time-no-seconds", Leaf(NotAfter(GeneralizedTime, "205001010000Z")), Leaf(NotAfter(GeneralizedTime, "20500101000000Z")));
        Add("generalized-time-fraction", Leaf(NotAfter(GeneralizedTime, "20500101000000.5Z")), Leaf(NotAfter(GeneralizedTime, "20500101000000Z")));
        Add("generalized-time-not-zulu", Leaf(NotAfter(GeneralizedTime, "20500101000000+0100")), Leaf(NotAfter(GeneralizedTime, "20500101000000Z")));
        Add("generalized-time-before-2050", Leaf(NotAfter(GeneralizedTime, "20341231235959Z")), Leaf(NotAfter(GeneralizedTime, "20500101000000Z")));
        Add("utc-time-no-seconds", Leaf(b => b.NotBefore = Time(UtcTime, "2501010000Z")), Leaf());
        Add("utc-time-not-zulu", Leaf(b => b.NotBefore = Time(UtcTime, "250101000000+0000")), Leaf());
    }

    private static Action<RawCertificateBuilder> NotAfter(byte tag, string text) => b => b.NotAfter = Time(tag, text);
}
