using System.Text.RegularExpressions;
using CertLint.Rules;
using YamlDotNet.RepresentationModel;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// The built-in rules are a public contract: every rules/NAME.yml (its id lives there only) has rules/NAME.md,
/// they agree with each other, and every primitive a rule names exists and is given only parameters it declares.
/// </summary>
public sealed partial class RuleFileTests
{
    private static readonly string RulesDir = Path.Combine(Samples.RepoRoot, "rules");

    public static IEnumerable<TestCaseData> BuiltIns() =>
        CoreRuleFiles().Select(r => new TestCaseData(r.Id, r.Name).SetName($"Rule {r.Id} {r.Name}"));

    /// <summary>(id, name) of every rules/*.yml (pack core), read from the YAML itself: the one place ids live.</summary>
    public static IEnumerable<(string Id, string Name)> CoreRuleFiles() =>
        Directory.GetFiles(RulesDir, "*.yml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)
            .Select(name => (Scalar(Load(name!), "id")!, name!));

    private static YamlMappingNode Load(string name)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RulesDir, name + ".yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;

    [TestCaseSource(nameof(BuiltIns))]
    public void Yaml_and_doc_page_exist_and_agree_with_the_id_table(string id, string name)
    {
        File.Exists(Path.Combine(RulesDir, name + ".yml")).ShouldBeTrue($"rules/{name}.yml");
        File.Exists(Path.Combine(RulesDir, name + ".md")).ShouldBeTrue($"rules/{name}.md");
        var rule = Load(name);
        Scalar(rule, "id").ShouldBe(id);
        Scalar(rule, "name").ShouldBe(name);
        Scalar(rule, "severity").ShouldBeOneOf("error", "warning", "note");
        foreach (var key in new[] { "title", "description", "message", "remediation" })
        {
            Scalar(rule, key).ShouldNotBeNullOrWhiteSpace($"{name}.yml: {key}");
        }
        if (!IsFileRule(id)) return;   // the CL06xx handshake rules have their owner's layout

        var references = (YamlSequenceNode)rule.Children[new YamlScalarNode("references")];
        references.Children.Count.ShouldBeGreaterThan(0);
        foreach (var r in references.Children.Cast<YamlMappingNode>())
        {
            Scalar(r, "url").ShouldStartWith("https://");
        }

        var doc = File.ReadAllText(Path.Combine(RulesDir, name + ".md"));
        doc.ShouldStartWith($"# {name} ({id})");
        foreach (var section in new[] { "## What it flags", "## Why it matters", "## Example", "## Parameters", "## Configure or suppress", "## References" })
        {
            doc.ShouldContain(section, customMessage: $"{name}.md lacks {section}");
        }
    }

    /// <summary>The rules about certificate and key files (CL00xx-CL05xx), as opposed to live TLS handshakes (CL06xx).</summary>
    public static bool IsFileRule(string id) => string.CompareOrdinal(id, "CL0600") < 0;

    [Test]
    public void Every_rule_file_is_a_built_in_rule_of_pack_core_with_a_unique_id()
    {
        var names = Directory.GetFiles(RulesDir, "*.yml").Select(Path.GetFileNameWithoutExtension).ToList();
        names.ShouldBe(CertLint.Rules.Loading.RuleLoader.LoadBuiltIn().Where(r => r.Descriptor.Pack == "core").Select(r => r.Name).ToList(), ignoreOrder: true);
        var ids = CertLint.Rules.Loading.RuleLoader.LoadBuiltIn().Select(r => r.Id).ToList();
        ids.ShouldBeUnique();
        Directory.GetFiles(RulesDir, "*.md").Length.ShouldBe(names.Count);
    }

    [TestCaseSource(nameof(BuiltIns))]
    public void Primitives_named_by_a_rule_exist_and_receive_only_declared_parameters(string id, string name)
    {
        var primitives = typeof(ICheckPrimitive).Assembly.GetTypes()
            .Where(t => typeof(ICheckPrimitive).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (ICheckPrimitive)Activator.CreateInstance(t)!)
            .ToDictionary(p => p.Name);
        var rule = Load(name);
        var parameters = rule.Children.TryGetValue(new YamlScalarNode("parameters"), out var p)
            ? ((YamlMappingNode)p).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet()
            : [];

        foreach (var node in Descendants(rule.Children[new YamlScalarNode("check")]).OfType<YamlMappingNode>())
        {
            if (Scalar(node, "primitive") is not { } primitiveName) continue;
            primitives.ShouldContainKey(primitiveName, $"{name}.yml names an unknown primitive");
            var declared = primitives[primitiveName].Parameters.Select(x => x.Name).ToHashSet();
            if (!node.Children.TryGetValue(new YamlScalarNode("with"), out var with)) continue;
            foreach (var (key, value) in ((YamlMappingNode)with).Children)
            {
                declared.ShouldContain(((YamlScalarNode)key).Value!, $"{name}.yml passes an undeclared parameter to {primitiveName}");
                if (value is YamlScalarNode { Value: { } text } && ParamRef().Match(text) is { Success: true } m)
                {
                    parameters.ShouldContain(m.Groups[1].Value, $"{name}.yml uses an undeclared rule parameter");
                }
            }
        }
    }

    private static IEnumerable<YamlNode> Descendants(YamlNode node) => node.AllNodes;

    [GeneratedRegex(@"^\$\{(\w+)\}$")]
    private static partial Regex ParamRef();
}
