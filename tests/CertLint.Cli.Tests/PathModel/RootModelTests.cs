namespace CertLint.Cli.Tests.PathModel;

/// <summary>
/// Issue 12, items 1, 2 and 11: one repository root, found the same way from any current folder, so the config,
/// include/exclude and the chain and key lookup give the same findings and the same SARIF from anywhere.
/// </summary>
public class RootModelTests
{
    [Test]
    public void Item1_the_config_of_the_scanned_repository_is_honoured_from_any_folder()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write(".certlint.yml", """
            hosts:
              "certs/server/**": [api.acme.test]
            suppressions:
              - rule: eku-missing
                path: "*.crt"
                reason: not used
              - rule: hostname-mismatch
                path: "certs/client/**"
                reason: clients have no host
            """);
        // An unrelated config in the folder we run from must not be used instead.
        File.WriteAllText(Path.Combine(tree.Elsewhere, ".certlint.yml"), "rules: { hostname-mismatch: off }\n");

        var run = tree.Same([]);

        run.Unsuppressed.ShouldBe(["certs/server/www.crt hostname-mismatch"]);
        run.Outcome.ExitCode.ShouldBe(1);
        run.SarifUris.ShouldBe(["certs/server/www.crt"]);
        run.Sarif!.ShouldContain($"\"uri\": \"{new Uri(tree.Repo + "/").AbsoluteUri}\"");
    }

    [Test]
    public void Item1_console_paths_are_relative_to_the_current_folder()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write(".certlint.yml", "hosts: { \"certs/server/**\": [api.acme.test] }\n");
        var r = CliRunner.InProcess(tree.Elsewhere, null, "../repo", "--now", RepoTree.Now);
        r.Out.ShouldContain("../repo/certs/server/www.crt\n");
    }

    [Test]
    public void Item2_include_and_exclude_are_relative_to_the_root_not_the_current_folder()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write("certs/server/bad.crt", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        tree.Write("certs/client/bad.crt", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        // Include bounds the whole scan: the issuers under ca/ are outside it.
        var included = tree.Same(["."], "--include", "certs/server/**");
        included.Findings.ShouldBe(["certs/server/bad.crt parse-error", "certs/server/www.crt chain-incomplete"]);
        included.Outcome.Out.ShouldContain("Scanned 3 files");

        var excluded = tree.Same(["."], "--exclude", "certs/client/**");
        excluded.Findings.ShouldBe(["certs/server/bad.crt parse-error"]);
    }

    [Test]
    public void Item11_linting_one_file_finds_its_issuer_and_key_elsewhere_in_the_repository()
    {
        using var tree = new RepoTree(git: true).WithPki();
        var one = tree.Same(["certs/server/www.crt"]);
        one.Findings.ShouldBeEmpty();
        one.Outcome.ExitCode.ShouldBe(0, one.Outcome.Out);
        one.Outcome.Out.ShouldContain("Scanned 1 file: 1 certificate, 0 keys.");

        var folder = tree.Same(["certs"]);
        folder.Findings.ShouldBeEmpty();
        folder.Outcome.ExitCode.ShouldBe(0, folder.Outcome.Out);
    }

    [Test]
    public void Item11_issuers_excluded_from_the_root_are_not_found()
    {
        using var tree = new RepoTree(git: true).WithPki();
        var run = tree.Same(["certs/server/www.crt"], "--exclude", "ca/**");
        run.Findings.ShouldBe(["certs/server/www.crt chain-incomplete"]);
    }
}
