using CertLint.Rules;
using CertLint.Rules.Loading;

namespace CertLint.Core.Tests.BuiltInRules;

/// <summary>
/// Every rule of every pack (rules/**/*.yml): a citation outside core, a documentation page, and fixtures both ways
/// (tests/fixtures/rules/PACK/NAME/{pass,fail}/*.pem, convention in docs/rule-language-v2.md §7), run through the real engine.
/// </summary>
public class PackRuleTests
{
    private static readonly DateTimeOffset FixtureNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Repo => Rules.DocExamples.RepoRoot;

    private static IEnumerable<RuleDefinition> PackRules() =>
        RuleLoader.LoadBuiltIn().Where(r => r.Descriptor.Pack != RuleMetadataReader.CorePack);

    public static IEnumerable<TestCaseData> PackRuleCases()
    {
        var cases = PackRules().Select(r => new TestCaseData(r.Descriptor.Pack, r.Name).SetName($"Pack rule {r.Descriptor.Pack}/{r.Name}")).ToArray();
        return cases.Length > 0 ? cases : [new TestCaseData("", "").SetName("Pack rule (no pack rules yet)")];
    }

    [Test]
    public void Every_rule_file_in_every_pack_is_built_in()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repo, "rules"), "*.yml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "pack.yml")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();
        RuleLoader.LoadBuiltIn().Select(r => r.Name).Order(StringComparer.Ordinal).ShouldBe(files);
        RuleCatalog.BuiltInPacks.Select(p => p.Name).ShouldBe(["core", "cabf-br", "cabf-cs", "cabf-smime", "community", "etsi", "rfc5280", "root-programs"]);
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "rfc5280").EnabledByDefault.ShouldBeTrue();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "cabf-br").EnabledByDefault.ShouldBeFalse();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "cabf-smime").EnabledByDefault.ShouldBeFalse();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "community").EnabledByDefault.ShouldBeFalse();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "root-programs").EnabledByDefault.ShouldBeFalse();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "etsi").EnabledByDefault.ShouldBeFalse();
        RuleCatalog.BuiltInPacks.Single(p => p.Name == "cabf-cs").EnabledByDefault.ShouldBeFalse();
    }

    [TestCaseSource(nameof(PackRuleCases))]
    public void Has_citation_docs_and_fixtures_both_ways(string pack, string name)
    {
        if (name.Length == 0) Assert.Ignore("no rule outside pack core yet");
        var rule = RuleLoader.LoadBuiltIn().Single(r => r.Name == name);
        rule.Descriptor.Citation.ShouldNotBeNull($"{name} needs a citation");
        rule.Descriptor.Citation!.Text.ShouldNotBeNullOrWhiteSpace();
        rule.Descriptor.Documentation.ShouldNotBeNullOrWhiteSpace($"rules/{pack}/{name}.md is missing");
        // Every BR requirement binds from a date (zlint's EffectiveDate); the pack says which date, never "always".
        if (pack is "cabf-br" or "cabf-cs" or "cabf-smime" or "root-programs" or "etsi") (rule.EffectiveFrom ?? rule.EffectiveUntil).ShouldNotBeNull($"{name} needs an effective date");
        foreach (var outcome in new[] { "fail", "pass" })
        {
            var dir = RuleFixtureLint.Folder(pack, name, outcome);
            Directory.Exists(dir).ShouldBeTrue($"{dir} is missing");
            var files = Directory.GetFiles(dir, "*.pem");
            files.ShouldNotBeEmpty($"{dir} has no *.pem");
            foreach (var file in files)
            {
                var result = RuleFixtureLint.Run(pack, name, outcome, Path.GetFileName(file), FixtureNow);
                var fired = result.Findings.Any(f => f.Rule.Name == name);
                fired.ShouldBe(outcome == "fail", $"{Path.GetFileName(file)} in {outcome}/: {string.Join("; ", result.Findings.Where(f => f.Rule.Name == name).Select(f => f.Message))}");
                if (outcome == "pass") result.Checks.Any(c => c.Rule.Name == name).ShouldBeTrue($"{name} does not apply to {Path.GetFileName(file)}: pick a pass fixture it checks");
            }
        }
    }
}
