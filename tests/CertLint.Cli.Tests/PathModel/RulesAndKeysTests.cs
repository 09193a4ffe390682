namespace CertLint.Cli.Tests.PathModel;

/// <summary>Issue 12, items 8, 9 and 10: `rules validate` by file kind, no local help links, orphan keys.</summary>
public class RulesAndKeysTests
{
    [Test]
    public void Item8_rules_validate_checks_a_config_as_a_config_and_reports_every_error_once()
    {
        using var tree = new RepoTree();
        tree.Write(".certlint.yml", """
            failOn: eror
            roles:
              "a/**": clent
              "b/**": server
            rules:
              cert-expird: off
              weak-key: { severity: warning }
              validity-too-lng: off
            """);
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", ".certlint.yml");
        r.ExitCode.ShouldBe(2);
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        TestContext.Out.WriteLine(r.Error);
        lines.Count(l => l.Contains(".certlint.yml:1:9: error: 'failOn' must be one of", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.Contains(".certlint.yml:3:11: error: role 'clent'", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.Contains(".certlint.yml:6:3: error:", StringComparison.Ordinal) && l.Contains("cert-expird")).ShouldBe(1);
        lines.Count(l => l.Contains(".certlint.yml:8:3: error:", StringComparison.Ordinal) && l.Contains("validity-too-lng")).ShouldBe(1);
        r.Error.Split("cert-expired").Length.ShouldBeLessThanOrEqualTo(2, "the did-you-mean is said once");
        r.Error.ShouldNotContain("missing required key 'id'");
    }

    /// <summary>Item 8 from inside the root, its parent and an unrelated folder: the same errors, validated or linted.</summary>
    [Test]
    public void Item8_config_errors_are_the_same_from_any_folder_in_rules_validate_and_in_the_lint()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write(".certlint.yml", "failOn: eror\nrules:\n  cert-expird: off\n");
        string[][] validated =
        [
            ConfigErrors(CliRunner.InProcess(tree.Repo, null, "rules", "validate", ".certlint.yml")),
            ConfigErrors(CliRunner.InProcess(tree.Work, null, "rules", "validate", "repo/.certlint.yml")),
            ConfigErrors(CliRunner.InProcess(tree.Elsewhere, null, "rules", "validate", "../repo/.certlint.yml")),
        ];
        validated[0].Length.ShouldBe(2, string.Join('\n', validated[0]));
        validated[0][0].ShouldStartWith(".certlint.yml:1:9: error: 'failOn' must be one of");
        validated[0][1].ShouldStartWith(".certlint.yml:3:3: error: unknown rule 'cert-expird'");
        foreach (var v in validated) v.ShouldBe(validated[0]);
        foreach (var (name, run) in tree.Everywhere([]))
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            var errors = ConfigErrors(run.Outcome);
            errors.Length.ShouldBeGreaterThan(0, name);
            errors.ShouldBeSubsetOf(validated[0], name);
        }
    }

    /// <summary>The config errors of a run from any folder, from the config's name on (the folder part differs).</summary>
    private static string[] ConfigErrors(CliRunner.Outcome r)
    {
        r.ExitCode.ShouldBe(2, r.Out + r.Error);
        return r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(".certlint.yml:", StringComparison.Ordinal))
            .Select(l => l[l.IndexOf(".certlint.yml:", StringComparison.Ordinal)..]).ToArray();
    }

    [Test]
    public void Item8_a_valid_config_given_as_a_file_validates()
    {
        using var tree = new RepoTree();
        tree.Write(".certlint.yml", "failOn: warning\nroles: { \"a/**\": client }\n");
        var r = CliRunner.InProcess(tree.Repo, null, "rules", "validate", ".certlint.yml");
        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldContain("ok: 1 file(s) valid.");
    }

    [Test]
    public void Item9_a_custom_rule_without_docs_has_no_local_help_link_anywhere()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write("policy/acme-p384.yml", """
            id: ACME001
            name: acme-p384
            title: Keys are P-384
            description: Our policy.
            severity: error
            where:
              kind: certificate
            check:
              field: key.curve
              equals: P-384
            message: "{{object}} is not P-384"
            """);
        tree.Write(".certlint.yml", "rules: { directories: [policy] }\n");
        var md = Path.Combine(tree.Output, "report.md");
        var run = tree.Same([], "--markdown", md);
        run.Outcome.ExitCode.ShouldBe(1);
        run.Findings.ShouldContain("certs/server/www.crt acme-p384");
        foreach (var report in new[] { run.Sarif!, run.JUnit!, run.Json!, File.ReadAllText(md) })
        {
            // The root may appear (SARIF's %SRCROOT%, JSON's root); a link to the rule's own file may not.
            report.ShouldNotContain("policy/acme-p384");
        }
        var explain = CliRunner.InProcess(tree.Repo, null, "explain", "acme-p384");
        explain.ExitCode.ShouldBe(0, explain.Error);
        explain.Out.ShouldNotContain("file:");
    }

    [Test]
    public void Item10_a_private_key_no_certificate_uses_is_a_key_orphan_note_whatever_its_name()
    {
        using var tree = new RepoTree(git: true).WithPki();
        var spare = tree.Leaf("spare.acme.test", tree.Ca("Spare CA"));
        tree.WriteKey("deploy/leftover.key", spare.Key);
        // Its certificate elsewhere, under a different name: not an orphan.
        var other = tree.Leaf("other.acme.test", tree.Ca("Other CA"));
        tree.WriteKey("keys/other-private.key", other.Key);
        tree.WriteCert("published/other.pem", other.Cert);

        var run = tree.Same(["deploy", "keys"], "--exclude", "published/other.pem", "--fail-on", "note");
        run.Findings.ShouldBe(["deploy/leftover.key key-orphan", "keys/other-private.key key-orphan"]);
        run.Outcome.ExitCode.ShouldBe(1);

        var withCert = tree.Same(["deploy", "keys"]);
        withCert.Findings.ShouldBe(["deploy/leftover.key key-orphan"]);
        withCert.Outcome.ExitCode.ShouldBe(0, "a note does not fail at the default --fail-on error");

        tree.Write(".certlint.yml", "suppressions: [{ rule: key-orphan, path: deploy/leftover.key, reason: kept for the audit }]\n");
        tree.Same(["deploy", "keys"]).Findings.ShouldBe(["deploy/leftover.key key-orphan (suppressed)"]);
    }

    [Test]
    public void Item10_key_orphan_on_the_openssl_fixtures_pairs_by_public_key_not_by_name()
    {
        // leaf.key pairs with leaf.der (another extension), ed25519.key with ed25519.pem; rsa1024.key and ec-p384.key
        // have no certificate here; leaf-public.pem is a public key, not a secret.
        using var tree = new RepoTree();
        foreach (var name in new[] { "leaf.der", "leaf.key", "ed25519.pem", "ed25519.key", "rsa1024.key", "ec-p384.key", "leaf-public.pem" })
        {
            var target = Path.Combine(tree.Repo, name);
            File.Copy(Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", name), target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var run = tree.Same([], "--fail-on", "none");
        run.Findings.Where(f => f.EndsWith("key-orphan", StringComparison.Ordinal)).ShouldBe(["ec-p384.key key-orphan", "rsa1024.key key-orphan"]);
    }
}
