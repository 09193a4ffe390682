using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests.Validation;

/// <summary>
/// The path-validation options through the real command line: --crl, --policy and --max-chain-depth (and their
/// `validation:` config keys) change the exact finding set; bad values exit 2 with the option or the config's
/// file:line:column named and no stack trace.
/// </summary>
public class ValidationOptionsCliTests
{
    private const string Gold = "1.3.6.1.4.1.99999.1";
    private const string Silver = "1.3.6.1.4.1.99999.2";
    private static readonly DateTimeOffset April = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = new TempDirectory();

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private TestChain WriteChain(Action<CertOptions>? intermediate = null, Action<CertOptions>? leaf = null)
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Intermediate", intermediate);
        var end = inter.Issue("api.acme.test", o =>
        {
            TrustFilesCliTests.Server(o);
            leaf?.Invoke(o);
        });
        TestPki.WritePem(_dir.Path, "certs/fullchain.pem", end, inter);
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);
        return new TestChain(root, inter, end);
    }

    private static void Usage(CliRunner.Outcome r, params string[] expected)
    {
        r.ExitCode.ShouldBe(2, r.Out + r.Error);
        foreach (var text in expected) r.Error.ShouldContain(text);
        r.Error.ShouldNotContain("   at ");
        r.Out.ShouldBeEmpty();
    }

    [Test]
    public void Validation_time_is_compared_in_whole_seconds_as_certificate_times_are()
    {
        // notAfter 00:00:00Z holds through that second (RFC 5280 §4.1.2.5: inclusive; times have no fractions).
        var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        WriteChain(leaf: o => o.Valid(TestPki.DefaultNotBefore, end));
        CliRunner.Outcome Run(string now) =>
            CliRunner.InProcess(_dir.Path, null, "certs", "--ca", "trust/root.pem", "--pack", "core", "--now", now, "--fail-on", "error", "--quiet");

        var within = Run("2026-06-01T00:00:00.999Z");
        within.ExitCode.ShouldBe(0, within.Out + within.Error);
        within.Out.ShouldNotContain("cert-expired");
        var after = Run("2026-06-01T00:00:01Z");
        after.ExitCode.ShouldBe(1, after.Out + after.Error);
        after.Out.ShouldContain("cert-expired");
    }

    [Test]
    public void Crl_revokes_the_leaf_only_when_given()
    {
        // The CRL lies outside the repository: CRLs inside it are found by the scan and used without --crl.
        using var outside = new TempDirectory();
        var chain = WriteChain();
        var crl = TestPki.Write(outside.Path, "inter.crl", new TestCrl(chain.Intermediate).Revoke(chain.Leaf, April, reason: 1).Der);

        var without = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");
        var with = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--crl", crl);

        without.ExitCode.ShouldBe(0);
        without.Set.ShouldBeEmpty();
        with.ExitCode.ShouldBe(1);
        with.Set.ShouldBe(["certs/fullchain.pem cert-revoked"]);
        with.Findings.Single().Line.ShouldBe(1);
        with.MessageOf("cert-revoked").ShouldContain("2026-04-01");
        with.MessageOf("cert-revoked").ShouldContain("keyCompromise");
    }

    [Test]
    public void Crl_of_the_root_revokes_the_intermediate_for_both_certificates_below_it()
    {
        var chain = WriteChain();
        TestPki.Write(_dir.Path, "crl/root.crl", new TestCrl(chain.Root).Revoke(chain.Intermediate, April, reason: 2).Pem);

        var run = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--crl", "crl/root.crl");

        // The PKI publishes CRLs (the root's), so the leaf also needs its issuer's, which is not there (§6.3.3 (k)).
        run.Set.ShouldBe(["certs/fullchain.pem cert-revoked", "certs/fullchain.pem cert-revoked", "certs/fullchain.pem revocation-unknown"]);
        run.Findings.ShouldAllBe(f => f.Message.Contains("Acme Intermediate"));
        run.MessageOf("revocation-unknown").ShouldContain("no CRL from its issuer CN=Acme Intermediate");
    }

    [TestCase("--crl", "crl/nowhere.crl", "file not found")]
    [TestCase("--crl", "crl", "is a folder")]
    public void Bad_crl_values_exit_2(string option, string value, string message)
    {
        WriteChain();
        Directory.CreateDirectory(_dir["crl"]);

        Usage(CliRunner.InProcess(_dir.Path, null, "certs", "--ca", "trust/root.pem", option, value), option, message);
    }

    [Test]
    public void Missing_crl_in_the_config_is_reported_at_its_line_and_column()
    {
        WriteChain();
        TestPki.Write(_dir.Path, ".certlint.yml", "trust:\n  anchors: [trust/root.pem]\nvalidation:\n  crls:\n    - crl/inter.crl\n");

        Usage(CliRunner.InProcess(_dir.Path, null, "certs"), ".certlint.yml:5:7: error: 'validation.crls'", "file not found");
    }

    [Test]
    public void Missing_anchor_in_the_config_is_reported_at_its_line_and_column()
    {
        WriteChain();
        TestPki.Write(_dir.Path, ".certlint.yml", "trust:\n  anchors: [trust/root.pem, trust/old-root.pem]\n");

        Usage(CliRunner.InProcess(_dir.Path, null, "certs"), ".certlint.yml:2:29: error: 'trust.anchors'", "file not found");
    }

    [Test]
    public void Policy_option_is_the_user_initial_policy_set()
    {
        WriteChain(i => i.Extension(PathExtensions.Policies(Gold)), l => l.Extension(PathExtensions.Policies(Gold)));
        TestPki.Write(_dir.Path, ".certlint.yml", "validation:\n  requireExplicitPolicy: true\n");

        var gold = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--policy", Gold);
        var any = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");
        var silver = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--policy", Silver);

        gold.Set.ShouldBeEmpty();
        any.Set.ShouldBeEmpty();
        // The leaf's path and the intermediate's own path both lack the policy the user accepts.
        silver.ExitCode.ShouldBe(1);
        silver.Set.ShouldBe(["certs/fullchain.pem policy-not-satisfied", "certs/fullchain.pem policy-not-satisfied"]);
        silver.Findings.ShouldAllBe(f => f.Message.Contains(Silver));
    }

    [Test]
    public void Policy_without_an_explicit_policy_requirement_does_not_fail_the_path()
    {
        // RFC 5280 §6.1.5 (g): an empty intersection fails only when explicit_policy has reached 0 (as openssl -policy).
        WriteChain(i => i.Extension(PathExtensions.Policies(Gold)), l => l.Extension(PathExtensions.Policies(Gold)));

        LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--policy", Silver).Set.ShouldBeEmpty();
    }

    [Test]
    public void Policy_constraints_in_the_path_require_the_policy_without_the_config_setting()
    {
        var chain = WriteChain(i => i.Extension(PathExtensions.Policies(Gold)).Extension(PathExtensions.PolicyConstraints(0, null)),
            l => l.Extension(PathExtensions.Policies(Gold)));

        var silver = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--policy", Silver);
        var gold = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--policy", Gold);

        // The leaf's path, and the intermediate's own path (§6.1.5 (b): its requireExplicitPolicy 0 applies to itself too).
        silver.Set.ShouldBe(["certs/fullchain.pem policy-not-satisfied", "certs/fullchain.pem policy-not-satisfied"]);
        silver.Findings.Select(f => f.Line).ShouldBe([1, chain.Leaf.Pem.Count(c => c == '\n') + 1]);
        gold.Set.ShouldBeEmpty();
    }

    [TestCase("not-an-oid")]
    [TestCase("1")]
    [TestCase("1.2.x")]
    public void Bad_policy_values_exit_2(string value)
    {
        Usage(CliRunner.InProcess(_dir.Path, null, ".", "--policy", value), "--policy", $"'{value}' is not a policy OID");
    }

    [Test]
    public void Bad_policy_in_the_config_is_reported_at_the_item()
    {
        TestPki.Write(_dir.Path, ".certlint.yml", "validation:\n  policies: [2.23.140.1.2.1, bogus]\n");

        Usage(CliRunner.InProcess(_dir.Path, null, "."), ".certlint.yml:2:30: error:", "'bogus' is not an OID");
    }

    private void WriteDeepChain()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var i1 = root.IssueCa("Acme CA 1");
        var i2 = i1.IssueCa("Acme CA 2");
        var i3 = i2.IssueCa("Acme CA 3");
        var leaf = i3.Issue("api.acme.test", TrustFilesCliTests.Server);
        TestPki.WritePem(_dir.Path, "certs/chain.pem", leaf, i3, i2, i1);
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);
    }

    [Test]
    public void Max_chain_depth_counts_intermediates_between_certificate_and_anchor()
    {
        WriteDeepChain();

        var two = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--max-chain-depth", "2");
        var three = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--max-chain-depth", "3");
        var byDefault = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");

        // The leaf has three intermediates above it (CA 3, 2, 1); CA 3 has two.
        two.ExitCode.ShouldBe(1);
        two.Findings.Select(f => (f.Path, f.Line, f.Rule)).ShouldBe([("certs/chain.pem", 1, "chain-too-deep")]);
        two.MessageOf("chain-too-deep").ShouldContain("2 intermediate");
        three.Set.ShouldBeEmpty();
        byDefault.Set.ShouldBeEmpty();
    }

    [Test]
    public void Max_chain_depth_from_the_config_and_the_option_overrides_it()
    {
        WriteDeepChain();
        TestPki.Write(_dir.Path, ".certlint.yml", "validation:\n  maxChainDepth: 1\n");

        var config = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem");
        var option = LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--max-chain-depth", "3");

        // Depth 1: the leaf (three intermediates) and CA 3 (two) are too deep; CA 2 (one) is not.
        config.Set.ShouldBe(["certs/chain.pem chain-too-deep", "certs/chain.pem chain-too-deep"]);
        option.Set.ShouldBeEmpty();
    }

    [Test]
    public void Max_chain_depth_zero_allows_only_certificates_issued_by_the_anchor()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var leaf = root.Issue("api.acme.test", TrustFilesCliTests.Server);
        TestPki.WritePem(_dir.Path, "certs/api.pem", leaf);
        TestPki.WritePem(_dir.Path, "trust/root.pem", root);

        LintRun.In(_dir.Path, "certs", "--ca", "trust/root.pem", "--max-chain-depth", "0").Set.ShouldBeEmpty();
    }

    [TestCase("-1")]
    [TestCase("many")]
    [TestCase("100000")]
    [TestCase("2.5")]
    public void Bad_max_chain_depth_values_exit_2(string value)
    {
        Usage(CliRunner.InProcess(_dir.Path, null, ".", "--max-chain-depth", value), "--max-chain-depth", $"'{value}' is not a whole number");
    }

    [TestCase("many", "'maxChainDepth'")]
    [TestCase("100000", "'maxChainDepth' must be between 0 and")]
    [TestCase("-3", "'maxChainDepth' must be between 0 and")]
    public void Bad_max_chain_depth_in_the_config_is_reported_at_its_line_and_column(string value, string message)
    {
        TestPki.Write(_dir.Path, ".certlint.yml", $"validation:\n  maxChainDepth: {value}\n");

        Usage(CliRunner.InProcess(_dir.Path, null, "."), ".certlint.yml:2:18: error:", message);
    }
}
