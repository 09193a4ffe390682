using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;

namespace CertLint.Rules;

/// <summary>One problem found by <see cref="RuleValidator"/>: where, what, the offending key and a suggestion.</summary>
public sealed record RuleDiagnostic(string File, int Line, int Column, string Message, string? Key, string? Suggestion)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error: {Message}";

    public static RuleDiagnostic From(ConfigurationException e) => new(e.File, e.Line, e.Column, e.Problem, e.Key, e.Suggestion);
}

/// <summary>
/// `certlint rules validate`: checks rule files (each on its own, then together with the built-ins for duplicate
/// ids and names) and optionally a config against all of them. Every error of a config and of a rule file is
/// reported (each key, entry and compiled part is read on its own), each once; empty means valid.
/// </summary>
public static class RuleValidator
{
    /// <param name="ruleFiles">Rule files or folders of rule files.</param>
    /// <param name="configFile">A .certlint.yml to check too (its rules.directories are loaded as well).</param>
    /// <param name="registry">Primitives (default: Core's).</param>
    /// <param name="validated">Receives every file read: the config, then each rule file (folders expanded, the config's rules.directories included).</param>
    public static IReadOnlyList<RuleDiagnostic> Validate(IEnumerable<string> ruleFiles, string? configFile = null, PrimitiveRegistry? registry = null,
        ICollection<string>? validated = null)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var definitions = new List<RuleDefinition>();
        var pieces = configFile is null ? [] : ConfigLoader.LoadPieces(configFile);
        diagnostics.AddRange(pieces.Where(p => p.Error is not null).Select(p => RuleDiagnostic.From(p.Error!)));
        var configs = pieces.Where(p => p.Piece is not null).Select(p => p.Piece!).ToList();
        var files = ruleFiles.Concat(configs.SelectMany(c => c.RuleDirectories ?? [])).SelectMany(Expand).Distinct(StringComparer.Ordinal);
        if (configFile is not null) validated?.Add(Path.GetFullPath(configFile));
        var builtIns = RuleLoader.LoadBuiltIn().ToList();
        foreach (var file in files)
        {
            validated?.Add(Path.GetFullPath(file));
            // Validated by what it is: a pack manifest, or a rule file.
            var errors = IsPackManifest(file) ? RuleLoader.CheckPack(file) : RuleLoader.Check(file, registry);
            diagnostics.AddRange(errors.Select(RuleDiagnostic.From));
            if (errors.Count > 0 || IsPackManifest(file)) continue;
            Try(() =>
            {
                var definition = RuleLoader.LoadFile(file);
                definitions.Add(definition);
                // A built-in rule's own source file (rules/X.yml, rules/PACK/X.yml) stands in for its embedded copy:
                // checked against the other rules, not reported as a duplicate of itself.
                builtIns.RemoveAll(b => IsSourceOf(file, b, definition));
            });
        }
        var extends = configs.Select(c => c.Extends).LastOrDefault(e => e is not null) ?? [RuleCatalog.Recommended];
        var before = diagnostics.Count;
        Try(() => RuleCatalog.Load(builtIns, definitions, extends, new Dictionary<string, RuleOverride>(), registry));
        if (diagnostics.Count > before) return Distinct(diagnostics);
        // Each override and suppression on its own, so that every unknown rule or parameter is reported.
        foreach (var c in configs)
        {
            Try(() =>
            {
                var catalog = RuleCatalog.Load(builtIns, definitions, extends, c.RuleOverrides ?? new Dictionary<string, RuleOverride>(), registry);
                catalog.CheckSuppressions(c.Suppressions ?? []);
            });
        }
        return Distinct(diagnostics);

        void Try(Action action)
        {
            try
            {
                action();
            }
            catch (ConfigurationException e)
            {
                diagnostics.AddRange(e.All.Select(RuleDiagnostic.From));
            }
        }
    }

    private static List<RuleDiagnostic> Distinct(List<RuleDiagnostic> diagnostics) =>
        diagnostics.DistinctBy(d => d.ToString()).OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();

    /// <summary>True when <paramref name="file"/> is where the built-in rule <paramref name="builtIn"/> comes from, with its id.</summary>
    private static bool IsSourceOf(string file, RuleDefinition builtIn, RuleDefinition definition) =>
        builtIn.Id.Equals(definition.Id, StringComparison.OrdinalIgnoreCase)
        && Path.GetFullPath(file).Replace('\\', '/').EndsWith("/" + builtIn.File, StringComparison.Ordinal);

    public static bool IsPackManifest(string file) => Path.GetFileName(file).Equals(RuleLoader.PackFile, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
        : [path];
}
