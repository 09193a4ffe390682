using System.Diagnostics;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// Issue 11 items 1 and 3: configuration, rule and baseline files that a pull request aims at secrets, devices and
/// FIFOs. Each hostile input is made here, at test time; the CLI runs as a real process so a hang is a timeout.
/// </summary>
[NonParallelizable]
public class HostileConfigTests
{
    private const string Token = "ghp_S3cr3tT0kenThatMustNeverBePrinted0000";
    private string _dir = "";
    private string _secret = "";

    [SetUp]
    public void MakeDir()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("symbolic links, FIFOs and /dev/zero are Unix tests");
        _dir = Path.Combine(Path.GetTempPath(), "certlint-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "repo"));
        // What a runner might hold outside the checkout: a key-like text and a credentials line.
        _secret = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(_secret, $"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC{Token}\n-----END PRIVATE KEY-----\nhttps://bot:{Token}@github.com\n");
    }

    [TearDown]
    public void RemoveDir()
    {
        if (_dir.Length > 0) Directory.Delete(_dir, recursive: true);
    }

    private string Repo => Path.Combine(_dir, "repo");

    private static void ShouldNotLeak(CliRunner.Outcome r)
    {
        foreach (var text in new[] { r.Out, r.Error })
        {
            text.ShouldNotContain("ghp_S3cr3t");
            text.ShouldNotContain("MIIEvQ");
            text.ShouldNotContain("BEGIN PRIVATE KEY");
            text.ShouldNotContain("root:x:0");
        }
    }

    [TestCase(".certlint.yml")]
    [TestCase("/etc/passwd")]
    public void A_config_symlinked_to_a_secret_is_an_error_that_quotes_nothing(string target)
    {
        File.CreateSymbolicLink(Path.Combine(Repo, ".certlint.yml"), target == ".certlint.yml" ? _secret : target);
        var r = CliRunner.Process(Repo, null, ".");
        r.ExitCode.ShouldBe(2, r.Error);
        r.Error.ShouldContain(".certlint.yml:1:1: error: the configuration must be a mapping");
        r.Error.ShouldContain("its content is not shown");
        ShouldNotLeak(r);
    }

    [Test]
    public void A_config_option_naming_a_secret_quotes_nothing()
    {
        var r = CliRunner.Process(Repo, null, "-c", _secret, ".");
        r.ExitCode.ShouldBe(2);
        ShouldNotLeak(r);
    }

    [Test]
    public void A_yaml_file_of_someone_elses_keys_is_not_quoted()
    {
        // JSON is YAML: a docker config.json with an auth token has no configuration key at all.
        var docker = Path.Combine(_dir, "config.json");
        File.WriteAllText(docker, $"{{\"{Token}\": 1, \"auths\": {{\"ghcr.io\": {{\"auth\": \"{Token}\"}}}}}}");
        File.CreateSymbolicLink(Path.Combine(Repo, ".certlint.yml"), docker);
        var r = CliRunner.Process(Repo, null, ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("the configuration has none of the expected keys");
        ShouldNotLeak(r);
    }

    /// <summary>
    /// A secret that is itself YAML YamlDotNet rejects (a repeated key, a tag): before session 24 the errors quoted the
    /// key ("Duplicate key ghp_...") and the tag, from a file whose shape was never checked.
    /// </summary>
    [TestCase("{0}: 1\n{0}: 2\n", 2)]
    [TestCase("auths: !{0} x\n", 1)]
    [TestCase("!{0}\n", 1)]
    public void Config_and_rule_files_symlinked_to_a_yaml_secret_that_does_not_parse_quote_nothing(string shape, int line)
    {
        var secret = Path.Combine(_dir, "hosts.yml");
        File.WriteAllText(secret, string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Token));
        File.CreateSymbolicLink(Path.Combine(Repo, ".certlint.yml"), secret);
        var config = CliRunner.Process(Repo, null, ".");
        config.ExitCode.ShouldBe(2, config.Error);
        config.Error.ShouldContain($".certlint.yml:{line}:");
        ShouldNotLeak(config);

        File.Delete(Path.Combine(Repo, ".certlint.yml"));
        File.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(Path.Combine(Repo, "rules")).FullName, "r.yml"), secret);
        var rule = CliRunner.Process(Repo, null, "--rules", "rules", ".");
        rule.ExitCode.ShouldBe(2, rule.Error);
        rule.Error.ShouldContain($"r.yml:{line}:");
        ShouldNotLeak(rule);
    }

    /// <summary>
    /// System.Text.Json quotes a bad literal whole: a file starting with t, f or n ("token=...") came back line after
    /// line in "baseline is not a SARIF 2.1.0 file: 'token=ghp_...\npassword=...' is an invalid JSON literal".
    /// </summary>
    [TestCase("token={0}\npassword={0}\n")]
    [TestCase("null{0}\n")]
    [TestCase("{{\"{0}\" 1}}")]
    public void A_baseline_symlinked_to_a_secret_that_is_not_json_quotes_nothing(string shape)
    {
        var secret = Path.Combine(_dir, "credentials");
        File.WriteAllText(secret, string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Token));
        File.CreateSymbolicLink(Path.Combine(Repo, "baseline.sarif"), secret);
        var r = CliRunner.Process(Repo, null, "--baseline", "baseline.sarif", ".");
        r.ExitCode.ShouldBe(2, r.Error);
        r.Error.ShouldContain("baseline.sarif:1:");
        r.Error.ShouldContain("baseline is not a SARIF 2.1.0 file: not valid JSON");
        ShouldNotLeak(r);
    }

    [Test]
    public void Rule_files_and_rules_validate_symlinked_to_a_secret_quote_nothing()
    {
        var rules = Directory.CreateDirectory(Path.Combine(Repo, "rules")).FullName;
        File.CreateSymbolicLink(Path.Combine(rules, "evil.yml"), _secret);
        var lint = CliRunner.Process(Repo, null, "--rules", "rules", ".");
        lint.ExitCode.ShouldBe(2);
        lint.Error.ShouldContain("evil.yml:1:1: error: a rule file must be a mapping");
        ShouldNotLeak(lint);
        var validate = CliRunner.Process(Repo, null, "rules", "validate", "rules/evil.yml");
        validate.ExitCode.ShouldBe(2);
        ShouldNotLeak(validate);
    }

    [Test]
    public void Long_values_in_a_real_config_are_quoted_short()
    {
        File.WriteAllText(Path.Combine(Repo, ".certlint.yml"), $"failOn: {Token}{Token}\n");
        var r = CliRunner.Process(Repo, null, ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:1:9: error: 'failOn' must be one of error, warning, note, none");
        r.Error.Length.ShouldBeLessThan(300);
        r.Error.ShouldNotContain(Token + Token);
    }

    [TestCase("config")]
    [TestCase("rule")]
    [TestCase("-c")]
    [TestCase("--baseline")]
    public void Config_rule_and_baseline_files_that_are_devices_are_refused_at_once(string how)
    {
        var r = Run(how, "/dev/zero");
        r.ExitCode.ShouldBe(2, r.Error);
        r.Error.ShouldContain("is a device, not a regular file");
    }

    [TestCase("config")]
    [TestCase("rule")]
    [TestCase("-c")]
    [TestCase("--baseline")]
    public void Config_rule_and_baseline_files_that_are_fifos_are_refused_without_blocking(string how)
    {
        var fifo = Path.Combine(_dir, "fifo");
        using (var mk = Process.Start("mkfifo", fifo)) mk.WaitForExit();
        var r = Run(how, fifo);
        r.ExitCode.ShouldBe(2, r.Error);
        r.Error.ShouldContain("is a FIFO (named pipe), not a regular file");
    }

    [Test]
    public void A_config_over_one_megabyte_is_refused()
    {
        File.WriteAllText(Path.Combine(Repo, ".certlint.yml"), "# " + new string('x', 1024 * 1024) + "\n");
        var r = CliRunner.Process(Repo, null, ".");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yml:1:1: error: file is 1048579 bytes; the limit is 1048576 bytes");
    }

    private CliRunner.Outcome Run(string how, string target)
    {
        switch (how)
        {
            case "config":
                File.CreateSymbolicLink(Path.Combine(Repo, ".certlint.yml"), target);
                return CliRunner.Process(Repo, null, ".");
            case "rule":
                File.CreateSymbolicLink(Path.Combine(Directory.CreateDirectory(Path.Combine(Repo, "rules")).FullName, "r.yml"), target);
                return CliRunner.Process(Repo, null, "--rules", "rules", ".");
            default:
                return CliRunner.Process(Repo, null, how, target, ".");
        }
    }
}
