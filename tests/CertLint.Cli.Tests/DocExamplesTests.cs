using System.Text.Json;
using System.Text.RegularExpressions;

namespace CertLint.Cli.Tests;

/// <summary>
/// A new user's path through the docs: each example is read from its page, put where the page says, and run through
/// the real command line. An example that stops loading, or stops doing what its text says, fails here.
/// </summary>
public partial class DocExamplesTests
{
    private string _repo = "";

    [SetUp]
    public void MakeRepo()
    {
        _repo = Path.Combine(Path.GetTempPath(), "certlint-docex-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
    }

    [TearDown]
    public void RemoveRepo() => Directory.Delete(_repo, recursive: true);

    private static string Doc(string relative) =>
        File.ReadAllText(Path.Combine(CliRunner.RepoRoot, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The fenced blocks of one language between a heading and the next heading of the same level.</summary>
    internal static string[] Blocks(string doc, string heading, string language)
    {
        var start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(-1, $"no heading '{heading}'");
        var level = heading[..(heading.IndexOf(' ', StringComparison.Ordinal) + 1)];
        var end = doc.IndexOf("\n" + level, start + heading.Length + 1, StringComparison.Ordinal);
        var section = end < 0 ? doc[start..] : doc[start..end];
        return Regex.Matches(section, "```" + language + "\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();
    }

    private void Put(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void CopySample(string sample, string relative)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(CliRunner.RepoRoot, "samples", sample), path);
    }

    /// <summary>(path, rule id) of every finding of a lint, from its JSON report.</summary>
    private (string Path, string Rule)[] Findings(params string[] args)
    {
        var json = Path.Combine(_repo, "..", Path.GetFileName(_repo) + ".json");
        try
        {
            var r = CliRunner.InProcess(_repo, null, [.. args, "--json", json]);
            r.ExitCode.ShouldBeLessThan(2, r.Error);
            using var report = JsonDocument.Parse(File.ReadAllText(json));
            return report.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null)
                .Select(f => (f.GetProperty("path").GetString()!, f.GetProperty("ruleId").GetString()!))
                .Order().ToArray();
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>
    /// writing-rules.md: "Put them in a folder, say .certlint/rules/, and add rules: { directories: [.certlint/rules] }
    /// to .certlint.yml." Done to the letter, `rules validate` checks the config and the five rules, and a lint runs them.
    /// </summary>
    [Test]
    public void The_five_custom_rules_run_from_the_folder_writing_rules_md_names()
    {
        var doc = Doc("docs/writing-rules.md");
        var rules = Blocks(doc, "## Five custom rules", "yaml");
        rules.Length.ShouldBe(5);
        var config = Regex.Match(doc[doc.IndexOf("## Five custom rules", StringComparison.Ordinal)..], "add `(rules: \\{ directories: \\[([^\\]]+)\\] \\})`");
        config.Success.ShouldBeTrue("the section names the folder and the config line");
        foreach (var rule in rules)
            Put($"{config.Groups[2].Value}/{Regex.Match(rule, "^name: (\\S+)$", RegexOptions.Multiline).Groups[1].Value}.yml", rule);
        Put(".certlint.yml", config.Groups[1].Value + "\n");

        var validate = CliRunner.InProcess(_repo, null, "rules", "validate");
        validate.ExitCode.ShouldBe(0, validate.Error);
        validate.Out.ShouldBe("ok: 6 file(s) valid.\n");

        // Rule 1 is about certs/partners/: alice (EC, clientAuth, email SAN only, valid to 2099) from the sample mTLS CA.
        CopySample("mtls/client.crt", "certs/partners/client.crt");
        CopySample("mtls/ca.crt", "certs/ca.crt");
        Findings("--now", "2026-06-01", "--fail-on", "none").ShouldBe([
            ("certs/ca.crt", "ACME004"),
            ("certs/partners/client.crt", "ACME001"),
            ("certs/partners/client.crt", "ACME004"),
            ("certs/partners/client.crt", "ACME005"),
            ("certs/partners/client.crt", "CL0104"),
        ]);
    }

    /// <summary>
    /// writing-rules.md's validation example is what `rules validate` prints for the page's own acme-eku rule with the
    /// typo it shows, path from the current folder (it printed the full path, and the page said line 9).
    /// </summary>
    [Test]
    public void The_validation_example_is_the_real_error_of_the_pages_acme_eku_rule()
    {
        var doc = Doc("docs/writing-rules.md");
        var expected = Blocks(doc, "## Validating rules and config", "text").ShouldHaveSingleItem().TrimEnd('\n');
        var file = expected[..expected.IndexOf(':', StringComparison.Ordinal)];
        var rule = Blocks(doc, "## Five custom rules", "yaml").Single(r => r.Contains($"name: {Path.GetFileNameWithoutExtension(file)}\n", StringComparison.Ordinal));
        Put(file, rule.Replace("  contains: ", "  contain: ", StringComparison.Ordinal));

        var r = CliRunner.InProcess(_repo, null, "rules", "validate", file);
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldBe(expected + "\n");

        // A lint that loads the folder stops on the same line, said the same way.
        var lint = CliRunner.InProcess(_repo, null, ".", "--rules", Path.GetDirectoryName(file)!);
        lint.ExitCode.ShouldBe(2);
        lint.Error.ShouldBe($"certlint: {expected}\n");
    }

    /// <summary>
    /// The starter `certlint init` writes points at the docs by links that work where the tool is installed (it said
    /// "docs/writing-rules.md", a path only a clone of this repository has); each names a page and heading that exist.
    /// </summary>
    [Test]
    public void Init_points_at_docs_pages_and_headings_that_exist()
    {
        CliRunner.InProcess(_repo, null, "init", "--profile", "private").ExitCode.ShouldBe(0);
        var starter = File.ReadAllText(Path.Combine(_repo, ".certlint.yml"));
        starter.ShouldNotMatch(@"(?m)^#.*(?<!/main/)\bdocs/[a-z-]+\.md");
        var links = Regex.Matches(starter, @"https://github\.com/certlint/certlint/blob/main/([\w/.-]+\.md)(?:#([\w-]+))?");
        links.Count.ShouldBe(2);
        foreach (Match link in links)
        {
            var page = Doc(link.Groups[1].Value);
            if (!link.Groups[2].Success) continue;
            Regex.Matches(page, "(?m)^#+ (.+)$").Select(h => Regex.Replace(h.Groups[1].Value.ToLowerInvariant(), @"[^\w\- ]", "").Replace(' ', '-'))
                .ShouldContain(link.Groups[2].Value);
        }
    }

    /// <summary>`rules validate` counts the files it read: a folder is its rule files, not one file.</summary>
    [Test]
    public void Rules_validate_counts_the_rule_files_of_a_folder()
    {
        foreach (var name in new[] { "a", "b", "c" })
            Put($"policy/{name}.yml", $"id: ACME10{name[0] - 'a'}\nname: rule-{name}\ntitle: Keys are P-384\nseverity: error\ncheck: {{ field: key.curve, equals: P-384 }}\n");
        Put("policy/README.md", "not a rule");
        var r = CliRunner.InProcess(_repo, null, "rules", "validate", "policy");
        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldBe("ok: 3 file(s) valid.\n");

        Directory.CreateDirectory(Path.Combine(_repo, "empty"));
        var empty = CliRunner.InProcess(_repo, null, "rules", "validate", "empty");
        empty.ExitCode.ShouldBe(2);
        empty.Error.ShouldBe("certlint: rules validate: no rule file (*.yml, *.yaml) in empty.\n");

        var nothing = CliRunner.InProcess(_repo, null, "rules", "validate");
        nothing.ExitCode.ShouldBe(2);
        nothing.Error.ShouldContain("nothing to validate");
    }

    /// <summary>The docs name `.certlint.yaml` as well: `rules validate` checks it when no file is named.</summary>
    [Test]
    public void Rules_validate_checks_a_certlint_yaml_in_the_current_folder()
    {
        Put(".certlint.yaml", "failOn: warnin\n");
        var r = CliRunner.InProcess(_repo, null, "rules", "validate");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain(".certlint.yaml:1:9");
    }
}
