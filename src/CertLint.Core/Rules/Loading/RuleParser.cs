using CertLint.Configuration.Yaml;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>Parses one rule file's YAML into a <see cref="RuleDefinition"/>, strictly (unknown keys are errors).</summary>
public static class RuleParser
{
    public static readonly IReadOnlyList<string> TopLevelKeys =
    [
        "id", "name", "title", "description", "severity", "tags", "securitySeverity", "precision", "enabled",
        "where", "parameters", "check", "message", "remediation", "references",
        "pack", "equivalents", "effective", "citation",
    ];

    private static readonly string[] Precisions = ["very-high", "high", "medium", "low"];
    private static readonly string[] Severities = ["error", "warning", "note"];

    /// <param name="file">Name used in errors and as the descriptor's source.</param>
    /// <param name="text">The YAML text.</param>
    /// <param name="documentation">The NAME.md beside the file, if any.</param>
    /// <param name="builtIn">True for the rules embedded in Core (HelpUri on the project site).</param>
    /// <param name="helpUri">Help link for a custom rule (its .md or .yml file URI).</param>
    public static RuleDefinition Parse(string file, string text, string? documentation = null, bool builtIn = false, string? helpUri = null) =>
        Parse(file, SafeYaml.Load(file, text), documentation, builtIn, helpUri);

    public static RuleDefinition Parse(string file, YamlNode root, string? documentation, bool builtIn, string? helpUri)
    {
        var map = YamlMap.Root(file, root, "a rule file", TopLevelKeys);
        map.RejectUnknown(TopLevelKeys, "a rule");
        var id = map.RequireString("id");
        if (!RuleNames.IsId(id)) throw map.Error(map.Get("id")!, $"id {SafeText.Quote(id)} must look like CL0101: 2-5 capital letters then 3-5 digits", "id");
        var name = map.RequireString("name");
        if (!RuleNames.IsName(name)) throw map.Error(map.Get("name")!, $"name {SafeText.Quote(name)} must be kebab-case (lower-case letters, digits and '-')", "name");
        if (name == "directories") throw map.Error(map.Get("name")!, "'directories' is reserved (config rules.directories)", "name");
        var severityText = map.RequireString("severity");
        if (!Severities.Contains(severityText) || !SeverityText.TryParse(severityText, out var severity))
            throw map.Error(map.Get("severity")!, $"severity {SafeText.Quote(severityText)} must be error, warning or note{Suggest.DidYouMean(severityText, Severities)}", "severity", Suggest.Closest(severityText, Severities));
        var security = map.Number("securitySeverity");
        if (security is < 0 or > 10) throw map.Error(map.Get("securitySeverity")!, "securitySeverity must be between 0.0 and 10.0", "securitySeverity");
        var precision = map.String("precision") ?? "very-high";
        if (!Precisions.Contains(precision))
            throw map.Error(map.Get("precision")!, $"precision {SafeText.Quote(precision)} must be one of {string.Join(", ", Precisions)}{Suggest.DidYouMean(precision, Precisions)}", "precision");
        var message = map.String("message");
        var effective = RuleMetadataReader.Effective(map);

        var descriptor = new RuleDescriptor
        {
            Id = id,
            Name = name,
            Title = map.RequireString("title"),
            Description = map.String("description")?.Trim() ?? "",
            DefaultSeverity = severity,
            Remediation = map.String("remediation")?.Trim() ?? "",
            References = map.Get("references") is { } refs ? ReadReferences(file, refs) : [],
            Tags = map.StringList("tags") ?? [],
            SecuritySeverity = security,
            Precision = precision,
            HelpUri = builtIn ? RuleIds.HelpUri(FolderPack(file), name) : helpUri ?? "",
            Documentation = documentation ?? "",
            Source = builtIn ? "builtin:" + file : file,
            Pack = RuleMetadataReader.Pack(map, builtIn ? FolderPack(file) : null),
            Equivalents = RuleMetadataReader.Equivalents(map),
            Citation = RuleMetadataReader.Citation(map),
        };
        return new RuleDefinition
        {
            File = file,
            Descriptor = descriptor,
            EnabledByDefault = map.Bool("enabled") ?? true,
            Parameters = map.Get("parameters") is { } p ? RuleParameterReader.Read(file, p) : [],
            Where = map.Get("where"),
            Check = map.Require("check"),
            Message = message,
            MessageNode = map.Get("message"),
            IdNode = map.Get("id")!,
            NameNode = map.Get("name")!,
            EffectiveFrom = effective.From,
            EffectiveUntil = effective.Until,
        };
    }

    /// <summary>rules/x.yml is core; rules/PACK/x.yml is PACK.</summary>
    private static string FolderPack(string resource)
    {
        var parts = resource.Replace('\\', '/').Split('/');
        return parts.Length >= 3 ? parts[^2] : RuleMetadataReader.CorePack;
    }

    private static RuleReference[] ReadReferences(string file, YamlNode node)
    {
        if (node is not YamlSequenceNode seq) throw YamlValues.Error(file, node, $"'references' must be a list, not {YamlValues.Describe(node)}", "references");
        return seq.Children.Select(item =>
        {
            var r = new YamlMap(file, item, "a reference");
            r.RejectUnknown(["title", "url"], "a reference");
            var url = r.String("url");
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) throw r.Error(r.Get("url")!, $"{SafeText.Quote(url)} is not an absolute URL", "url");
            return new RuleReference(r.RequireString("title"), url);
        }).ToArray();
    }
}
