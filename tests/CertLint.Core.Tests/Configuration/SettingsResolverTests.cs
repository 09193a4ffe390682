using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Core.Tests.Configuration;

/// <summary>Precedence: built-in defaults &lt; .certlint.yml &lt; the host's request, applied once in Core.</summary>
public class SettingsResolverTests
{
    private static readonly DateTimeOffset Clock = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private string _root = "";

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "certlint-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_root, recursive: true);

    private LintSettings Resolve(LintRequest? request = null) =>
        SettingsResolver.Resolve(request ?? new LintRequest { WorkingDirectory = _root }, new FixedTime(Clock));

    private void WriteConfig(string text, string name = ".certlint.yml") => File.WriteAllText(Path.Combine(_root, name), text);

    [Test]
    public void Defaults_without_config_or_options()
    {
        var s = Resolve();
        s.Root.ShouldBe(_root);
        s.Paths.ShouldBe([_root]);
        s.FailOn.ShouldBe(Severity.Error);
        s.PasswordEnv.ShouldBe("CERTLINT_PASSWORD");
        s.Now.ShouldBe(Clock);
        s.Extends.ShouldBe(["builtin:recommended"]);
        s.AnchorsFromScan.ShouldBeTrue();
        s.ConfigFile.ShouldBeNull();
    }

    [Test]
    public void Config_in_the_scan_root_overrides_defaults()
    {
        WriteConfig("failOn: warning\npasswordEnv: CFG_PW\nexclude: [old/**]\ntrust: { anchors: [ca.pem], fromScan: false }\nextends: builtin:all\n");
        var s = Resolve();
        s.FailOn.ShouldBe(Severity.Warning);
        s.PasswordEnv.ShouldBe("CFG_PW");
        s.Exclude.ShouldBe(["old/**"]);
        s.CaFiles.ShouldBe([Path.Combine(_root, "ca.pem")]);
        s.AnchorsFromScan.ShouldBeFalse();
        s.Extends.ShouldBe(["builtin:all"]);
        s.ConfigFile.ShouldBe(Path.Combine(_root, ".certlint.yml"));
    }

    [Test]
    public void Request_overrides_config()
    {
        WriteConfig("failOn: warning\npasswordEnv: CFG_PW\nexclude: [old/**]\ntrust: { anchors: [ca.pem] }\nrules: { directories: [cfg-rules] }\n");
        Directory.CreateDirectory(Path.Combine(_root, "certs"));
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var s = Resolve(new LintRequest
        {
            WorkingDirectory = _root, FailOn = Severity.Note, PasswordEnv = "CLI_PW", Exclude = ["new/**"], CaFiles = ["cli-ca.pem"],
            RuleDirectories = ["cli-rules"], Now = now, Paths = ["certs"],
        });
        s.FailOn.ShouldBe(Severity.Note);
        s.PasswordEnv.ShouldBe("CLI_PW");
        s.Exclude.ShouldBe(["new/**"]);
        s.CaFiles.ShouldBe([Path.Combine(_root, "cli-ca.pem")]);
        s.RuleDirectories.ShouldBe([Path.Combine(_root, "cli-rules")]);
        s.Now.ShouldBe(now);
        s.Paths.ShouldBe([Path.Combine(_root, "certs")]);
    }

    [Test]
    public void Validation_time_drops_fractions_of_a_second_from_the_request_and_the_clock()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Resolve(new LintRequest { WorkingDirectory = _root, Now = now.AddMilliseconds(999) }).Now.ShouldBe(now);
        SettingsResolver.Resolve(new LintRequest { WorkingDirectory = _root }, new FixedTime(Clock.AddTicks(1_234_567))).Now.ShouldBe(Clock);
    }

    [Test]
    public void Empty_request_values_mean_not_given()
    {
        WriteConfig("failOn: note\npasswordEnv: CFG_PW\nexclude: [old/**]\n");
        var s = Resolve(new LintRequest { WorkingDirectory = _root, PasswordEnv = "", Exclude = [] });
        s.PasswordEnv.ShouldBe("CFG_PW");
        s.Exclude.ShouldBe(["old/**"]);
        s.FailOn.ShouldBe(Severity.Note);
    }

    [Test]
    public void Explicit_config_path_wins_and_must_exist()
    {
        WriteConfig("failOn: note\n");
        WriteConfig("failOn: none\n", "other.yml");
        Resolve(new LintRequest { WorkingDirectory = _root, ConfigPath = "other.yml" }).FailOn.ShouldBe(Severity.None);
        var e = Should.Throw<ConfigurationException>(() => Resolve(new LintRequest { WorkingDirectory = _root, ConfigPath = "missing.yml" }));
        e.Message.ShouldBe("missing.yml:1:1: error: configuration file not found");
    }

    [Test]
    public void Config_errors_name_the_file_relative_to_the_root()
    {
        WriteConfig("failon: note\n");
        var e = Should.Throw<ConfigurationException>(() => Resolve());
        e.Message.ShouldBe(".certlint.yml:1:1: error: the configuration has none of the expected keys (extends, packs, paths, include, exclude, failOn, ...) (did you mean 'failOn'?) (its content is not shown)");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
