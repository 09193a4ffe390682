using CertLint.Cli;

namespace CertLint.Cli.Tests;

/// <summary>
/// `certlint init` asks which PKI profile the repository holds: private (an internal CA, mutual TLS: the cabf-br pack
/// stays off) or public (publicly-trusted TLS: cabf-br on). The written config is then used for a real lint.
/// </summary>
public class InitProfileTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("certlint-init-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A subscriber certificate without subjectAltName: cabf-san-missing fires when the pack is on.</summary>
    private void CopySanMissingFixture()
    {
        var fixture = Path.Combine(CliRunner.RepoRoot, "tests", "fixtures", "rules", "cabf-br", "cabf-san-missing", "fail", "cabf-san-missing.pem");
        File.Copy(fixture, Path.Combine(_dir, "leaf.pem"));
    }

    private static (int Code, string Out, string Error) Run(string dir, TextReader? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, false, _ => null, dir, TimeProvider.System, input);
        var code = CliApp.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    [TestCase("public", true)]
    [TestCase("private", false)]
    public void Profile_option_decides_whether_the_cabf_br_pack_runs(string profile, bool cabf)
    {
        CopySanMissingFixture();
        Run(_dir, null, "init", "--profile", profile).Code.ShouldBe(0);
        var config = File.ReadAllText(Path.Combine(_dir, ".certlint.yml"));
        config.Contains("\npacks: [+cabf-br]", StringComparison.Ordinal).ShouldBe(cabf);
        Run(_dir, null, "rules", "validate").Code.ShouldBe(0);
        var lint = Run(_dir, null, ".", "--now", "2026-01-01T00:00:00Z", "--fail-on", "none");
        lint.Out.Contains("cabf-san-missing", StringComparison.Ordinal).ShouldBe(cabf, lint.Out);
    }

    [Test]
    public void Without_the_option_it_asks_and_takes_the_answer()
    {
        var asked = Run(_dir, new StringReader("maybe\npublic\n"), "init");
        asked.Code.ShouldBe(0, asked.Error);
        asked.Out.ShouldContain("private or public");
        asked.Out.ShouldContain("answer private or public");
        File.ReadAllText(Path.Combine(_dir, ".certlint.yml")).ShouldContain("\npacks: [+cabf-br]");
    }

    [Test]
    public void Without_a_terminal_or_an_answer_it_writes_the_private_profile()
    {
        Run(_dir, null, "init").Code.ShouldBe(0);
        File.ReadAllText(Path.Combine(_dir, ".certlint.yml")).ShouldContain("# packs: [+cabf-br]");
        File.Delete(Path.Combine(_dir, ".certlint.yml"));
        Run(_dir, new StringReader("\n"), "init").Code.ShouldBe(0);
        File.ReadAllText(Path.Combine(_dir, ".certlint.yml")).ShouldNotContain("\npacks: [+cabf-br]");
    }

    [Test]
    public void An_unknown_profile_is_a_usage_error()
    {
        var r = Run(_dir, null, "init", "--profile", "corporate");
        r.Code.ShouldBe(2);
        r.Error.ShouldContain("private or public");
        File.Exists(Path.Combine(_dir, ".certlint.yml")).ShouldBeFalse();
    }
}
