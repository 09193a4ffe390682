using CertLint.Tests.CabfBr;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    /// <summary>The defects of zlint's community folder that RFC 5280 forbids: DNS names outside the preferred name
    /// syntax (NUL, leading period, misplaced wildcards), a negative validity period, a negative RSA exponent.</summary>
    private static void CommunityDefects()
    {
        DnsSyntaxRules("san", names => b => b.Set(Oids.SubjectAltName, Ext.GeneralNames([Gn.Dns("leaf.example.com"), .. names])));
        DnsSyntaxRules("ian", names => b => b.Set(Oids.IssuerAltName, Ext.GeneralNames([Gn.Dns("ca.example.com"), .. names])));
        Add("validity-not-positive", Leaf(b =>
        {
            b.NotBefore = Time(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
            b.NotAfter = Time(new DateTimeOffset(2025, 5, 31, 23, 59, 59, TimeSpan.Zero));
        }), Leaf(b => b.NotAfter = b.NotBefore));
        Add("rsa-exponent-negative", RsaLeaf(b => b.Spki = CabfBrFixtures.RsaSpki(-65537)), RsaLeaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537)));
        // The modulus INTEGER without its leading 00 octet: negative in DER (x509lint's ERR_RSA_MODULUS_NEGATIVE).
        Add("rsa-modulus-negative",
            RsaLeaf(b => b.Spki = CabfBrFixtures.RsaSpkiNegativeModulus()),
            RsaLeaf(b => b.Spki = CabfBrFixtures.RsaSpki(65537)));
    }

    /// <summary>The four DNS syntax rules zlint has for both subjectAltName and issuerAltName.</summary>
    private static void DnsSyntaxRules(string ext, Func<byte[][], Action<RawCertificateBuilder>> with)
    {
        Func<Pki.TestCertificate[]> L(params byte[][] names) => Leaf(with(names));
        Add($"{ext}-dns-nul", L(Gn.Dns("www.example.com\0.evil.example")), L(Gn.Dns("www.example.com")));
        Add($"{ext}-dns-leading-period", L(Gn.Dns(".example.com")), L(Gn.Dns("www.example.com")));
        Add($"{ext}-dns-bare-wildcard", L(Gn.Dns("*")), L(Gn.Dns("*.example.com")));
        Add($"{ext}-dns-bare-wildcard", L(Gn.Dns("www.example.*")), L(Gn.Dns("www.example.com")));
        Add($"{ext}-dns-wildcard-not-first", L(Gn.Dns("www.*.example.com")), L(Gn.Dns("*.example.com")));
        Add($"{ext}-dns-wildcard-not-first", L(Gn.Dns("w*.example.com")), L(Gn.Dns("www.example.com")));
    }
}
