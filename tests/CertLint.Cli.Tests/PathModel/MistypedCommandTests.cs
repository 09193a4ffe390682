namespace CertLint.Cli.Tests.PathModel;

/// <summary>
/// A mistyped sub-command is a usage error with one did-you-mean hint; `certlint PATH` stays the main form, so a
/// folder that exists is scanned whatever it is called.
/// </summary>
public class MistypedCommandTests
{
    [TestCase(new[] { "rule" }, "rule", "rules")]
    [TestCase(new[] { "inventry" }, "inventry", "inventory")]
    [TestCase(new[] { "explian", "cert-expired" }, "explian", "explain")]
    [TestCase(new[] { "handshak", "localhost:443" }, "handshak", "handshake")]
    public void A_mistyped_sub_command_prints_one_hint_and_exits_2(string[] args, string word, string command)
    {
        using var tree = new RepoTree().WithPki();
        var r = CliRunner.InProcess(tree.Repo, null, args);
        r.ExitCode.ShouldBe(2);
        r.Out.ShouldBeEmpty();
        var lines = r.Error.TrimEnd('\n').Split('\n');
        lines.ShouldBe([$"certlint: '{word}' is neither a command nor a file or folder. Did you mean '{command}'?", "Run 'certlint --help' for usage."]);
    }

    [Test]
    public void An_existing_folder_named_like_a_command_is_scanned()
    {
        using var tree = new RepoTree();
        var ca = tree.Ca("Rule Root CA");
        tree.WriteCert("rule/expired.crt", tree.Leaf("old.acme.test", ca, notBefore: RepoTree.NotBefore, days: 30).Cert);
        tree.WriteCert("rule/root.crt", ca.Cert);
        var r = CliRunner.InProcess(tree.Repo, null, "rule", "--now", RepoTree.Now);
        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        r.Out.ShouldContain("cert-expired");
        r.Error.ShouldNotContain("Did you mean");
        // A folder named exactly like a command is reached with a path form or `lint`.
        Directory.Move(Path.Combine(tree.Repo, "rule"), Path.Combine(tree.Repo, "rules"));
        foreach (var args in new[] { new[] { "./rules" }, ["lint", "rules"] })
        {
            var named = CliRunner.InProcess(tree.Repo, null, [.. args, "--now", RepoTree.Now]);
            named.ExitCode.ShouldBe(1, named.Out + named.Error);
            named.Out.ShouldContain("cert-expired");
        }
    }

    [Test]
    public void A_missing_path_far_from_any_command_is_still_a_missing_path()
    {
        using var tree = new RepoTree().WithPki();
        var r = CliRunner.InProcess(tree.Repo, null, "certz", "--now", RepoTree.Now);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("certz");
        r.Error.ShouldNotContain("Did you mean");
    }
}
