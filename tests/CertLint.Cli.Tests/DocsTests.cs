using System.Text.RegularExpressions;

namespace CertLint.Cli.Tests;

/// <summary>Counts and sample outputs in the docs are what CertLint really says: stale docs fail here.</summary>
public partial class DocsTests
{
    private static string Doc(string relative) => File.ReadAllText(Path.Combine(CliRunner.RepoRoot, relative));

    /// <summary>"N rules." from `certlint rules --pack PACK`.</summary>
    private static int RulesIn(string pack)
    {
        var r = CliRunner.InProcess(CliRunner.RepoRoot, null, "rules", "--pack", pack);
        r.ExitCode.ShouldBe(0, r.Error);
        return int.Parse(RuleCount().Match(r.Out).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [TestCase("docs/writing-rules.md", @"The (\d+) core rules in", "core")]
    [TestCase("docs/rfc5280-pack.md", @"\*\*(\d+) rules\*\*", "rfc5280")]
    [TestCase("docs/cabf-br-pack.md", @"\*\*(\d+) rules\*\*", "cabf-br")]
    [TestCase("docs/packs.md", @"\| `cabf-br` \| (\d+) \|", "cabf-br")]
    [TestCase("docs/cabf-smime-pack.md", @"\*\*(\d+) rules\*\*", "cabf-smime")]
    [TestCase("docs/packs.md", @"\| `cabf-smime` \| (\d+) \|", "cabf-smime")]
    [TestCase("docs/packs.md", @"\| `rfc5280` \| (\d+) \|", "rfc5280")]
    [TestCase("docs/packs.md", @"\| `community` \| (\d+) \|", "community")]
    [TestCase("docs/packs.md", @"\| `root-programs` \| (\d+) \|", "root-programs")]
    [TestCase("docs/etsi-pack.md", @"\*\*(\d+) rules\*\*", "etsi")]
    [TestCase("docs/packs.md", @"\| `etsi` \| (\d+) \|", "etsi")]
    [TestCase("docs/cabf-cs-pack.md", @"\*\*(\d+) rules\*\*", "cabf-cs")]
    [TestCase("docs/packs.md", @"\| `cabf-cs` \| (\d+) \|", "cabf-cs")]
    public void Rule_counts_in_the_docs_match_the_catalog(string doc, string pattern, string pack)
    {
        var m = Regex.Match(Doc(doc), pattern);
        m.Success.ShouldBeTrue($"{doc} no longer says /{pattern}/");
        int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(RulesIn(pack), doc);
    }

    [Test]
    public void The_console_sample_in_reports_md_is_the_real_output()
    {
        var doc = Doc("docs/reports.md").Replace("\r\n", "\n", StringComparison.Ordinal);
        var command = Regex.Match(doc, "```sh\ncertlint (samples/[^\n]+)\n```\n\n```text\n").Groups;
        command[1].Success.ShouldBeTrue("the console sample names its command");
        var start = doc.IndexOf(command[0].Value, StringComparison.Ordinal) + command[0].Length;
        var expected = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var r = CliRunner.InProcess(CliRunner.RepoRoot, null, command[1].Value.Split(' '));
        Timing().Replace(r.Out, "in 0.42 s.").ShouldBe(expected);
    }

    [Test]
    public void Verbose_prints_what_its_help_says()
    {
        var help = CliRunner.InProcess(Path.GetTempPath(), null, "--help").Out;
        help.ShouldContain("-v|--verbose");
        help.ShouldContain("suppressed findings with their reason, each rule's fix and help link, baseline states and every file scanned");

        // The samples suppress findings in .certlint.yml: -v shows them with the reason, the fix, the link, each file.
        var r = CliRunner.InProcess(CliRunner.RepoRoot, null, "samples/server", "--now", "2026-06-01", "-v");
        r.Out.ShouldContain("[suppressed: ");
        r.Out.ShouldContain("    fix: ");
        r.Out.ShouldContain("    see: https://");
        r.Out.ShouldContain("scanned samples/server/expired.crt: 1 certificate, 0 keys");
    }

    /// <summary>A merge resolved in a hurry once left conflict markers in docs/packs.md, unseen by every other test.</summary>
    [Test]
    public void No_file_in_the_repository_holds_merge_conflict_markers()
    {
        string[] kinds = [".md", ".yml", ".yaml", ".cs", ".csproj", ".props", ".targets", ".json", ".py", ".sh", ".xml", ".txt"];
        var skip = new[] { "bin", "obj", ".git", "node_modules", "out" };
        var offenders = new List<string>();
        var pending = new Stack<string>([CliRunner.RepoRoot]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
                if (!skip.Contains(Path.GetFileName(sub), StringComparer.Ordinal)) pending.Push(sub);
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                if (!kinds.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
                var n = 0;
                foreach (var line in File.ReadLines(file))
                {
                    n++;
                    if (line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || line.StartsWith(">>>>>>> ", StringComparison.Ordinal))
                        offenders.Add($"{Path.GetRelativePath(CliRunner.RepoRoot, file)}:{n}");
                }
            }
        }
        offenders.ShouldBeEmpty();
    }

    [GeneratedRegex(@"^(\d+) rules\.", RegexOptions.Multiline)]
    private static partial Regex RuleCount();

    [GeneratedRegex(@"in \d+\.\d\d s\.")]
    private static partial Regex Timing();
}
