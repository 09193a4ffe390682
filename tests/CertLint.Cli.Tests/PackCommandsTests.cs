namespace CertLint.Cli.Tests;

/// <summary>Packs, equivalents and the field catalog through the CLI.</summary>
public class PackCommandsTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("certlint-packs-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private void WriteRule(string file, string text)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "my-rules"));
        File.WriteAllText(Path.Combine(_dir, "my-rules", file), text);
    }

    private const string Rule = """
        id: ACME010
        name: acme-v3
        pack: acme
        title: Certificates are version 3
        severity: error
        equivalents: { zlint: [e_acme_test_lint] }
        citation: { source: RFC 5280, section: "4.1.2.1", text: "When extensions are used, as expected in this profile, version MUST be 3." }
        check: { field: version, equals: 3 }
        """;

    [Test]
    public void Rules_pack_lists_one_pack_and_the_packs_summary()
    {
        WriteRule("acme-v3.yml", Rule);
        var r = CliRunner.InProcess(_dir, null, "rules", "--rules", "my-rules", "--pack", "acme");
        r.ExitCode.ShouldBe(0, r.Error);
        var lines = r.Out.Split('\n');
        lines[0].ShouldStartWith("ID");
        lines[0].ShouldContain("PACK");
        lines[1].ShouldStartWith("ACME010  acme-v3");
        r.Out.ShouldContain("1 rules.");
        r.Out.ShouldContain("rfc5280 (on,");
        r.Out.ShouldContain("cabf-br (off,");
        var bad = CliRunner.InProcess(_dir, null, "rules", "--pack", "acmee", "--rules", "my-rules");
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("did you mean 'acme'");
    }

    [Test]
    public void Explain_finds_a_rule_by_an_equivalent_lint_name()
    {
        WriteRule("acme-v3.yml", Rule);
        foreach (var name in new[] { "e_acme_test_lint", "zlint:e_acme_test_lint" })
        {
            var r = CliRunner.InProcess(_dir, null, "explain", name, "--rules", "my-rules");
            r.ExitCode.ShouldBe(0, r.Error);
            r.Out.ShouldStartWith("ACME010 acme-v3 (error)");
            r.Out.ShouldContain("Pack: acme");
            r.Out.ShouldContain("Citation: RFC 5280 §4.1.2.1: When extensions are used");
            r.Out.ShouldContain("Equivalents: zlint: e_acme_test_lint");
        }
    }

    [TestCase("pkix.certificate_skid_ca_missing", "CL1017 ski-missing-ca")]
    [TestCase("pkilint:pkix.certificate_skid_ca_missing", "CL1017 ski-missing-ca")]
    [TestCase("cabf.serverauth.ca_multiple_reserved_policy_oids", "CL2088 cabf-sub-ca-reserved-policies")]
    [TestCase("w_rfc_dnsname_underscore_in_trd", "CL1152 dns-name-underscore-trd")]
    [TestCase("zlint:e_ev_not_wildcard", "CL2098 cabf-ev-wildcard")]
    [TestCase("x509lint:ERR_IP_IN_DNSNAME", "CL1226 san-dns-ip-address")]
    [TestCase("ERR_RSA_MODULUS_NEGATIVE", "CL1229 rsa-modulus-negative")]
    public void Explain_finds_a_built_in_rule_by_a_zlint_or_pkilint_name(string name, string rule)
    {
        // cabf-br is off by default: explain still finds its rules (it documents every loaded rule).
        var r = CliRunner.InProcess(_dir, null, "explain", name);
        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldStartWith(rule);
        r.Out.ShouldContain(name[(name.IndexOf(':') + 1)..]);
    }

    [Test]
    public void Pack_option_turns_packs_off_and_rejects_unknown_names()
    {
        var bad = CliRunner.InProcess(_dir, null, "--pack", "nope", ".");
        bad.ExitCode.ShouldBe(2);
        bad.Error.ShouldContain("unknown rule pack 'nope'");
        File.WriteAllText(Path.Combine(_dir, ".certlint.yml"), "packs: [core, rfc528]\n");
        var config = CliRunner.InProcess(_dir, null, ".");
        config.ExitCode.ShouldBe(2);
        config.Error.ShouldContain(".certlint.yml:1:8");
        config.Error.ShouldContain("did you mean 'rfc5280'");
    }

    [Test]
    public void Rules_fields_prints_the_catalog()
    {
        var r = CliRunner.InProcess(_dir, null, "rules", "fields");
        r.ExitCode.ShouldBe(0, r.Error);
        foreach (var field in new[] { "san.entries", "validity.notBefore.encoding", "subject.attributes", "issuers", "policies.entries", "malformed" })
            r.Out.ShouldContain(field);
        r.Out.ShouldContain("Elements of a general name");
        var md = CliRunner.InProcess(_dir, null, "rules", "fields", "--markdown");
        md.Out.ShouldContain("| `san.entries` | records (general name) | certificate |");
    }
}
