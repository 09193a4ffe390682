using CertLint.Configuration.Yaml;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>A built-in rule pack: rules/PACK/pack.yml (core is the rules/*.yml folder itself).</summary>
public sealed record PackInfo(string Name, string Title, string Description, bool EnabledByDefault, IReadOnlyList<RuleReference> References)
{
    /// <summary>The pack's `scope:`, compiled when a rule of the pack first needs it (a built-in's is compiled by the
    /// tests; `certlint rules validate` compiles a user's); null when the pack has none.</summary>
    public Compilation.PackScope? Scope => _scope?.Value;

    private Lazy<Compilation.PackScope>? _scope;

    public static readonly PackInfo Core = new(RuleMetadataReader.CorePack, "Core rules",
        "CertLint's own checks: parse errors, expiry, usage, keys, chains, names and TLS handshakes.", true, []);

    public static PackInfo Parse(string file, YamlNode root, string folder)
    {
        var errors = new ErrorCollector();
        var pack = Parse(file, root, folder, errors, compileScope: false);
        errors.ThrowIfAny();
        return pack!;
    }

    /// <summary>Every error of a pack manifest, each once (`certlint rules validate rules/PACK/pack.yml`).</summary>
    public static IReadOnlyList<Engine.ConfigurationException> Check(string file, YamlNode root, string folder)
    {
        var errors = new ErrorCollector();
        Parse(file, root, folder, errors, compileScope: true);
        return errors.Errors;
    }

    private static PackInfo? Parse(string file, YamlNode root, string folder, ErrorCollector errors, bool compileScope)
    {
        var map = errors.Try(() => new YamlMap(file, root, "a pack file"), null);
        if (map is null) return null;
        var unknown = map.UnknownKeys(["name", "title", "description", "enabled", "scope", "references"], "a pack file").ToList();
        errors.AddRange(unknown);
        // A misspelt required key is one mistake: "unknown key 'nmae' (did you mean 'name'?)", not also "missing 'name'".
        string? Required(string key) => !map.Has(key) && unknown.Any(u => u.Suggestion == key) ? null : errors.Try(() => map.RequireString(key), null);
        var name = Required("name");
        if (name is not null && name != folder)
            errors.Add(map.Error(map.Get("name")!, $"pack name '{name}' must be its folder's name '{folder}'", "name", folder));
        var title = Required("title");
        var description = errors.Try(() => map.String("description")?.Trim() ?? "", "");
        var enabled = errors.Try(() => map.Bool("enabled") ?? false, false);
        var references = errors.Try(() => map.Get("references") is YamlSequenceNode seq
            // One Select: a Select after another LINQ operator is a generic virtual call, resolved at run time on its first
            // call under Native AOT (docs/performance.md, Session 10 (h10s)).
            ? seq.Children.Select(c =>
            {
                var r = new YamlMap(file, c, "a reference");
                return new RuleReference(r.RequireString("title"), r.String("url"));
            }).ToArray()
            : [], []);
        var scopeNode = map.Get("scope");
        // Checked now only where every error is wanted (validate); a run compiles it when a rule of the pack needs it.
        if (scopeNode is not null && compileScope) errors.Try(() => Compilation.PackScope.Compile(file, scopeNode), null);
        return name is null || title is null ? null : new PackInfo(name, title, description, enabled, references)
        {
            _scope = scopeNode is null ? null : new(() => Compilation.PackScope.Compile(file, scopeNode)),
        };
    }
}
