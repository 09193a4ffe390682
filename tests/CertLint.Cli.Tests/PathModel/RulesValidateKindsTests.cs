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

    [Test]
    public void A_broken_pack_manifest_reports_every_error_as_a_manifest()
    {
        using var tree = new RepoTree();
        tree.Write("rules/acme/pack.yml", """
            name: acmee
            titel: Acme policy
            enabled: sometimes
            """);
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", "rules/acme/pack.yml");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldNotContain("missing required key 'id'");
        r.Error.ShouldNotContain("   at ");
        var errors = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": error: ", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBe(3, r.Error);
        errors[0].ShouldEndWith("pack.yml:1:7: error: pack name 'acmee' must be its folder's name 'acme'");
        errors[1].ShouldContain("pack.yml:2:1: error: unknown key 'titel' in a pack file (did you mean 'title'?)");
        errors[2].ShouldContain("pack.yml:3:10: error: ");
    }
}
