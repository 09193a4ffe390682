using System.Security.Cryptography.X509Certificates;
using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests.Validation;

/// <summary>
/// The trust anchor is checked as a certificate (issue 14): a root with extendedKeyUsage (anchor-eku) or with an
/// authorityKeyIdentifier that is not its own subjectKeyIdentifier (anchor-aki-not-ski) is a finding on the anchor's
/// file, whether the anchor comes from --ca outside the scan or from the scan itself, and the leaves below it fail only
/// where a verifier would fail them. (Expired and weak anchors: <see cref="TrustFilesCliTests"/>.)
/// </summary>
public class AnchorLintCliTests
{
    private static readonly byte[] OtherKeyId = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = new TempDirectory();

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private static TestCertificate RootWithEku(params string[] ekus) => TestPki.CreateRoot("Acme Root", o => o.Eku(ekus));

    private static TestCertificate RootWithForeignAki() => TestPki.CreateRoot("Acme Root",
        o => o.NoAuthorityKeyIdentifier().Extension(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(OtherKeyId)));

    private string[] ChainVerdicts(LintRun run) =>
        [.. run.Report.RootElement.GetProperty("chains").EnumerateArray().Select(c => c.GetProperty("status").GetString()!).Distinct()];

    [Test]
    public void A_ca_file_root_with_eku_is_a_warning_on_its_file_and_the_leaves_below_pass()
    {
        var root = RootWithEku("1.3.6.1.5.5.7.3.1");
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        run.ExitCode.ShouldBe(0); // a warning: nothing below it is outside serverAuth
        run.Set.ShouldBe(["trust/root.pem anchor-eku"]);
        run.MessageOf("anchor-eku").ShouldStartWith("CN=Acme Root (serial ");
        run.MessageOf("anchor-eku").ShouldContain("is a root CA / trust anchor with extendedKeyUsage serverAuth: OpenSSL, Go and Windows accept only these purposes");
        ChainVerdicts(run).ShouldBe(["complete"]);
    }

    [Test]
    public void A_root_with_eku_in_the_scan_is_the_same_finding_and_a_leaf_outside_its_purposes_fails_as_verifiers_fail_it()
    {
        var root = RootWithEku("1.3.6.1.5.5.7.3.2");
        // Its path says "server": a server certificate, which OpenSSL's sslserver purpose rejects under a clientAuth-only root.
        TestPki.WritePem(_dir.Path, "certs/server/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "certs/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs");

        run.Set.ShouldBe(["certs/root.pem anchor-eku", "certs/server/api.pem eku-server-auth"]);
        run.ExitCode.ShouldBe(1);
    }

    [Test]
    public void A_root_without_eku_and_a_self_signed_server_certificate_pinned_with_ca_are_not_anchor_eku()
    {
        var root = TestPki.CreateRoot("Acme Root");
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);
        // A self-signed end-entity certificate trusted directly (pinning): its serverAuth EKU is its own purpose, not a CA's restriction.
        var pinned = TestPki.CreateSelfSigned("pinned.acme.test", TrustFilesCliTests.Server);
        TestPki.WritePem(_dir.Path, "trust/pinned.pem", pinned);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--ca", "trust/pinned.pem");

        run.Findings.Where(f => f.Rule == "anchor-eku").ShouldBeEmpty();
        run.Set.ShouldNotContain("certs/api.pem chain-incomplete");
    }

    [Test]
    public void A_ca_file_root_whose_aki_is_not_its_ski_is_an_error_on_its_file_without_failing_the_leaves()
    {
        var root = RootWithForeignAki();
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        run.ExitCode.ShouldBe(1);
        run.Set.ShouldBe(["trust/root.pem anchor-aki-not-ski"]);
        run.MessageOf("anchor-aki-not-ski").ShouldContain(
            $"is a self-signed root / trust anchor whose authorityKeyIdentifier {Convert.ToHexString(OtherKeyId)} is not its subjectKeyIdentifier {Convert.ToHexString(root.SubjectKeyId!)}");
        ChainVerdicts(run).ShouldBe(["complete"]);
    }

    [Test]
    public void A_root_whose_aki_is_not_its_ski_in_the_scan_is_one_finding_with_the_rfc5280_pack_on()
    {
        var root = RootWithForeignAki();
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "certs/root.pem", root);

        // Default packs (core and rfc5280): the core rule, not also rfc5280's aki-self-signed-not-ski.
        var run = LintRun.In(_dir.Path, "certs", "--pack", "+rfc5280");

        run.Set.ShouldBe(["certs/root.pem anchor-aki-not-ski"]);
        ChainVerdicts(run).ShouldBe(["complete"]);
    }

    [Test]
    public void An_expired_weak_root_in_the_scan_is_reported_on_its_file_without_failing_the_leaf()
    {
        var root = TestPki.CreateRoot("Old Root", o => o.Rsa(1024).Valid(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", TrustFilesCliTests.Server));
        TestPki.WritePem(_dir.Path, "certs/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs");

        run.Set.ShouldBe(["certs/root.pem cert-expired", "certs/root.pem weak-key"]);
        ChainVerdicts(run).ShouldBe(["complete"]);
    }
}
