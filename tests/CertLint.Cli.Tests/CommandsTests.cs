namespace CertLint.Cli.Tests;

/// <summary>`rules`, `explain`, `init` and `rules validate` through the real command tree.</summary>
public class CommandsTests
{
    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-cmd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void RemoveDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Rules_lists_every_built_in_rule_with_id_and_level()
    {
        var r = CliRunner.InProcess(_dir, null, "rules");
        r.ExitCode.ShouldBe(0, r.Error);
        foreach (var rule in CertLint.Rules.Loading.RuleLoader.LoadBuiltIn().Where(d => d.Descriptor.Pack == "core"))
        {
            r.Out.ShouldContain(rule.Id);
            r.Out.ShouldContain(rule.Name);
        }
        r.Out.ShouldMatch(@"CL0101\s+cert-expired\s+core\s+error");
    }

    [TestCase("cert-expired")]
    [TestCase("CL0101")]
    public void Explain_prints_the_rule_doc_by_name_or_id(string rule)
    {
        var r = CliRunner.InProcess(_dir, null, "explain", rule);
        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldStartWith("CL0101 cert-expired");
        r.Out.ShouldContain("rules/cert-expired.md");
        r.Out.ShouldContain("RFC 5280");
    }

    [Test]
    public void Explain_suggests_the_closest_rule_for_a_typo()
    {
        var r = CliRunner.InProcess(_dir, null, "explain", "cert-expird");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("did you mean 'cert-expired'");
    }

    [Test]
    public void Init_writes_a_config_that_validates_and_refuses_to_overwrite()
    {
        CliRunner.InProcess(_dir, null, "init").ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(_dir, ".certlint.yml")).ShouldBeTrue();
        CliRunner.InProcess(_dir, null, "rules", "validate").ExitCode.ShouldBe(0);
        var again = CliRunner.InProcess(_dir, null, "init");
        again.ExitCode.ShouldBe(2);
        again.Error.ShouldContain("--force");
    }

    [Test]
    public void Validate_reports_file_line_column_and_a_suggestion()
    {
        var rule = Path.Combine(_dir, "bad.yml");
        File.WriteAllText(rule, """
            id: ACME001
            name: rsa-3072
            title: RSA keys are 3072 bits or more
            description: Our policy.
            severity: error
            where:
              kind: certificate
            check:
              field: key.size
              minn: 3072
            message: "{{subject}} has a small key"
            """);
        var r = CliRunner.InProcess(_dir, null, "rules", "validate", "bad.yml");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("bad.yml:10:3");
        r.Error.ShouldContain("min");
    }

    [Test]
    public void A_bad_config_is_a_usage_error_with_its_position()
    {
        File.WriteAllText(Path.Combine(_dir, ".certlint.yml"), "failOn: error\nrulez: {}\n");
        var r = CliRunner.InProcess(_dir, null, ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:2:1");
        r.Error.ShouldNotContain("   at ");
    }

    /// <summary>Each help's closing hint is a command a user can type: `rules --help` once said "Run 'rules [command] --help'".</summary>
    [TestCase("--help", "certlint")]
    [TestCase("rules --help", "certlint rules")]
    public void The_help_hint_names_a_command_that_runs(string args, string command)
    {
        var help = CliRunner.InProcess(_dir, null, args.Split(' '));
        help.ExitCode.ShouldBe(0, help.Error);
        var hint = System.Text.RegularExpressions.Regex.Match(help.Out, @"Run '([^']+) \[command\] --help' for more information");
        hint.Success.ShouldBeTrue(help.Out);
        hint.Groups[1].Value.ShouldBe(command);
        var sub = help.Out[help.Out.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n')[1].Trim().Split(' ')[0];
        var typed = CliRunner.InProcess(_dir, null, [.. command.Split(' ').Skip(1), sub, "--help"]);
        typed.ExitCode.ShouldBe(0, typed.Error);
        typed.Out.ShouldContain($"Usage: {command} {sub} ");
    }

    /// <summary>`rules` in a sub-folder uses the repository's .certlint.yml, as its help says (it said "in the current folder").</summary>
    [Test]
    public void Rules_takes_the_nearest_config_up_to_the_repository_top_as_its_help_says()
    {
        Directory.CreateDirectory(Path.Combine(_dir, ".git"));
        Directory.CreateDirectory(Path.Combine(_dir, "certs", "web"));
        File.WriteAllText(Path.Combine(_dir, ".certlint.yml"), "rules:\n  cert-expired: off\n");
        var sub = Path.Combine(_dir, "certs", "web");

        CliRunner.InProcess(sub, null, "rules").Out.ShouldNotContain("cert-expired ");
        CliRunner.InProcess(sub, null, "rules", "--all").Out.ShouldMatch(@"CL0101\s+cert-expired\s+core\s+off");
        foreach (var command in new[] { "rules", "inventory" })
            CliRunner.InProcess(sub, null, command, "--help").Out.ShouldContain("(default: the nearest .certlint.yml from the ");
    }
}
