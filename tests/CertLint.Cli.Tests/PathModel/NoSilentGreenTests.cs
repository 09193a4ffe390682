namespace CertLint.Cli.Tests.PathModel;

/// <summary>Issue 12, items 3, 5 and 6: mistakes in what to scan or where a config points are usage errors (exit 2), never a green run.</summary>
public class NoSilentGreenTests
{
    [Test]
    public void Item3_a_mistyped_path_is_a_usage_error_from_any_folder()
    {
        using var tree = new RepoTree().WithPki();
        var runs = tree.Everywhere(["certz/"]);
        foreach (var (name, run) in runs)
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            run.Outcome.Error.ShouldContain("certz/: no such file or folder.");
            run.Sarif.ShouldBeNull(name);
        }
        CliRunner.InProcess(tree.Repo, null, "certz/", "--fail-on", "none").ExitCode.ShouldBe(2);
    }

    [Test]
    public void Item3_an_empty_scan_says_so_and_exits_2_unless_allowed()
    {
        using var tree = new RepoTree();
        tree.Write("docs/readme.txt", "no certificates here\n");
        var runs = tree.Everywhere([]);
        foreach (var (name, run) in runs)
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            run.Outcome.Out.ShouldContain("no certificate, key or keystore found");
            run.Outcome.Out.ShouldNotContain("Passed");
        }
        var allowed = tree.Same([], "--allow-empty");
        allowed.Outcome.ExitCode.ShouldBe(0);
        allowed.Outcome.Out.ShouldContain("Passed: no certificate, key or keystore found (--allow-empty).");
    }

    [Test]
    public void Item3_an_explicit_glob_that_matches_nothing_is_a_usage_error()
    {
        using var tree = new RepoTree(git: true).WithPki();
        foreach (var (name, run) in tree.Everywhere(["certs/*.p12"]))
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            run.Outcome.Error.ShouldContain("the glob matches no certificate, key or keystore file");
        }
        tree.Same(["certs/*/*.crt"]).Findings.ShouldBeEmpty();
    }

    [Test]
    public void Item5_dotdot_in_a_config_glob_is_a_config_error_with_its_position()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write("sub/.certlint.yml", "include:\n  - certs/**\n  - ../ca/**\n");
        foreach (var (name, run) in tree.Everywhere(["sub"]))
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            run.Outcome.Error.ShouldContain(".certlint.yml:3:5: error: bad glob in 'include': '..' is not allowed");
            run.Outcome.Error.ShouldNotContain("internal error");
        }
    }

    [Test]
    public void Item5_dotdot_in_an_option_glob_is_a_usage_error()
    {
        using var tree = new RepoTree().WithPki();
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--include", "../x/**");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("--include '../x/**': '..' is not allowed");
    }

    [TestCase("trust:\n  anchors: [../../etc/passwd]\n", "2:13", "'trust.anchors' names '../../etc/passwd'")]
    [TestCase("rules:\n  directories: [/etc]\n", "2:17", "'rules.directories' names '/etc'")]
    [TestCase("paths: [certs, ../elsewhere]\n", "1:16", "'paths' names '../elsewhere'")]
    public void Item6_a_config_cannot_name_files_outside_the_repository(string config, string position, string message)
    {
        using var tree = new RepoTree().WithPki();
        tree.Write(".certlint.yml", config);
        foreach (var (name, run) in tree.Everywhere([]))
        {
            run.Outcome.ExitCode.ShouldBe(2, name);
            run.Outcome.Error.ShouldContain($".certlint.yml:{position}: error: {message}, which is outside the repository root");
            run.Outcome.Error.ShouldNotContain("--ca");
        }
    }

    [Test]
    public void Item6_a_symbolic_link_inside_the_repository_pointing_out_is_refused()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links need privileges on Windows");
        using var tree = new RepoTree().WithPki();
        File.WriteAllText(Path.Combine(tree.Elsewhere, "outside.crt"), File.ReadAllText(Path.Combine(tree.Repo, "ca/root.crt")));
        File.CreateSymbolicLink(Path.Combine(tree.Repo, "linked"), tree.Elsewhere);
        tree.Write(".certlint.yml", "trust: { anchors: [linked/outside.crt] }\n");
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", RepoTree.Now);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:1:20: error: 'trust.anchors' names 'linked/outside.crt', which is outside the repository root");
    }

    [Test]
    public void Item6_files_outside_the_repository_may_be_given_on_the_command_line()
    {
        using var tree = new RepoTree().WithPki();
        var outsideCa = Path.Combine(tree.Elsewhere, "root.crt");
        File.Copy(Path.Combine(tree.Repo, "ca/root.crt"), outsideCa);
        var run = tree.Same([], "--ca", outsideCa);
        run.Findings.ShouldBeEmpty();
        run.Outcome.ExitCode.ShouldBe(0, run.Outcome.Out);
    }

    [Test]
    public void Item6_a_missing_config_anchor_is_named_as_config_not_as_option()
    {
        using var tree = new RepoTree().WithPki();
        tree.Write(".certlint.yml", "trust: { anchors: [ca/nope.crt] }\n");
        var r = CliRunner.InProcess(tree.Repo, null, ".", "--now", RepoTree.Now);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:1:20: error: 'trust.anchors': ca/nope.crt: file not found");
        r.Error.ShouldNotContain("--ca");
    }
}
