using System.Globalization;
using System.Text.RegularExpressions;
using CertLint.Rules.Loading;

namespace CertLint.Tests.Packs;

/// <summary>
/// The equivalents counts the docs state (rules per pack, zlint lints and pkilint codes named in `equivalents`) are
/// computed from the rule files: a rule added or an equivalent changed without the docs fails here.
/// </summary>
public sealed partial class PackCountsTests
{
    private sealed record Counts(int Rules, int ZlintRules, int ZlintLints, int PkilintRules, int PkilintCodes);

    private static Counts Of(IEnumerable<RuleDefinition> rules)
    {
        var list = rules.ToArray();
        IReadOnlyList<string> Names(RuleDefinition r, string linter) =>
            r.Descriptor.Equivalents.TryGetValue(linter, out var names) ? names : [];
        return new Counts(list.Length,
            list.Count(r => Names(r, "zlint").Count > 0), list.SelectMany(r => Names(r, "zlint")).Distinct(StringComparer.Ordinal).Count(),
            list.Count(r => Names(r, "pkilint").Count > 0), list.SelectMany(r => Names(r, "pkilint")).Distinct(StringComparer.Ordinal).Count());
    }

    private static string Doc(string relative) => File.ReadAllText(Path.Combine(BuiltInRules.Samples.RepoRoot, relative));

    [Test]
    public void The_counts_table_in_packs_md_is_computed_from_the_rules()
    {
        var rules = RuleLoader.LoadBuiltIn();
        var doc = Doc("docs/packs.md");
        foreach (var pack in new[] { "core", "rfc5280", "cabf-br", "cabf-smime", "community", "root-programs", "etsi", "cabf-cs" })
        {
            var m = Regex.Match(doc, $@"\| `{pack}` \| (\d+) \| (\d+) rules name (\d+) \| (\d+) rules name (\d+) \|");
            m.Success.ShouldBeTrue($"docs/packs.md has no counts row for {pack}");
            Stated(m).ShouldBe(Of(rules.Where(r => r.Descriptor.Pack == pack)), pack);
        }
        var all = Regex.Match(doc, @"\| all packs \| (\d+) \| (\d+) rules name (\d+) \| (\d+) rules name (\d+) \|");
        all.Success.ShouldBeTrue("docs/packs.md has no total row");
        Stated(all).ShouldBe(Of(rules), "all packs");
    }

    [TestCase("docs/rfc5280-pack.md", "rfc5280")]
    [TestCase("docs/cabf-br-pack.md", "cabf-br")]
    [TestCase("docs/cabf-smime-pack.md", "cabf-smime")]
    [TestCase("docs/etsi-pack.md", "etsi")]
    [TestCase("docs/cabf-cs-pack.md", "cabf-cs")]
    public void Each_pack_page_states_its_computed_counts(string page, string pack)
    {
        var m = PageCounts().Match(Doc(page));
        m.Success.ShouldBeTrue($"{page} no longer states its counts");
        Stated(m).ShouldBe(Of(RuleLoader.LoadBuiltIn().Where(r => r.Descriptor.Pack == pack)), page);
    }

    private static Counts Stated(Match m)
    {
        int N(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        return new Counts(N(1), N(2), N(3), N(4), N(5));
    }

    [GeneratedRegex(@"\*\*(\d+) rules\*\*;\s+(\d+)\s+of\s+them\s+name\s+\*\*(\d+)\s+zlint\s+lints\*\*\s+and\s+(\d+)\s+name\s+\*\*(\d+)\s+pkilint\s+finding\s+codes\*\*")]
    private static partial Regex PageCounts();
}
