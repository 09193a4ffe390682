using System.Reflection;
using System.Text.RegularExpressions;

namespace CertLint.Core.Tests.Rules;

/// <summary>The YAML blocks of docs/writing-rules.md, so the documented rules are the tested ones.</summary>
internal static partial class DocExamples
{
    public static readonly string RepoRoot = typeof(DocExamples).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "CertLintRepoRoot").Value!;

    private static readonly Lazy<string[]> Blocks = new(() =>
        YamlBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot, "docs", "writing-rules.md"))).Select(m => m.Groups[1].Value).ToArray());

    /// <summary>Every ```yaml block that is a whole rule file (has an id).</summary>
    public static IEnumerable<string> RuleBlocks => Blocks.Value.Where(b => b.StartsWith("id: ", StringComparison.Ordinal) || b.Contains("\nid: ", StringComparison.Ordinal));

    /// <summary>The custom rule with this id, as written in the doc.</summary>
    public static string Rule(string id) => RuleBlocks.Single(b => b.Contains($"id: {id}\n", StringComparison.Ordinal));

    /// <summary>The documented .certlint.yml.</summary>
    public static string Config => Blocks.Value.Single(b => b.Contains("failOn:", StringComparison.Ordinal) && b.Contains("suppressions:", StringComparison.Ordinal));

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
