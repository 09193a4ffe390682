using CertLint.Engine;

namespace CertLint.Rules.Loading;

/// <summary>
/// Finds and parses rule files: the built-ins embedded in CertLint.Core (`rules/*.yml` with `rules/*.md`) and
/// extra folders of NAME.yml (+ NAME.md). Parsing only; <see cref="RuleCatalog"/> compiles and checks uniqueness.
/// </summary>
public static class RuleLoader
{
    /// <summary>A pack's manifest in its folder (rules/PACK/pack.yml); not a rule.</summary>
    public const string PackFile = "pack.yml";

    /// <summary>Base of every built-in rule's documentation link; the page is rules/NAME.md (rules/PACK/NAME.md in a pack).</summary>
    public const string HelpBase = "https://github.com/certlint/certlint/blob/main/rules/";

    /// <summary>A built-in rule's documentation page: rules/NAME.md for pack core, rules/PACK/NAME.md otherwise.</summary>
    public static string HelpUri(string pack, string name) =>
        HelpBase + (pack == RuleMetadataReader.CorePack ? name : $"{pack}/{name}") + ".md";

    /// <summary>A built-in rule's id, looked up by name in its YAML (ids live there only).</summary>
    public static string IdOf(string name) => BuiltInDescriptor(name).Id;

    /// <summary>A built-in rule's descriptor by name (the engine's own rules are in pack core: the other packs are
    /// parsed only when the name is not there).</summary>
    public static Findings.RuleDescriptor BuiltInDescriptor(string name) =>
        (LoadBuiltIn([RuleMetadataReader.CorePack]).FirstOrDefault(r => r.Name == name) ?? LoadBuiltIn().FirstOrDefault(r => r.Name == name))?.Descriptor
        ?? throw new KeyNotFoundException($"no built-in rule '{name}'");

    private static readonly Lazy<IReadOnlyList<PackInfo>> BuiltInPacks = new(() => LoadPacksUncached());

    /// <summary>Each pack's parsed rules, parsed the first time the pack is asked for: a run with a pack off never
    /// parses its files (some 100–200 YAML files per pack, most of a one-file run's start-up).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<RuleDefinition[]>> PackRules = new(StringComparer.Ordinal);

    /// <summary>The embedded built-in rules of every pack, sorted by id (parsed once per process).</summary>
    public static IReadOnlyList<RuleDefinition> LoadBuiltIn() => LoadBuiltIn(LoadPacks().Select(p => p.Name).ToArray());

    /// <summary>The embedded built-in rules of the given packs (unknown names have none), sorted by id.</summary>
    public static IReadOnlyList<RuleDefinition> LoadBuiltIn(IReadOnlyCollection<string> packs)
    {
        // ToArray before Select: see LoadPacksUncached.
        var lists = packs.Distinct(StringComparer.Ordinal).ToArray().Select(p => PackRules.GetOrAdd(p, name => new(() => LoadPackUncached(name))).Value).ToArray();
        return lists.Length == 1 ? lists[0] : [.. lists.SelectMany(l => l).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>The built-in packs: core first, then rules/PACK/pack.yml by name.</summary>
    public static IReadOnlyList<PackInfo> LoadPacks() => BuiltInPacks.Value;

    /// <summary>Every *.yml / *.yaml file in a folder (not recursive), sorted by name.</summary>
    public static IReadOnlyList<RuleDefinition> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ConfigurationException(directory, 1, 1, "rule directory not found");
        return Directory.EnumerateFiles(directory)
            .Where(f => (f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                && !Path.GetFileName(f).Equals(PackFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(LoadFile)
            .ToArray();
    }

    /// <summary>One rule file; its documentation is the .md file with the same stem beside it.</summary>
    public static RuleDefinition LoadFile(string path)
    {
        var root = Configuration.Yaml.SafeYaml.LoadFile(path, path);
        var doc = Path.ChangeExtension(path, ".md");
        // Documentation is optional: a rule without a readable page (missing, too large, not a regular file) still loads.
        var read = File.Exists(doc) ? Discovery.BoundedFile.Read(doc, Discovery.BoundedFile.ConfigMaxBytes) : default;
        var documentation = read.Ok ? Discovery.BoundedFile.DecodeText(read.Bytes!) : null;
        // No help link: a file:// URI would be broken on GitHub and disclose the machine's paths; SARIF wants an
        // absolute URI, so none at all. The page itself travels as the rule's documentation (explain, SARIF help).
        try
        {
            return RuleParser.Parse(path, root, documentation, builtIn: false, helpUri: null);
        }
        catch (ConfigurationException)
        {
            // A file that does not parse may have mistakes further on too (in its check, `where`, message): all of them.
            var all = new Configuration.Yaml.ErrorCollector();
            all.AddRange(Check(path));
            all.ThrowIfAny();
            throw;
        }
    }

    /// <summary>
    /// Every error of one rule file, each once, in file order (`certlint rules validate`): the keys are read one by
    /// one, then the check, `where` and the message are compiled one by one. Empty when the file is a valid rule.
    /// </summary>
    public static IReadOnlyList<ConfigurationException> Check(string path, Compilation.PrimitiveRegistry? registry = null)
    {
        var errors = new Configuration.Yaml.ErrorCollector();
        var root = errors.Try(() => Configuration.Yaml.SafeYaml.LoadFile(path, path), null!);
        if (root is null) return errors.Errors;
        var definition = RuleParser.Parse(path, root, null, builtIn: false, helpUri: null, errors, out var compilable);
        if (definition is not null && compilable) Compilation.RuleCompiler.Compile(definition, errors, registry: registry);
        return errors.Errors;
    }

    /// <summary>Every error of a pack manifest, each once; the pack's name must be its folder's.</summary>
    public static IReadOnlyList<ConfigurationException> CheckPack(string path)
    {
        var errors = new Configuration.Yaml.ErrorCollector();
        var root = errors.Try(() => Configuration.Yaml.SafeYaml.LoadFile(path, path), null!);
        if (root is null) return errors.Errors;
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "";
        return PackInfo.Check(path, root, folder);
    }

    /// <summary>The pack a built-in rule resource belongs to: rules/NAME.yml is core, rules/PACK/NAME.yml is PACK.</summary>
    private static string PackOf(string resource)
    {
        var slash = resource.IndexOf('/', "rules/".Length);
        return slash < 0 ? RuleMetadataReader.CorePack : resource["rules/".Length..slash];
    }

    /// <summary>The embedded resources' names, read once: each read decodes some 700 names (one per rule, page, pack...).</summary>
    private static readonly Lazy<HashSet<string>> ResourceNames = new(() => typeof(RuleLoader).Assembly.GetManifestResourceNames().ToHashSet(StringComparer.Ordinal));

    /// <summary>The built-in YAML files (rules/NAME.yml, rules/PACK/NAME.yml, rules/PACK/pack.yml) as the pre-parsed form
    /// lists them (those it left out too), so a run decodes no resource names; from the resources when there is no form.</summary>
    private static readonly Lazy<IReadOnlyList<string>> BuiltInYaml = new(() => Precompiled.PrecompiledRules.Default.Names is { Count: > 0 } names
        ? names
        : [.. ResourceNames.Value.Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.Ordinal))]);

    private static RuleDefinition[] LoadPackUncached(string pack)
    {
        // A pack is up to ~120 files, read on every core unless the run is small (Engine.Workers decides; not PLINQ:
        // PLINQ's ordered operators are generic-recursive under Native AOT).
        var files = BuiltInYaml.Value.Where(n => !n.EndsWith("/" + PackFile, StringComparison.Ordinal) && PackOf(n) == pack).ToArray();
        var parsed = new RuleDefinition[files.Length];
        try
        {
            Engine.Workers.For(files.Length, i =>
            {
                var md = files[i][..^4] + ".md";
                Func<string?> documentation = () => ResourceNames.Value.Contains(md) ? Read(md) : null;
                // Read lazily from the pre-parsed form (nodes only for what needs them), else as a tree.
                parsed[i] = Precompiled.PrecompiledRules.Default.Source(files[i]) is { } source
                    ? RuleParser.ParseBuiltIn(files[i], source, documentation)
                    : RuleParser.ParseBuiltIn(files[i], BuiltInRoot(files[i]), documentation);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A broken built-in rule fails as it would sequentially: its own exception, not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return parsed.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();
    }

    private static PackInfo[] LoadPacksUncached()
    {
        // No Select after another LINQ operator here: that call is a generic virtual method, resolved at run time on its first
        // call under Native AOT (docs/performance.md, Session 10 (h10s)).
        var packs = BuiltInYaml.Value.Select(n => n.EndsWith("/" + PackFile, StringComparison.Ordinal) ? PackInfo.Parse(n, BuiltInRoot(n), n.Split('/')[^2]) : null)
            .OfType<PackInfo>()
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        return [PackInfo.Core, .. packs];
    }

    /// <summary>A built-in YAML file's tree: replayed from the build's pre-parsed form, else parsed from its text.</summary>
    internal static YamlDotNet.RepresentationModel.YamlNode BuiltInRoot(string resource) =>
        Precompiled.PrecompiledRules.Default.Root(resource) ?? Configuration.Yaml.SafeYaml.Load(resource, Read(resource));

    internal static string Read(string resource)
    {
        using var stream = typeof(RuleLoader).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
