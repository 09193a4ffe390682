using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;
using static CertLint.Tests.Pki.Raw.RawCrlBuilder;

namespace CertLint.Tests.Crl;

/// <summary>
/// The fixtures of the CRL profile rules (rfc5280 crl-*, cabf-br cabf-crl-*): for every rule a CRL that breaks its
/// requirement ("fail") and one the rule checks and accepts ("pass"). Each file holds the CRL, then its issuing CA and
/// the root, so the CRL's issuer is found. Written by <see cref="CrlFixtureWriter"/> and committed; the pack tests read
/// the files. Every CRL starts from <see cref="RawCrlBuilder"/>'s clean default and changes one thing.
/// </summary>
internal static class CrlFixtures
{
    public sealed record Case(string Pack, string Rule, bool Fails, Func<string> Pem);

    private static readonly Lazy<TestCertificate> LazyRoot = new(() => RawCertificateBuilder.Ca("CertLint Test CRL Root", null).Build());
    private static readonly Lazy<TestCertificate> LazySub = new(() => RawCertificateBuilder.Ca("CertLint Test CRL CA", LazyRoot.Value).Build());

    private static readonly Lazy<TestCertificate> LazyRsaSub = new(() => RawCertificateBuilder.Ca("CertLint Test CRL RSA CA", LazyRoot.Value, TestKey.Create(TestKeyType.Rsa)).Build());

    private static readonly byte[] Serial = [0x01, 0x23, 0x45, 0x67];
    private static readonly DateTimeOffset This = DefaultThisUpdate;

    /// <summary>A CRL of the subordinate CA (a subscriber CRL), changed by <paramref name="change"/>, with its CA chain.</summary>
    private static Func<string> Sub(Action<RawCrlBuilder> change) => () =>
    {
        var builder = new RawCrlBuilder(LazySub.Value);
        change(builder);
        return builder.Pem + LazySub.Value.Pem + LazyRoot.Value.Pem;
    };

    /// <summary>A CRL of an RSA subordinate CA, with its chain.</summary>
    private static Func<string> RsaSub(Action<RawCrlBuilder> change) => () =>
    {
        var builder = new RawCrlBuilder(LazyRsaSub.Value);
        change(builder);
        return builder.Pem + LazyRsaSub.Value.Pem + LazyRoot.Value.Pem;
    };

    /// <summary>A CRL of the root (it covers CA certificates only).</summary>
    private static Func<string> Root(Action<RawCrlBuilder> change) => () =>
    {
        var builder = new RawCrlBuilder(LazyRoot.Value);
        change(builder);
        return builder.Pem + LazyRoot.Value.Pem;
    };

    private static readonly Action<RawCrlBuilder> Clean = _ => { };

    private static RawExtension Ext(string oid, byte[] value, bool critical = false) => new(oid, critical, value, false);

    private static byte[] OtherIssuer => Seq(Context(4, true, CnName("CertLint Other CA")));
    private const string Private = "1.3.6.1.4.1.55555.1";
    private static byte[] FreshestCrlValue => Seq(Seq(Context(0, true, Context(0, true, Context(6, false, Ascii("http://crl.example.com/delta.crl"))))));
    private static byte[] IanValue => Seq(Context(6, false, Ascii("http://ca.example.com/")));
    private static byte[] AiaValue => Seq(Seq(ObjectId("1.3.6.1.5.5.7.48.2"), Context(6, false, Ascii("http://ca.example.com/ca.crt"))));

    public static IReadOnlyList<Case> All => LazyCases.Value;

    private static readonly Lazy<IReadOnlyList<Case>> LazyCases = new(() =>
    {
        var cases = new List<Case>();
        void Add(string pack, string rule, Func<string> fail, Func<string> pass)
        {
            cases.Add(new Case(pack, rule, true, fail));
            cases.Add(new Case(pack, rule, false, pass));
        }
        void Rfc(string rule, Action<RawCrlBuilder> fail, Action<RawCrlBuilder>? pass = null) => Add("rfc5280", rule, Sub(fail), Sub(pass ?? Clean));
        void Br(string rule, Func<string> fail, Func<string> pass) => Add("cabf-br", rule, fail, pass);

        Rfc("crl-next-update-missing", b => b.NextUpdate = null);
        Rfc("crl-revoked-certificates-empty", b => b.Entries = []);
        Rfc("crl-aki-missing", b => b.Remove(Aki));
        Rfc("crl-aki-no-key-identifier", b => b.Set(Aki, Pki.Raw.Ext.AuthorityKeyId(null, Seq(Context(4, true, CnName("CertLint Test CRL Root"))), [0x01])));
        Rfc("crl-number-missing", b => b.Remove(CrlNumber));
        Rfc("crl-number-too-long", b => b.Set(CrlNumber, IntRaw([0x01, .. new byte[20]])), b => b.Set(CrlNumber, IntRaw([0x7F, .. new byte[19]])));
        Rfc("crl-number-negative", b => b.Set(CrlNumber, IntRaw(0xFF)), b => b.Set(CrlNumber, IntRaw(0x00, 0xFF)));
        Rfc("crl-number-critical", b => b.Set(CrlNumber, Int(1), critical: true));
        Rfc("crl-reason-code-unspecified", b => b.Revoke(Entry(Serial, null, Reason(0))), b => b.Revoke(Entry(Serial, null, Reason(1))));
        Rfc("crl-reason-code-invalid", b => b.Revoke(Entry(Serial, null, Reason(7))), b => b.Revoke(Entry(Serial, null, Reason(6))));
        Rfc("crl-reason-code-critical", b => b.Revoke(Entry(Serial, null, Reason(1, critical: true))), b => b.Revoke(Entry(Serial, null, Reason(1))));
        Rfc("crl-update-time-encoding", b => b.ThisUpdate = Time(GeneralizedTime, "20251225000000Z"));
        Rfc("crl-time-not-der", b => b.ThisUpdate = Time(UtcTime, "2512250000Z"));
        Rfc("crl-signature-algorithm-mismatch", b => b.TbsSignatureAlgorithm = AlgorithmId(Oids.EcdsaWithSha384));
        Rfc("crl-version-not-v2", b => b.Version = null);
        Rfc("crl-idp-not-critical", b => b.Set(Idp, IdpValue(user: true)), b => b.Set(Idp, IdpValue(user: true), critical: true));
        Rfc("crl-idp-multiple-scopes", b => b.Set(Idp, IdpValue(user: true, ca: true), critical: true), b => b.Set(Idp, IdpValue(ca: true), critical: true));
        Rfc("crl-delta-indicator-not-critical", b => b.Set(DeltaCrlIndicator, Int(1)), b => b.Set(DeltaCrlIndicator, Int(1), critical: true));
        Rfc("crl-certificate-issuer-not-critical",
            b => b.Set(Idp, IdpValue(indirect: true), critical: true).Revoke(Entry(Serial, null, Ext(CertificateIssuer, OtherIssuer))),
            b => b.Set(Idp, IdpValue(indirect: true), critical: true).Revoke(Entry(Serial, null, Ext(CertificateIssuer, OtherIssuer, critical: true))));
        Rfc("crl-certificate-issuer-not-indirect",
            b => b.Revoke(Entry(Serial, null, Ext(CertificateIssuer, OtherIssuer, critical: true))),
            b => b.Set(Idp, IdpValue(indirect: true), critical: true).Revoke(Entry(Serial, null, Ext(CertificateIssuer, OtherIssuer, critical: true))));
        Rfc("crl-issuer-empty", b => b.IssuerName = Seq());
        Rfc("crl-next-update-not-after-this-update", b => b.NextUpdate = Time(This.AddDays(-1)));
        Rfc("crl-entry-extensions-empty", b => b.Revoke(Seq(IntRaw(Serial), Time(This.AddDays(-5)), Seq())), b => b.Revoke(Entry(Serial, null, Reason(4))));
        Rfc("crl-invalidity-date-not-generalized",
            b => b.Revoke(Entry(Serial, null, Ext(InvalidityDate, Time(UtcTime, "251219000000Z")))),
            b => b.Revoke(Entry(Serial, null, Ext(InvalidityDate, Time(GeneralizedTime, "20251219000000Z")))));
        Rfc("crl-entry-serial-too-long", b => b.Revoke(Entry([0x01, .. new byte[20]])), b => b.Revoke(Entry([0x7F, .. new byte[19]])));
        Rfc("crl-entry-serial-not-positive", b => b.Revoke(Entry([0xFF])), b => b.Revoke(Entry(Serial)));
        Rfc("crl-revocation-date-encoding",
            b => b.Revoke(Entry(Serial, Time(GeneralizedTime, "20251219000000Z"))), b => b.Revoke(Entry(Serial, Time(UtcTime, "251219000000Z"))));
        Rfc("crl-revocation-date-after-this-update", b => b.Revoke(Entry(Serial, Time(This.AddSeconds(1)))), b => b.Revoke(Entry(Serial, Time(This))));
        Add("rfc5280", "crl-rsa-signature-parameters-not-null",
            RsaSub(b => b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = AlgorithmId(Oids.Sha256WithRsa)), RsaSub(Clean));
        Rfc("crl-extension-duplicate", b => b.Extensions.Add(new RawExtension(CrlNumber, false, Int(2), false)));
        Rfc("crl-entry-extension-duplicate", b => b.Revoke(Entry(Serial, null, Reason(1), Reason(4))), b => b.Revoke(Entry(Serial, null, Reason(1))));
        Rfc("crl-unknown-critical-extension", b => b.Set(Private, NullValue(), critical: true), b => b.Set(Private, NullValue()));
        Rfc("crl-entry-unknown-critical-extension",
            b => b.Revoke(Entry(Serial, null, Ext(Private, NullValue(), critical: true))), b => b.Revoke(Entry(Serial, null, Ext(Private, NullValue()))));
        Rfc("crl-ian-critical", b => b.Set("2.5.29.18", IanValue, critical: true), b => b.Set("2.5.29.18", IanValue));
        Rfc("crl-freshest-crl-critical", b => b.Set("2.5.29.46", FreshestCrlValue, critical: true), b => b.Set("2.5.29.46", FreshestCrlValue));
        Rfc("crl-aia-critical", b => b.Set("1.3.6.1.5.5.7.1.1", AiaValue, critical: true), b => b.Set("1.3.6.1.5.5.7.1.1", AiaValue));

        Br("cabf-crl-reason-code-not-allowed", Sub(b => b.Revoke(Entry(Serial, null, Reason(2)))), Sub(b => b.Revoke(Entry(Serial, null, Reason(9)))));
        Br("cabf-crl-next-update-subscriber", Sub(b => b.NextUpdate = Time(This.AddDays(10).AddSeconds(1))), Sub(Clean));
        Br("cabf-crl-next-update-ca", Root(b => b.NextUpdate = Time(This.AddMonths(12).AddSeconds(1))), Root(b => b.NextUpdate = Time(This.AddMonths(12))));
        Br("cabf-crl-extension-not-allowed", Sub(b => b.Set("2.5.29.46", FreshestCrlValue)),
            Sub(b => b.Set(Idp, IdpValue(user: true), critical: true)));
        Br("cabf-crl-aki-key-id-only", Sub(b => b.Set(Aki, Pki.Raw.Ext.AuthorityKeyId(LazySub.Value.SubjectKeyId, null, [0x01]))), Sub(Clean));
        Br("cabf-crl-aki-critical", Sub(b => b.Set(Aki, Pki.Raw.Ext.AuthorityKeyId(LazySub.Value.SubjectKeyId), critical: true)), Sub(Clean));
        Br("cabf-crl-ecdsa-signature-encoding", Sub(b => b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = AlgorithmId(Oids.EcdsaWithSha384)), Sub(Clean));
        return cases;
    });
}

/// <summary>
/// Writes tests/fixtures/rules/PACK/RULE/{fail,pass}/RULE.pem from <see cref="CrlFixtures"/>. Explicit: run it after
/// changing a fixture (`dotnet test --filter CrlFixtureWriter`) and commit the files; the pack tests read them.
/// </summary>
[TestFixture]
[Explicit("Regenerates committed fixture files")]
public sealed class CrlFixtureWriter
{
    [Test]
    public void WriteFixtures()
    {
        var root = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "tests", "fixtures", "rules");
        foreach (var c in CrlFixtures.All)
        {
            var dir = Path.Combine(root, c.Pack, c.Rule, c.Fails ? "fail" : "pass");
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, c.Rule + ".pem"), c.Pem());
        }
    }
}
