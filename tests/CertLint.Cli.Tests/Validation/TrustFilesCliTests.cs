using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests.Validation;

/// <summary>
/// Trust anchors (--ca, trust.anchors) and CRLs (--crl, validation.crls) named outside the scanned folder are linted
/// like scanned files: findings about them land on their own file and line, and a file that yields nothing usable is
/// a finding, never silently ignored.
/// </summary>
public class TrustFilesCliTests
{
    private static readonly DateTimeOffset Past = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastYear = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private TempDirectory _dir = null!;

    /// <summary>A server leaf valid for a year around --now (so validity-too-long stays quiet).</summary>
    internal static void Server(CertOptions o) =>
        o.ServerAuth().Dns("api.acme.test").Valid(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [SetUp]
    public void MakeDir() => _dir = new TempDirectory();

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    [Test]
    public void Expired_weak_anchor_is_reported_on_the_ca_file_without_failing_the_leaf()
    {
        var root = TestPki.CreateRoot("Old Root", o => o.Rsa(1024).Valid(Past, LastYear));
        var inter = root.IssueCa("Acme Intermediate");
        var leaf = inter.Issue("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", leaf, inter);
        TestPki.Write(_dir.Path, "trust/root.pem", "Acme's old root, kept for the partners\n" + root.Pem);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        run.ExitCode.ShouldBe(1);
        run.Set.ShouldBe(["trust/root.pem cert-expired", "trust/root.pem weak-key"]);
        run.Findings.ShouldAllBe(f => f.Line == 2);
        var certificates = run.Report.RootElement.GetProperty("certificates").EnumerateArray().ToList();
        certificates.Select(c => c.GetProperty("path").GetString()).ShouldBe(["certs/fullchain.pem", "certs/fullchain.pem", "trust/root.pem"]);
        var chains = run.Report.RootElement.GetProperty("chains").ToString();
        chains.ShouldNotContain("incomplete");
    }

    /// <summary>An expired root at <paramref name="rootPath"/> and a current leaf it issued in certs/api.pem.</summary>
    private void WriteExpiredRootAndLeaf(string rootPath)
    {
        var root = TestPki.CreateRoot("Old Root", o => o.Valid(Past, LastYear));
        TestPki.WritePem(_dir.Path, "certs/api.pem", root.Issue("api.acme.test", Server));
        TestPki.WritePem(_dir.Path, rootPath, root);
    }

    [Test]
    public void Anchors_from_the_config_are_linted_too()
    {
        WriteExpiredRootAndLeaf("pki/root.pem");
        TestPki.Write(_dir.Path, ".certlint.yml", "trust:\n  anchors: [pki/root.pem]\n");

        var run = LintRun.In(_dir.Path, "certs");

        run.Set.ShouldBe(["pki/root.pem cert-expired"]);
    }

    [Test]
    public void Garbage_in_a_ca_file_is_a_parse_error_at_its_line()
    {
        var chain = TestPki.CreateChain("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", chain.Leaf, chain.Intermediate);
        TestPki.Write(_dir.Path, "trust/root.pem", "our root\n\n-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        run.ExitCode.ShouldBe(1);
        run.Findings.Where(f => f.Path == "trust/root.pem").Select(f => (f.Line, f.Rule)).ShouldBe([(3, "parse-error")]);
        // No anchor came out of it: the chain has no trusted root (never a silent green).
        run.Set.ShouldContain("certs/fullchain.pem chain-incomplete");
    }

    [Test]
    public void A_ca_file_without_any_certificate_is_a_finding_naming_the_option()
    {
        var chain = TestPki.CreateChain("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", chain.Leaf, chain.Intermediate);
        TestPki.Write(_dir.Path, "trust/notes.txt", "the root is on the wiki\n");
        var key = TestPki.WriteKey(_dir.Path, "trust/root.key", chain.Root);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/notes.txt", "--ca", "trust/root.key");

        // No anchor at all: the leaf, the intermediate and the fullchain file have no path to one.
        run.Set.ShouldBe(["certs/fullchain.pem chain-incomplete", "certs/fullchain.pem chain-incomplete", "certs/fullchain.pem chain-incomplete",
            "trust/notes.txt parse-error", "trust/root.key key-orphan", "trust/root.key parse-error"]);
        run.Findings.Where(f => f.Path.StartsWith("trust/", StringComparison.Ordinal)).ShouldAllBe(f => f.Line == 1);
        run.Findings.Single(f => f.Path == "trust/root.key" && f.Rule == "parse-error").Message.ShouldContain("given with --ca");
        run.Findings.Single(f => f.Path == "trust/notes.txt").Message.ShouldNotContain("wiki");
    }

    [Test]
    public void A_missing_ca_file_is_a_usage_error()
    {
        var r = CliRunner.InProcess(_dir.Path, null, ".", "--ca", "nowhere/root.pem");

        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--ca");
        r.Error.ShouldContain("file not found");
        r.Error.ShouldNotContain("   at ");
    }

    [Test]
    public void Ca_file_inside_the_scan_is_linted_once()
    {
        WriteExpiredRootAndLeaf("certs/root.pem");

        var run = LintRun.In(_dir.Path, "certs", "--ca", "certs/root.pem");

        run.Set.ShouldBe(["certs/root.pem cert-expired"]);
    }

    [Test]
    public void Unknown_critical_extension_on_an_anchor_is_reported_on_the_anchor_only()
    {
        var root = TestPki.CreateRoot("Odd Root", o => o.Extension(PathExtensions.Private("1.3.6.1.4.1.99999.7", critical: true)));
        var leaf = root.Issue("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/api.pem", leaf);
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        run.Set.ShouldBe(["trust/root.pem unknown-critical-extension"]);
        var message = run.MessageOf("unknown-critical-extension");
        message.ShouldContain("1.3.6.1.4.1.99999.7");
        message.ShouldContain("trusts the anchor as given");
    }

    [Test]
    public void Unknown_critical_extension_on_a_certificate_without_a_path_is_still_reported()
    {
        // RFC 5280 §4.2: every verifier rejects it whatever path it is given, so it must not hide behind the chain finding.
        var root = TestPki.CreateRoot("Absent Root");
        var orphan = root.Issue("api.acme.test", o => { Server(o); o.Extension(PathExtensions.Private("1.3.6.1.4.1.99999.8", critical: true)); });
        var plain = root.Issue("web.acme.test", o => { Server(o); o.Dns("web.acme.test"); });
        var selfSigned = TestPki.CreateSelfSigned("self.acme.test", o => { Server(o); o.Dns("self.acme.test"); o.Extension(PathExtensions.Private("1.3.6.1.4.1.99999.9", critical: true)); });
        TestPki.WritePem(_dir.Path, "certs/orphan.pem", orphan);
        TestPki.WritePem(_dir.Path, "certs/plain.pem", plain);
        TestPki.WritePem(_dir.Path, "certs/self.pem", selfSigned);

        var run = LintRun.In(_dir.Path, "certs");

        run.Set.ShouldBe([
            "certs/orphan.pem chain-incomplete", "certs/orphan.pem unknown-critical-extension", "certs/plain.pem chain-incomplete",
            "certs/self.pem self-signed-leaf", "certs/self.pem unknown-critical-extension"]);
        var messages = run.Findings.Where(f => f.Rule == "unknown-critical-extension").Select(f => f.Message).ToList();
        messages[0].ShouldContain("CN=api.acme.test has critical extension 1.3.6.1.4.1.99999.8, which CertLint does not process");
        messages[1].ShouldContain("CN=self.acme.test has critical extension 1.3.6.1.4.1.99999.9, which CertLint does not process");
    }

    [Test]
    public void Unknown_critical_extension_on_an_intermediate_fails_the_leaf()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Odd Intermediate", o => o.Extension(PathExtensions.Private("1.3.6.1.4.1.99999.7", critical: true)));
        var leaf = inter.Issue("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", leaf, inter);
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        // The leaf's path fails at the intermediate, and the intermediate's own path (§6.1.5 (f)) fails too.
        run.Findings.Select(f => (f.Path, f.Line, f.Rule)).Order().ShouldBe([
            ("certs/fullchain.pem", 1, "unknown-critical-extension"), ("certs/fullchain.pem", leaf.Pem.Count(c => c == '\n') + 1, "unknown-critical-extension")]);
    }

    [Test]
    public void Stale_and_forged_crls_given_with_crl_are_reported_on_their_files()
    {
        var chain = TestPki.CreateChain("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", chain.Leaf, chain.Intermediate);
        TestPki.WritePem(_dir.Path, "trust/root.pem", chain.Root);
        TestPki.Write(_dir.Path, "crl/stale.crl", new TestCrl(chain.Intermediate) { NextUpdate = new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero) }.Pem);
        TestPki.Write(_dir.Path, "crl/forged.crl", new TestCrl(chain.Intermediate) { SignedBy = chain.Leaf }.Pem);
        TestPki.Write(_dir.Path, "crl/broken.crl", "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n");

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem",
            "--crl", "crl/stale.crl", "--crl", "crl/forged.crl", "--crl", "crl/broken.crl");

        // The issuer publishes CRLs but neither settles the leaf's status: that is the leaf's own finding (§6.3.3 (k)).
        run.Set.ShouldBe(["certs/fullchain.pem revocation-unknown", "crl/broken.crl parse-error", "crl/forged.crl crl-invalid", "crl/stale.crl crl-stale"]);
        run.MessageOf("crl-invalid").ShouldContain("signature");
        run.MessageOf("revocation-unknown").ShouldContain("crl/stale.crl:1-7 is past its nextUpdate (2026-05-15 00:00:00Z)");
        run.MessageOf("revocation-unknown").ShouldContain("crl/forged.crl:1-7 cannot be used: its signature does not verify with the key of CN=Acme Intermediate");
    }

    [Test]
    public void Crls_from_the_config_are_used_and_judged()
    {
        var chain = TestPki.CreateChain("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", chain.Leaf, chain.Intermediate);
        TestPki.WritePem(_dir.Path, "pki/root.pem", chain.Root);
        TestPki.Write(_dir.Path, "pki/inter.crl", new TestCrl(chain.Intermediate) { NextUpdate = new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.Zero) }
            .Revoke(chain.Leaf, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).Pem);
        TestPki.Write(_dir.Path, ".certlint.yml", "trust:\n  anchors: [pki/root.pem]\nvalidation:\n  crls: [pki/inter.crl]\n");

        var run = LintRun.In(_dir.Path, "certs");

        run.Set.ShouldBe(["certs/fullchain.pem cert-revoked", "pki/inter.crl crl-stale"]);
    }

    [Test]
    public void A_crl_file_without_a_crl_is_a_finding()
    {
        var chain = TestPki.CreateChain("api.acme.test", Server);
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", chain.Leaf, chain.Intermediate);
        TestPki.WritePem(_dir.Path, "trust/root.pem", chain.Root);
        TestPki.WritePem(_dir.Path, "crl/oops.crl", chain.Root);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--crl", "crl/oops.crl");

        run.Set.ShouldBe(["crl/oops.crl parse-error"]);
        run.MessageOf("parse-error").ShouldContain("--crl");
    }
}
