namespace CertLint.Cli.Tests.PathModel;

/// <summary>
/// `certlint rules validate` judges each file by what it is: a built-in rule's own source file is that rule (not a
/// duplicate of itself), a pack manifest is a manifest (not a rule without an id), a copy elsewhere is a duplicate.
/// </summary>
public class RulesValidateKindsTests
{
    private static string Rules => Path.Combine(CliRunner.RepoRoot, "rules");

    [TestCase("cert-expired.yml")]
    [TestCase("cabf-br/cabf-aia-critical.yml")]
    [TestCase("rfc5280/aia-critical.yml")]
    [TestCase("cabf-br/pack.yml")]
    [TestCase("rfc5280/pack.yml")]
    [TestCase("cabf-br")]
    [TestCase(".")]
    public void A_built_in_rule_file_or_pack_manifest_in_place_is_valid(string relative)
    {
        var r = CliRunner.InProcess(Rules, null, "rules", "validate", relative);
        r.Error.ShouldBeEmpty();
        r.ExitCode.ShouldBe(0);
        r.Out.ShouldStartWith("ok: ");
    }

    [Test]
    public void A_copy_of_a_built_in_rule_elsewhere_is_a_duplicate()
    {
        using var tree = new RepoTree();
        tree.Write("policy/cert-expired.yml", File.ReadAllText(Path.Combine(Rules, "cert-expired.yml")));
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "policy/cert-expired.yml");
        r.ExitCode.ShouldBe(2);
        var line = File.ReadLines(Path.Combine(Rules, "cert-expired.yml")).TakeWhile(l => !l.StartsWith("id:", StringComparison.Ordinal)).Count() + 1;
        r.Error.ShouldContain($"policy/cert-expired.yml:{line}:5: error: duplicate rule id 'CL0101': already used by cert-expired in rules/cert-expired.yml");
    }

    /// <summary>`certlint rules validate` on rules/acme/pack.yml holding <paramref name="manifest"/>: it must fail with
    /// exit 2 and no stack trace; its error lines.</summary>
    private static List<string> ManifestErrors(string manifest)
    {
        using var tree = new RepoTree();
        tree.Write("rules/acme/pack.yml", manifest);
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "rules/acme/pack.yml");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotContain("missing required key 'id'");
        r.Error.ShouldNotContain("   at ");
        return r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
    }

    [Test]
    public void A_broken_pack_manifest_reports_every_error_as_a_manifest()
    {
        var errors = ManifestErrors("""
            name: acmee
            titel: Acme policy
            enabled: sometimes
            """);
        errors.Count.ShouldBe(3, string.Join('\n', errors));
        errors[0].ShouldEndWith("pack.yml:1:7: error: pack name 'acmee' must be its folder's name 'acme'");
        errors[1].ShouldContain("pack.yml:2:1: error: unknown key 'titel' in a pack file (did you mean 'title'?)");
        errors[2].ShouldContain("pack.yml:3:10: error: ");
    }

    [Test]
    public void A_pack_scope_is_checked_like_a_where_clause()
    {
        var errors = ManifestErrors("""
            name: acme
            title: Acme policy
            scope:
              kind: certificate
              match: { field: eku.serverAuthScop, equals: true }
            """);
        errors.Count.ShouldBe(2, string.Join('\n', errors));
        errors[0].ShouldContain("pack.yml:4:3: error: missing required key 'description'");
        errors[1].ShouldContain("pack.yml:5:19: error: unknown field 'eku.serverAuthScop'");
        errors[1].ShouldContain("eku.serverAuthScope");
    }

    [Test]
    public void A_pack_scope_needs_a_test_beyond_its_kind()
    {
        var errors = ManifestErrors("""
            name: acme
            title: Acme policy
            scope: { description: every certificate, kind: certificate }
            """);
        errors.ShouldHaveSingleItem().ShouldContain("pack.yml:3:8: error: a pack's 'scope' needs a test");
    }
}
