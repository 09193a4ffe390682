namespace CertLint.Cli.Tests;

/// <summary>The README is the first thing a user reads: it must list every rule and every lint option.</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(CliRunner.RepoRoot, "README.md"));

    [Test]
    public void Rule_table_lists_every_rule_file_with_its_id_and_doc_link()
    {
        var ruleFiles = Directory.GetFiles(Path.Combine(CliRunner.RepoRoot, "rules"), "*.yml");
        ruleFiles.Length.ShouldBeGreaterThan(19);
        foreach (var file in ruleFiles)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var id = File.ReadLines(file).First(l => l.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
            Readme.ShouldContain($"| {id} | [`{name}`](rules/{name}.md) |");
        }
    }

    [Test]
    public void Every_lint_option_in_help_is_documented()
    {
        var help = CliRunner.InProcess(Path.GetTempPath(), null, "--help").Out;
        var options = System.Text.RegularExpressions.Regex.Matches(help, @"^\s+(?:-\S+\|)?(--[a-z][a-z-]+)", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct()
            .Where(o => o is not "--help" and not "--version");
        foreach (var option in options) Readme.ShouldContain($"`{option}", customMessage: option);
    }

    [Test]
    public void The_two_set_up_commands_are_the_ones_ci_runs()
    {
        Readme.ShouldContain("dotnet run --project src/CertLint.Cli -- samples");
        Readme.ShouldContain("dotnet test CertLint.sln -c Release");
        File.ReadAllText(Path.Combine(CliRunner.RepoRoot, ".ci", "run")).ShouldContain("dotnet test CertLint.sln -c Release");
    }

    /// <summary>
    /// NuGet caches a package by id and version: a local pack without its own version would be installed from the cache
    /// after the first one. Each of the three packs and the install carry the same $version.
    /// </summary>
    [Test]
    public void The_local_install_gives_every_pack_and_the_install_one_fresh_version()
    {
        var install = Readme[Readme.IndexOf("## Install", StringComparison.Ordinal)..];
        var block = install[..install.IndexOf("```\n", install.IndexOf("```sh", StringComparison.Ordinal) + 5, StringComparison.Ordinal)];
        var lines = block.Split('\n');
        lines.ShouldContain(l => l.StartsWith("version=1.0.0-local.$(date +", StringComparison.Ordinal));
        var packs = lines.Where(l => l.StartsWith("dotnet pack src/CertLint.Cli ", StringComparison.Ordinal)).ToArray();
        packs.Select(l => l.Contains(" -r linux-x64 ", StringComparison.Ordinal) ? "linux-x64" : l.Contains(" -r any ", StringComparison.Ordinal) ? "any" : "tool")
            .ShouldBe(["tool", "linux-x64", "any"], ignoreOrder: true);
        foreach (var pack in packs) pack.ShouldContain(" -p:Version=$version ");
        lines.Single(l => l.StartsWith("dotnet tool install --global --add-source ./feed", StringComparison.Ordinal)).ShouldContain(" --version $version ");
    }

    [Test]
    public void The_configuration_example_validates()
    {
        var section = Readme[Readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        var dir = Path.Combine(Path.GetTempPath(), "certlint-readme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, ".certlint.yml"), yaml);
            var r = CliRunner.InProcess(dir, null, "rules", "validate");
            r.ExitCode.ShouldBe(0, r.Error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
