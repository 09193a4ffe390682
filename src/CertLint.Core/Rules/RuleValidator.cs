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
/// ids and names) and optionally a config against all of them. Returns every file's first error; empty means valid.
/// </summary>
public static class RuleValidator
{
    /// <param name="ruleFiles">Rule files or folders of rule files.</param>
    /// <param name="configFile">A .certlint.yml to check too (its rules.directories are loaded as well).</param>
    /// <param name="registry">Primitives (default: Core's).</param>
    public static IReadOnlyList<RuleDiagnostic> Validate(IEnumerable<string> ruleFiles, string? configFile = null, PrimitiveRegistry? registry = null)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var definitions = new List<RuleDefinition>();
        CertLintConfig? config = null;
        if (configFile is not null)
        {
            Try(() => config = ConfigLoader.LoadFile(configFile));
        }
        var files = ruleFiles.Concat(config?.RuleDirectories ?? []).SelectMany(Expand).Distinct(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Try(() =>
            {
                var def = RuleLoader.LoadFile(file);
                RuleCompiler.Compile(def, registry: registry);
                definitions.Add(def);
            });
        }
        if (diagnostics.Count > 0) return diagnostics;
        Try(() =>
        {
            var overrides = config?.RuleOverrides ?? new Dictionary<string, RuleOverride>();
            var catalog = RuleCatalog.Load(RuleLoader.LoadBuiltIn(), definitions, config?.Extends ?? [RuleCatalog.Recommended], overrides, registry);
            catalog.CheckSuppressions(config?.Suppressions ?? []);
        });
        return diagnostics;

        void Try(Action action)
        {
            try
            {
                action();
            }
            catch (ConfigurationException e)
            {
                diagnostics.Add(RuleDiagnostic.From(e));
            }
        }
    }

    private static IEnumerable<string> Expand(string path) => Directory.Exists(path)
        ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)
        : [path];
}
