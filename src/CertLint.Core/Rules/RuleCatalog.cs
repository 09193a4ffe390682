using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;

namespace CertLint.Rules;

/// <summary>
/// The rules of one run: built-ins from the packs in `extends`, plus every rule in the rule directories,
/// compiled with the configured parameters and severities. Duplicate ids or names and config entries naming
/// no rule are errors at their file:line:col.
/// </summary>
public sealed class RuleCatalog
{
    public const string Recommended = "builtin:recommended";
    public const string All = "builtin:all";
    public const string None = "builtin:none";
    public static readonly IReadOnlyList<string> Packs = [Recommended, All, None];

    private RuleCatalog(IReadOnlyList<CompiledRule> rules, IReadOnlyList<CompiledRule> inForce, IReadOnlySet<string> packsOn)
    {
        Rules = rules;
        InForce = inForce;
        PacksOn = packsOn;
    }

    /// <summary>The built-in packs whose rules run (custom rules run whatever their pack).</summary>
    public IReadOnlySet<string> PacksOn { get; }

    /// <summary>Every built-in pack.</summary>
    public static IReadOnlyList<PackInfo> BuiltInPacks => RuleLoader.LoadPacks();

    /// <summary>Every loaded rule (built-in and custom), compiled, sorted by id; includes rules that are off.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The rules that run: in a pack or custom, and not `off`; sorted by id.</summary>
    public IReadOnlyList<CompiledRule> InForce { get; }

    public IReadOnlyList<RuleDescriptor> Descriptors => InForce.Select(r => r.Descriptor).ToArray();

    /// <summary>A rule by name or id (case-insensitive), among all loaded rules.</summary>
    public CompiledRule? Find(string nameOrId) => Rules.FirstOrDefault(r =>
        r.Name.Equals(nameOrId, StringComparison.OrdinalIgnoreCase) || r.Id.Equals(nameOrId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The rules that name a lint of another linter (NAME or LINTER:NAME) among their equivalents.</summary>
    public IReadOnlyList<CompiledRule> FindByEquivalent(string name) => Rules.Where(r => r.Descriptor.HasEquivalent(name)).ToArray();

    /// <summary>The built-in rules with their defaults (zero configuration).</summary>
    public static RuleCatalog LoadBuiltIn() => Load(RuleLoader.LoadBuiltIn(), [], [Recommended], new Dictionary<string, RuleOverride>());

    /// <summary>Built-ins per <see cref="LintSettings.Extends"/> plus <see cref="LintSettings.RuleDirectories"/>, with overrides.</summary>
    /// <param name="everyPack">Load the rules of the packs that are off too (listing and explaining rules). A lint
    /// leaves them unparsed unless the configuration names one of them or custom rules need the check for duplicate
    /// ids and names: either way the result (rules in force, errors) is the same as with every pack loaded.</param>
    public static RuleCatalog Load(LintSettings settings, PrimitiveRegistry? registry = null, bool everyPack = false)
    {
        var custom = settings.RuleDirectories.SelectMany(RuleLoader.LoadDirectory).ToArray();
        var packsOn = PackSelection.Resolve(settings.Packs, RuleLoader.LoadPacks(), settings.PacksOrigin);
        var builtIn = RuleLoader.LoadBuiltIn(packsOn.Append(RuleMetadataReader.CorePack).ToArray());
        if (everyPack || custom.Length > 0 || !NamesOnly(builtIn, settings)) builtIn = RuleLoader.LoadBuiltIn();
        var catalog = Load(builtIn, custom, settings.Extends, settings.RuleOverrides, registry, packsOn, deferBuiltIns: !everyPack);
        catalog.CheckSuppressions(settings.Suppressions);
        return catalog;
    }

    /// <summary>Every rule the configuration names (overrides, suppressions) is among <paramref name="rules"/>.</summary>
    private static bool NamesOnly(IReadOnlyList<RuleDefinition> rules, LintSettings settings)
    {
        var known = rules.SelectMany(r => new[] { r.Name, r.Id }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return settings.RuleOverrides.Keys.All(known.Contains) && settings.Suppressions.All(s => s.Rule == "*" || known.Contains(s.Rule));
    }

    /// <summary>A suppression naming no loaded rule is a mistake worth an error, not a silent no-op.</summary>
    public void CheckSuppressions(IReadOnlyList<SuppressionEntry> suppressions)
    {
        foreach (var s in suppressions)
        {
            if (s.Rule == "*" || Find(s.Rule) is not null) continue;
            var suggestion = Suggest.Closest(s.Rule, Rules.Select(r => r.Name));
            var where = s.Origin ?? new ConfigOrigin(s.Source, 1, 1);
            throw where.Error($"suppression names unknown rule '{s.Rule}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", "rule", suggestion);
        }
    }

    /// <summary>Compiles given definitions (tests, `rules validate`).</summary>
    /// <param name="deferBuiltIns">Compile each built-in rule the configuration does not override when a subject first
    /// needs it (a lint run; see <see cref="RuleCompiler.CompileDeferred"/>), not now. Custom and overridden rules are
    /// always compiled now, so that their errors stop the run at load.</param>
    public static RuleCatalog Load(IReadOnlyList<RuleDefinition> builtIn, IReadOnlyList<RuleDefinition> custom,
        IReadOnlyList<string> extends, IReadOnlyDictionary<string, RuleOverride> overrides, PrimitiveRegistry? registry = null,
        IReadOnlySet<string>? packsOn = null, bool deferBuiltIns = false)
    {
        packsOn ??= PackSelection.Resolve(null, RuleLoader.LoadPacks(), null);
        CheckUnique(builtIn.Concat(custom));
        var all = builtIn.Concat(custom).ToArray();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rules = new List<CompiledRule>();
        var inForce = new List<CompiledRule>();
        var allBuiltIns = extends.Contains(All);
        var recommended = allBuiltIns || extends.Contains(Recommended);
        foreach (var def in all)
        {
            var ov = Override(overrides, def, used);
            var rule = deferBuiltIns && ov is null && def.Descriptor.IsBuiltIn
                ? RuleCompiler.CompileDeferred(def, registry)
                : RuleCompiler.Compile(def, ov?.Parameters, registry, ov?.Origin, ov?.Severity);
            rules.Add(rule);
            var isBuiltIn = def.Descriptor.IsBuiltIn;
            var inPack = !isBuiltIn || (packsOn.Contains(def.Descriptor.Pack)
                && (allBuiltIns || (recommended && def.EnabledByDefault) || ov?.Severity is not null));
            if (inPack && rule.Severity != Severity.None) inForce.Add(rule);
        }
        foreach (var (key, ov) in overrides)
        {
            if (used.Contains(key)) continue;
            var names = all.Select(d => d.Name).ToArray();
            var suggestion = Suggest.Closest(key, names);
            var where = ov.Origin ?? new ConfigOrigin("configuration", 1, 1);
            throw where.Error($"unknown rule '{key}' in 'rules'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", key, suggestion);
        }
        static IReadOnlyList<CompiledRule> Sorted(IEnumerable<CompiledRule> r) => r.OrderBy(x => x.Id, StringComparer.Ordinal).ToArray();
        return new RuleCatalog(Sorted(rules), Sorted(inForce), packsOn);
    }

    private static RuleOverride? Override(IReadOnlyDictionary<string, RuleOverride> overrides, RuleDefinition def, HashSet<string> used)
    {
        foreach (var key in new[] { def.Name, def.Id })
        {
            foreach (var (k, v) in overrides)
            {
                if (!k.Equals(key, StringComparison.OrdinalIgnoreCase)) continue;
                used.Add(k);
                return v;
            }
        }
        return null;
    }

    private static void CheckUnique(IEnumerable<RuleDefinition> definitions)
    {
        var ids = new Dictionary<string, RuleDefinition>(StringComparer.OrdinalIgnoreCase);
        var names = new Dictionary<string, RuleDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in definitions)
        {
            if (ids.TryGetValue(d.Id, out var first))
                throw YamlValues.Error(d.File, d.IdNode, $"duplicate rule id '{d.Id}': already used by {first.Name} in {first.File}", "id");
            if (names.TryGetValue(d.Name, out first))
                throw YamlValues.Error(d.File, d.NameNode, $"duplicate rule name '{d.Name}': already used by {first.Id} in {first.File}", "name");
            ids[d.Id] = d;
            names[d.Name] = d;
        }
    }
}
