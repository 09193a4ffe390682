using System.Security.Cryptography.X509Certificates;
using CertLint.Findings;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>cert-expired, cert-not-yet-valid, cert-expiring-soon, validity-too-long on TestPki certificates at a fixed now.</summary>
public sealed class ValidityRuleTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Validity Root");
    private static readonly DateTimeOffset Now = TestPki.DefaultNow;

    private static PrimitiveHarness With(DateTimeOffset notBefore, DateTimeOffset notAfter, out TestCertificate leaf)
    {
        var h = new PrimitiveHarness();
        leaf = Root.Issue("www.validity.test", o => o.ServerAuth().Dns("www.validity.test").Valid(notBefore, notAfter));
        h.Add(leaf, "server/www.crt");
        return h;
    }

    [Test]
    public void Cert_expired_fires_after_not_after_and_names_the_certificate()
    {
        var h = With(Now.AddDays(-400), Now.AddDays(-1), out var leaf);
        var f = BuiltInRuleRunner.Lint(h, "cert-expired").ShouldHaveSingleItem();
        f.Severity.ShouldBe(Severity.Error);
        f.Message.ShouldContain("CN=www.validity.test");
        f.Message.ShouldContain($"SHA-256 {leaf.Sha256[..16]})");
        f.Message.ShouldContain($"expired on {Now.AddDays(-1).UtcDateTime:yyyy-MM-dd}");
        f.Location.File.RelativePath.ShouldBe("server/www.crt");
        BuiltInRuleRunner.Lint(h, "cert-expiring-soon").ShouldBeEmpty();    // expired is not "expiring soon"
    }

    [Test]
    public void Cert_expired_and_not_yet_valid_are_silent_inside_the_validity_period()
    {
        var h = With(Now.AddDays(-10), Now.AddDays(100), out _);
        BuiltInRuleRunner.Lint(h, "cert-expired").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(h, "cert-not-yet-valid").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(h, "cert-expiring-soon").ShouldBeEmpty();
    }

    [Test]
    public void Cert_not_yet_valid_fires_before_not_before()
    {
        var h = With(Now.AddDays(2), Now.AddDays(90), out _);
        BuiltInRuleRunner.Lint(h, "cert-not-yet-valid").ShouldHaveSingleItem().Message.ShouldContain("not valid before");
        BuiltInRuleRunner.Lint(h, "cert-expired").ShouldBeEmpty();
    }

    [TestCase(10, true)]
    [TestCase(29, true)]
    [TestCase(31, false)]
    public void Cert_expiring_soon_warns_within_30_days(int daysLeft, bool fires)
    {
        var h = With(Now.AddDays(-60), Now.AddDays(daysLeft).AddHours(1), out _);
        var findings = BuiltInRuleRunner.Lint(h, "cert-expiring-soon");
        findings.Count.ShouldBe(fires ? 1 : 0);
        if (fires)
        {
            findings[0].Severity.ShouldBe(Severity.Warning);
            findings[0].Message.ShouldContain($"in {daysLeft} days");
        }
    }

    [Test]
    public void Cert_expiring_soon_window_is_a_parameter()
    {
        var h = With(Now.AddDays(-60), Now.AddDays(10).AddHours(1), out _);
        BuiltInRuleRunner.Lint(h, "cert-expiring-soon", BuiltInRuleRunner.With("cert-expiring-soon", null, ("days", 7L))).ShouldBeEmpty();
        BuiltInRuleRunner.Lint(h, "cert-expiring-soon", BuiltInRuleRunner.With("cert-expiring-soon", null, ("days", 60L))).ShouldHaveSingleItem();
    }

    [Test]
    public void Validity_too_long_flags_leaves_over_398_days_only()
    {
        var h = new PrimitiveHarness();
        var start = Now.AddDays(-1);
        h.Add(Root.Issue("ok.validity.test", o => o.Valid(start, start.AddDays(398))), "ok.crt");
        h.Add(Root.Issue("long.validity.test", o => o.Valid(start, start.AddDays(399))), "long.crt");
        h.Add(Root.IssueCa("Long CA", o => o.Valid(start, start.AddDays(3650))), "ca.crt");

        var f = BuiltInRuleRunner.Lint(h, "validity-too-long").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("long.crt");
        f.Severity.ShouldBe(Severity.Note);
        f.Message.ShouldContain("valid for 399 days");
        f.Message.ShouldContain("more than 398");

        BuiltInRuleRunner.Lint(h, "validity-too-long", BuiltInRuleRunner.With("validity-too-long", null, ("days", 400L))).ShouldBeEmpty();
    }
    [Test]
    public void A_not_before_earlier_than_the_certificates_format_is_judged_as_of_the_validation_time()
    {
        // key-usage-cert-sign-without-ca (rfc5280) is effective from 2002-04-01. A version 3 certificate dated 2000
        // predates it (not effective); one dated 1970 predates X.509 v3 itself, so its date is not its issuance date
        // and the rule judges it as of now, as it judges one dated 2020.
        var h = new PrimitiveHarness();
        var until = Now.AddDays(30);
        foreach (var year in new[] { 1970, 2000, 2020 })
        {
            var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            h.Add(Root.Issue($"y{year}.validity.test", o => o.NotCa().KeyUsage(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign)
                .Valid(from, until)), $"y{year}.crt");
        }

        BuiltInRuleRunner.Lint(h, "key-usage-cert-sign-without-ca").Select(f => f.Location.File.RelativePath).Order(StringComparer.Ordinal)
            .ShouldBe(["y1970.crt", "y2020.crt"]);
        var note = BuiltInRuleRunner.Lint(h, "not-before-predates-format").ShouldHaveSingleItem();
        note.Location.File.RelativePath.ShouldBe("y1970.crt");
        note.Severity.ShouldBe(Severity.Note);
        note.Message.ShouldContain("has notBefore 1970-01-01");
        note.Message.ShouldContain("earlier than X.509 version 3 itself (1996-01-01");
    }

    [TestCase(null, 1987, false)]
    [TestCase(null, 1988, true)]
    [TestCase(1L, 1992, false)]
    [TestCase(1L, 1993, true)]
    [TestCase(2L, 1995, false)]
    [TestCase(2L, 1996, true)]
    public void A_not_before_is_credible_from_the_year_its_version_exists(long? encodedVersion, int year, bool credible)
    {
        var from = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var raw = Pki.Raw.RawCertificateBuilder.Leaf("era.validity.test", Root).With(b =>
        {
            b.Version = encodedVersion;
            b.NotBefore = Pki.Raw.Der.Time(from);
            if (encodedVersion is not 2L) b.Extensions.Clear();
        }).Build();
        var h = new PrimitiveHarness();
        var certificate = h.Add(raw, "era.crt");
        certificate.Version.ShouldBe((int)(encodedVersion ?? 0) + 1);
        CertLint.Model.IssuanceDate.NotBeforeCredible(certificate).ShouldBe(credible);
        CertLint.Model.IssuanceDate.Ticks(certificate, Now.UtcTicks).ShouldBe(credible ? from.UtcTicks : Now.UtcTicks);
        BuiltInRuleRunner.Lint(h, "not-before-predates-format").Count.ShouldBe(credible ? 0 : 1);
    }
}
