using CertLint.Configuration.Yaml;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>Types a rule parameter may have.</summary>
public enum RuleParameterType
{
    Integer,
    Number,
    String,
    Boolean,
    /// <summary>A list of strings.</summary>
    List,
}

/// <summary>A typed rule parameter: `parameters: { days: { type: integer, default: 30, minimum: 0 } }`.</summary>
public sealed record RuleParameter(
    string Name,
    RuleParameterType Type,
    object? Default,
    string Description,
    double? Minimum,
    double? Maximum,
    IReadOnlyList<string>? Values);

/// <summary>
/// A rule file as parsed and validated for shape; <see cref="RuleCompiler"/> turns it into a <see cref="CompiledRule"/>
/// once parameter values (defaults &lt; config) are known. Keeps the YAML nodes so compile errors have line:column.
/// </summary>
public sealed class RuleDefinition
{
    public required string File { get; init; }
    public required RuleDescriptor Descriptor { get; init; }
    /// <summary>False for rules only `builtin:all` (or an explicit severity) turns on.</summary>
    public bool EnabledByDefault { get; init; } = true;
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];
    public YamlNode? Where { get; init; }
    public string? Message { get; init; }

    /// <summary>The rule file's top-level mapping. The nodes below are taken from it when first asked for: a built-in
    /// rule read from its pre-parsed form builds them only then, and a run needs them only to compile a message or to
    /// report a duplicate id or name.</summary>
    internal YamlMap TopLevel { get; init; } = null!;

    /// <summary>The `check` node (every compilable rule has one), built when first asked for: a run compiles the
    /// check only of the rules some subject reaches, and the trees of the others were most of what loading built.</summary>
    public YamlNode Check => TopLevel.Get("check") ?? throw new InvalidOperationException($"{File}: the rule has no check");

    public YamlNode? MessageNode => TopLevel.Get("message");
    /// <summary>`related: FIELD`: a field of related locations (uses.client...) a finding carries (SARIF relatedLocations).</summary>
    public YamlNode? Related => TopLevel.Get("related");
    public YamlNode IdNode => TopLevel.Get("id") ?? TopLevel.Node;
    public YamlNode NameNode => TopLevel.Get("name") ?? TopLevel.Node;

    /// <summary>Certificates whose notBefore is before this are not effective (the rule is skipped).</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }
    /// <summary>Certificates whose notBefore is on or after this are not effective.</summary>
    public DateTimeOffset? EffectiveUntil { get; init; }

    public string Id => Descriptor.Id;
    public string Name => Descriptor.Name;
    public override string ToString() => $"{Id} {Name} ({File})";
}
