using System.Globalization;
using System.Text.Json.Nodes;
using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using Json.Schema;
using YamlDotNet.RepresentationModel;

namespace CertLint.Core.Tests.Rules;

/// <summary>rules/schema/*.json (draft-07) accept every rule file and config we ship, and reject broken ones.</summary>
public class SchemaTests
{
    private static readonly string SchemaDir = Path.Combine(DocExamples.RepoRoot, "rules", "schema");
    private static readonly Lazy<JsonSchema> RuleSchema = new(() => Load("rule.schema.json"));
    private static readonly Lazy<JsonSchema> ConfigSchema = new(() => Load("config.schema.json"));

    private static JsonSchema Load(string name) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaDir, name)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>YAML to JSON with the loader's own scalar typing (plain 2027-12-31 stays a string).</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(ToJson).ToArray()),
        YamlScalarNode v => YamlValues.Typed(v) switch
        {
            null => null,
            bool b => JsonValue.Create(b),
            long l => JsonValue.Create(l),
            double d => JsonValue.Create(d),
            var x => JsonValue.Create(Convert.ToString(x, CultureInfo.InvariantCulture)),
        },
        _ => throw new NotSupportedException(),
    };

    private static EvaluationResults Evaluate(JsonSchema schema, string yaml)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(ToJson(SafeYaml.Load("x.yml", yaml))?.ToJsonString() ?? "null");
        return schema.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static void ShouldBeValid(JsonSchema schema, string yaml, string what)
    {
        var result = Evaluate(schema, yaml);
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        result.IsValid.ShouldBeTrue($"{what} is not valid:\n{string.Join("\n", errors.Take(15))}");
    }

    public static IEnumerable<string> RuleFiles() =>
        Directory.EnumerateFiles(Path.Combine(DocExamples.RepoRoot, "rules"), "*.yml").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [TestCaseSource(nameof(RuleFiles))]
    public void Built_in_rule_file_validates_against_the_schema(string name) =>
        ShouldBeValid(RuleSchema.Value, File.ReadAllText(Path.Combine(DocExamples.RepoRoot, "rules", name)), name);

    [Test]
    public void Documented_rules_and_config_validate_against_the_schemas()
    {
        foreach (var block in DocExamples.RuleBlocks) ShouldBeValid(RuleSchema.Value, block, block[..30]);
        ShouldBeValid(ConfigSchema.Value, DocExamples.Config, "the documented config");
        ShouldBeValid(ConfigSchema.Value, ConfigTemplate.Text, "the init template");
        ShouldBeValid(ConfigSchema.Value, ConfigTemplate.For(ConfigTemplate.Public), "the init template for a public PKI");
    }

    [Test]
    public void Schemas_reject_what_the_loader_rejects()
    {
        var rule = DocExamples.Rule("ACME004");
        Evaluate(RuleSchema.Value, rule).IsValid.ShouldBeTrue();
        Evaluate(RuleSchema.Value, rule.Replace("check:", "chekc:")).IsValid.ShouldBeFalse();
        Evaluate(RuleSchema.Value, rule.Replace("before:", "befor:")).IsValid.ShouldBeFalse();
        Evaluate(RuleSchema.Value, rule.Replace("severity: warning", "severity: fatal")).IsValid.ShouldBeFalse();
        Evaluate(RuleSchema.Value, rule.Replace("id: ACME004", "id: acme-4")).IsValid.ShouldBeFalse();
        Evaluate(ConfigSchema.Value, "failOn: eror\n").IsValid.ShouldBeFalse();
        Evaluate(ConfigSchema.Value, "suppressions:\n  - rule: x\n    path: a\n").IsValid.ShouldBeFalse();
        Evaluate(ConfigSchema.Value, "supressions: []\n").IsValid.ShouldBeFalse();
    }
}
