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
        "where", "parameters", "check", "message", "related", "remediation", "references",
        "pack", "equivalents", "effective", "citation", "packScope",
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

    public static RuleDefinition Parse(string file, YamlNode root, string? documentation, bool builtIn, string? helpUri) =>
        ParseOrThrow(file, () => RootMap(file, root), documentation is null ? null : () => documentation, builtIn, helpUri);

    /// <summary>A built-in rule, its documentation read when first asked for.</summary>
    internal static RuleDefinition ParseBuiltIn(string file, YamlNode root, Func<string?> documentation) =>
        ParseOrThrow(file, () => RootMap(file, root), documentation, builtIn: true, helpUri: null);

    /// <summary>A built-in rule from its pre-parsed form: nodes only for what needs them (see <see cref="IYamlSource"/>).</summary>
    internal static RuleDefinition ParseBuiltIn(string file, IYamlSource root, Func<string?> documentation) =>
        ParseOrThrow(file, () => YamlMap.Root(file, root, RuleFile, TopLevelKeys), documentation, builtIn: true, helpUri: null, textsLater: true);

    private const string RuleFile = "a rule file";

    private static YamlMap RootMap(string file, YamlNode root) => YamlMap.Root(file, root, RuleFile, TopLevelKeys);

    private static RuleDefinition ParseOrThrow(string file, Func<YamlMap> root, Func<string?>? documentation, bool builtIn, string? helpUri,
        bool textsLater = false)
    {
        var errors = new ErrorCollector();
        var definition = Parse(file, root, documentation, builtIn, helpUri, errors, out _, textsLater);
        errors.ThrowIfAny();
        return definition!;
    }

    /// <summary>
    /// Reads every key on its own, recording each error in <paramref name="errors"/> (so that a file with several
    /// mistakes reports them all); returns null only when the file is not a mapping at all. <paramref name="compilable"/>
    /// says whether the check and its parameters were read without error, so that compiling them can find more.
    /// </summary>
    internal static RuleDefinition? Parse(string file, YamlNode root, Func<string?>? documentation, bool builtIn, string? helpUri,
        ErrorCollector errors, out bool compilable) =>
        Parse(file, () => RootMap(file, root), documentation, builtIn, helpUri, errors, out compilable);

    /// <param name="textsLater">Read the description, remediation, references, equivalents and citation when first
    /// asked for (<see cref="RuleDescriptor.TextsSource"/>): only for the built-in rules, which cannot have an error
    /// there (the tests read every one of them); any other file has them read now, every error reported at load.</param>
    private static RuleDefinition? Parse(string file, Func<YamlMap> root, Func<string?>? documentation, bool builtIn, string? helpUri,
        ErrorCollector errors, out bool compilable, bool textsLater = false)
    {
        compilable = false;
        var map = errors.Try(root, null!);
        if (map is null) return null;
        var unknown = map.UnknownKeys(TopLevelKeys, "a rule").ToList();
        errors.AddRange(unknown);
        // A misspelt required key is one mistake: "unknown key 'titel' (did you mean 'title'?)", not also "missing 'title'".
        var misspelt = unknown.Select(e => e.Suggestion).OfType<string>().ToList();
        // Each key is read on its own; the readers are static (no closure per key per rule: every run reads ~200 rules).
        T Required<T>(string key, Func<YamlMap, T> read, T fallback) => !map.Has(key) && misspelt.Contains(key) ? fallback : errors.Try(map, read, fallback);
        var id = Required("id", ReadId, "CL0000");
        var name = Required("name", ReadName, "invalid-name");
        var severity = Required("severity", ReadSeverity, Severity.Error);
        var security = errors.Try(map, static map =>
        {
            var value = map.Number("securitySeverity");
            return value is < 0 or > 10 ? throw map.Error(map.Get("securitySeverity")!, "securitySeverity must be between 0.0 and 10.0", "securitySeverity") : value;
        }, null);
        var precision = errors.Try(map, static map =>
        {
            var value = map.String("precision") ?? "very-high";
            return Precisions.Contains(value) ? value
                : throw map.Error(map.Get("precision")!, $"precision {SafeText.Quote(value)} must be one of {string.Join(", ", Precisions)}{Suggest.DidYouMean(value, Precisions)}", "precision");
        }, "very-high");
        var message = errors.Try(map, static map => map.String("message"), null);
        var effective = errors.Try(map, RuleMetadataReader.Effective, (null, null));
        var folder = builtIn ? FolderPack(file) : null;
        var pack = errors.Try((map, folder), static s => RuleMetadataReader.Pack(s.map, s.folder), RuleMetadataReader.CustomPack);

        var texts = textsLater ? null : Texts(file, map, errors);
        var descriptor = new RuleDescriptor
        {
            Id = id,
            Name = name,
            Title = Required("title", static map => map.RequireString("title"), ""),
            Description = texts?.Description ?? "",
            DefaultSeverity = severity,
            Remediation = texts?.Remediation ?? "",
            References = texts?.References ?? [],
            Tags = errors.Try(map, static map => map.StringList("tags"), null) ?? [],
            SecuritySeverity = security,
            Precision = precision,
            HelpUri = folder is not null ? RuleLoader.HelpUri(folder, name) : helpUri ?? "",
            DocumentationSource = documentation,
            Source = builtIn ? "builtin:" + file : file,
            Pack = pack,
            InPackScope = errors.Try(map, static map => map.Bool("packScope"), null) ?? true,
            Equivalents = texts?.Equivalents!, // null when read later: the descriptor takes them from TextsSource
            Citation = texts?.Citation,
            TextsSource = texts is null ? () => Texts(file, map) : null,
        };
        var before = errors.Count;
        var parameters = errors.Try((file, map, errors), static s => s.map.Get("parameters") is { } p ? RuleParameterReader.Read(s.file, p, s.errors) : [], []);
        // Only whether there is a check: its tree is built when the rule is compiled for a subject (RuleDefinition.Check).
        var hasCheck = Required("check", static map => map.Has("check") || map.Require("check") is null, false);
        compilable = errors.Count == before && hasCheck;
        return new RuleDefinition
        {
            File = file,
            Descriptor = descriptor,
            EnabledByDefault = errors.Try(map, static map => map.Bool("enabled"), null) ?? true,
            Parameters = parameters,
            Where = map.Get("where"),
            Message = message,
            TopLevel = map,
            EffectiveFrom = effective.From,
            EffectiveUntil = effective.Until,
        };
    }

    private static RuleTexts Texts(string file, YamlMap map, ErrorCollector errors) => new(
        errors.Try(map, static map => map.String("description")?.Trim(), null) ?? "",
        errors.Try(map, static map => map.String("remediation")?.Trim(), null) ?? "",
        errors.Try((file, map, errors), static s => s.map.Has("references") ? ReadReferences(s.file, s.map, s.errors) : [], []),
        errors.Try(map, RuleMetadataReader.Equivalents, null) ?? new SortedDictionary<string, IReadOnlyList<string>>(),
        errors.Try(map, RuleMetadataReader.Citation, null));

    /// <summary>A built-in rule's texts, read when first asked for; an error (none: the tests read them all) is thrown then.</summary>
    private static RuleTexts Texts(string file, YamlMap map)
    {
        var errors = new ErrorCollector();
        var texts = Texts(file, map, errors);
        errors.ThrowIfAny();
        return texts;
    }

    private static string ReadId(YamlMap map)
    {
        var id = map.RequireString("id");
        return RuleNames.IsId(id) ? id : throw map.Error(map.Get("id")!, $"id {SafeText.Quote(id)} must look like CL0101: 2-5 capital letters then 3-5 digits", "id");
    }

    private static string ReadName(YamlMap map)
    {
        var name = map.RequireString("name");
        if (!RuleNames.IsName(name)) throw map.Error(map.Get("name")!, $"name {SafeText.Quote(name)} must be kebab-case (lower-case letters, digits and '-')", "name");
        return name == "directories" ? throw map.Error(map.Get("name")!, "'directories' is reserved (config rules.directories)", "name") : name;
    }

    private static Severity ReadSeverity(YamlMap map)
    {
        var text = map.RequireString("severity");
        return Severities.Contains(text) && SeverityText.TryParse(text, out var severity) ? severity
            : throw map.Error(map.Get("severity")!, $"severity {SafeText.Quote(text)} must be error, warning or note{Suggest.DidYouMean(text, Severities)}", "severity", Suggest.Closest(text, Severities));
    }

    /// <summary>rules/x.yml is core; rules/PACK/x.yml is PACK.</summary>
    private static string FolderPack(string resource)
    {
        var path = resource.AsSpan();
        var last = path.LastIndexOfAny('/', '\\');
        var before = last < 0 ? -1 : path[..last].LastIndexOfAny('/', '\\');
        return before < 0 ? RuleMetadataReader.CorePack : path[(before + 1)..last].ToString();
    }

    /// <summary>Each reference on its own: a mistake in one does not hide a mistake in the next.</summary>
    private static RuleReference[] ReadReferences(string file, YamlMap rule, ErrorCollector errors)
    {
        var count = rule.ListLength("references") ?? throw YamlValues.Error(file, rule.Get("references")!,
            $"'references' must be a list, not {YamlValues.Describe(rule.Get("references")!)}", "references");
        var references = new List<RuleReference>(count);
        for (var i = 0; i < count; i++)
        {
            if (errors.Try((rule, i), static s => ReadReference(s.rule.ItemMap("references", s.i, "a reference")), null) is { } reference)
                references.Add(reference);
        }
        return [.. references];
    }

    private static RuleReference ReadReference(YamlMap r)
    {
        r.RejectUnknown(["title", "url"], "a reference");
        var url = r.String("url");
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) throw r.Error(r.Get("url")!, $"{SafeText.Quote(url)} is not an absolute URL", "url");
        return new RuleReference(r.RequireString("title"), url);
    }
}
