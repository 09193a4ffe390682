using System.Globalization;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Findings;
using CertLint.Inventory;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>Reads `.certlint.yml` strictly: unknown keys and wrong types are file:line:col errors with suggestions.</summary>
public static partial class ConfigLoader
{
    public const string FileName = ".certlint.yml";
    public static readonly IReadOnlyList<string> FileNames = [FileName, ".certlint.yaml"];
    public static readonly IReadOnlyList<string> TopLevelKeys =
        ["extends", "packs", "paths", "include", "exclude", "failOn", "trust", "validation", "hosts", "roles", "passwordEnv", "passwords", "rules", "suppressions", "selfTest", "endpoints", "limits"];
    private static readonly string[] Packs = ["builtin:recommended", "builtin:all", "builtin:none"];
    private static readonly string[] FailOnValues = ["error", "warning", "note", "none"];
    private static readonly string[] SeverityValues = ["error", "warning", "note", "off"];

    /// <param name="path">The file to read.</param>
    /// <param name="displayName">Name used in errors (default: the path).</param>
    public static CertLintConfig LoadFile(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        return Parse(name, SafeYaml.LoadFile(path, name), Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    /// <summary>
    /// Every error in a config, not only the first: each top-level key, and each entry of a list or mapping under it,
    /// is read on its own (positions stay those of the file). For `certlint rules validate`.
    /// </summary>
    public static IReadOnlyList<(CertLintConfig? Piece, Engine.ConfigurationException? Error)> LoadPieces(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        YamlNode root;
        try
        {
            root = SafeYaml.LoadFile(path, name);
        }
        catch (Engine.ConfigurationException e)
        {
            return [(null, e)];
        }
        if (root is not YamlMappingNode map) return [Try(root)];
        var results = new List<(CertLintConfig?, Engine.ConfigurationException?)>();
        foreach (var (key, value) in map.Children)
        {
            var splittable = key is YamlScalarNode { Value: "rules" or "roles" or "hosts" or "passwords" or "suppressions" or "include" or "exclude" or "paths" };
            IEnumerable<YamlNode> parts = !splittable ? [value] : value switch
            {
                YamlSequenceNode seq when seq.Children.Count > 1 => seq.Children.Select(c => (YamlNode)new YamlSequenceNode(c)),
                YamlMappingNode m when m.Children.Count > 1 => m.Children.Select(c => (YamlNode)new YamlMappingNode(c.Key, c.Value)),
                _ => [value],
            };
            foreach (var part in parts) results.Add(Try(new YamlMappingNode(key, part)));
        }
        return results;

        (CertLintConfig?, Engine.ConfigurationException?) Try(YamlNode node)
        {
            try
            {
                return (Parse(name, node, baseDirectory), null);
            }
            catch (Engine.ConfigurationException e)
            {
                return (null, e);
            }
        }
    }

    /// <param name="file">Name used in errors.</param>
    /// <param name="text">YAML text.</param>
    /// <param name="baseDirectory">Folder that relative file paths (anchors, rule directories, paths) are relative to.</param>
    public static CertLintConfig Parse(string file, string text, string baseDirectory) => Parse(file, SafeYaml.Load(file, text), baseDirectory);

    internal static CertLintConfig Parse(string file, YamlNode root, string baseDirectory)
    {
        var map = YamlMap.Root(file, root, "the configuration", TopLevelKeys);
        map.RejectUnknown(TopLevelKeys, "the configuration");
        var refs = new ConfigReferences(file, baseDirectory);

        IReadOnlyList<string>? trustAnchors = null;
        bool? fromScan = null;
        if (map.Get("trust") is { } trustNode)
        {
            var trust = new YamlMap(file, trustNode, "'trust'");
            trust.RejectUnknown(["anchors", "fromScan"], "'trust'");
            trustAnchors = refs.List(trust.Get("anchors"), "trust.anchors");
            fromScan = trust.Bool("fromScan");
        }
        var (overrides, directories) = map.Get("rules") is { } rulesNode ? ReadRules(file, rulesNode, refs) : (null, null);
        return new CertLintConfig
        {
            File = file,
            Extends = map.Get("extends") is { } e ? ReadExtends(file, e) : null,
            Paths = refs.List(map.Get("paths"), "paths"),
            Include = Globs(file, map, "include"),
            Exclude = Globs(file, map, "exclude"),
            FailOn = map.Get("failOn") is { } f ? Severity(file, f, "failOn", FailOnValues) : null,
            TrustAnchors = trustAnchors,
            AnchorsFromScan = fromScan,
            Validation = map.Get("validation") is { } v ? ReadValidation(file, v, refs) : null,
            // hosts: a list applies to every certificate; a mapping gives host names per path glob.
            Hosts = map.Get("hosts") is YamlSequenceNode hostList ? [new PathHosts("**", YamlValues.StringList(file, hostList, "hosts"))]
                : GlobMap(file, map, "hosts", (node, glob) => new PathHosts(glob, YamlValues.StringList(file, node, "hosts"))),
            Roles = GlobMap(file, map, "roles", (node, glob) => new PathRole(glob, Role(file, node))),
            PasswordEnv = map.Get("passwordEnv") is { } pe ? EnvName(file, pe) : null,
            Passwords = GlobMap(file, map, "passwords", (node, glob) => new PathPassword(glob, EnvName(file, node))),
            RuleDirectories = directories,
            Packs = map.StringList("packs"),
            PacksOrigin = map.Get("packs") is { } packsNode ? new ConfigOrigin(file, (int)packsNode.Start.Line, (int)packsNode.Start.Column) : null,
            RuleOverrides = overrides,
            Suppressions = map.Get("suppressions") is { } s ? SuppressionReader.Read(file, s) : null,
            SelfTest = map.Get("selfTest") is { } st ? ReadSelfTest(file, st, refs) : null,
            Endpoints = map.Get("endpoints") is { } ep ? EndpointsReader.Read(file, ep, refs) : null,
            Limits = map.Get("limits") is { } l ? ReadLimits(file, l) : null,
            References = refs.All,
        };
    }

    /// <summary>`validation`: RFC 5280 §6.1.1 inputs and the path search bound (docs/chains.md).</summary>
    private static ValidationConfig ReadValidation(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'validation'");
        map.RejectUnknown(["maxChainDepth", "policies", "requireExplicitPolicy", "inhibitPolicyMapping", "inhibitAnyPolicy", "crls"], "'validation'");
        int? depth = null;
        if (map.Get("maxChainDepth") is { } d)
        {
            var value = YamlValues.Integer(file, d, "maxChainDepth");
            depth = value is >= 0 and <= ValidationSettings.MaxMaxChainDepth
                ? (int)value
                : throw YamlValues.Error(file, d, $"'maxChainDepth' must be between 0 and {ValidationSettings.MaxMaxChainDepth}", "maxChainDepth");
        }
        var policies = map.StringList("policies");
        // Point at the offending item, not at the list.
        IEnumerable<YamlNode> items = map.Get("policies") is YamlSequenceNode seq ? seq.Children : [.. map.Get("policies") is { } one ? [one] : Array.Empty<YamlNode>()];
        foreach (var (policy, at) in (policies ?? []).Zip(items))
        {
            if (!ValidationSettings.IsOid(policy)) throw map.Error(at, $"'policies': '{policy}' is not an OID (dotted numbers, e.g. 2.23.140.1.2.1)", "policies");
        }
        return new ValidationConfig(depth, policies, map.Bool("requireExplicitPolicy"), map.Bool("inhibitPolicyMapping"),
            map.Bool("inhibitAnyPolicy"), refs.List(map.Get("crls"), "validation.crls"));
    }

    private static SelfTestPair ReadSelfTest(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'selfTest'");
        map.RejectUnknown(["server", "client", "servername"], "'selfTest'");
        SelfTestSide Side(string name)
        {
            var sideNode = map.Get(name) ?? throw YamlValues.Error(file, node, $"'selfTest' needs '{name}' (cert and key, or pkcs12)", name, null);
            var side = new YamlMap(file, sideNode, $"'selfTest.{name}'");
            side.RejectUnknown(["cert", "key", "pkcs12", "trusts"], $"'selfTest.{name}'");
            var cert = side.String("cert");
            var pkcs12 = side.String("pkcs12");
            if (cert is null && pkcs12 is null)
                throw YamlValues.Error(file, sideNode, $"'selfTest.{name}' needs 'cert' and 'key', or 'pkcs12'", name, null);
            string? One(string key) => side.Get(key) is { } n ? refs.One(n, $"selfTest.{name}.{key}") : null;
            return new SelfTestSide(One("cert"), One("key"), One("pkcs12"), refs.List(side.Get("trusts"), $"selfTest.{name}.trusts") ?? []);
        }
        return new SelfTestPair(Side("server"), Side("client"), map.String("servername"));
    }

    /// <summary>`limits`: each value at least 1 and at most its default (limits can be lowered, never raised).</summary>
    private static ScanLimits ReadLimits(string file, YamlNode node)
    {
        var map = new YamlMap(file, node, "'limits'");
        map.RejectUnknown(["kdfIterations", "findingsPerFile", "findingsPerRule"], "'limits'");
        long Read(string key, long max)
        {
            if (map.Get(key) is not { } n) return max;
            var v = YamlValues.Integer(file, n, key);
            return v is >= 1 && v <= max ? v
                : throw YamlValues.Error(file, n, $"'{key}' must be between 1 and {max.ToString(CultureInfo.InvariantCulture)} (limits can be lowered, not raised)", key);
        }
        return new ScanLimits(Read("kdfIterations", ScanLimits.MaxKdfIterations),
            (int)Read("findingsPerFile", ScanLimits.MaxFindingsPerFile), (int)Read("findingsPerRule", ScanLimits.MaxFindingsPerRule));
    }

    private static string[] ReadExtends(string file, YamlNode node)
    {
        var packs = YamlValues.StringList(file, node, "extends");
        foreach (var p in packs)
        {
            if (!Packs.Contains(p))
                throw YamlValues.Error(file, node, $"unknown rule pack {SafeText.Quote(p)}{Suggest.DidYouMean(p, Packs)}; use {string.Join(", ", Packs)}", "extends", Suggest.Closest(p, Packs));
        }
        return packs.ToArray();
    }

    private static (Dictionary<string, RuleOverride>, IReadOnlyList<string>?) ReadRules(string file, YamlNode node, ConfigReferences refs)
    {
        var map = new YamlMap(file, node, "'rules'");
        var overrides = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string>? directories = null;
        foreach (var (key, keyNode, value) in map.Entries)
        {
            if (key == "directories")
            {
                directories = refs.List(value, "rules.directories");
                continue;
            }
            var origin = new ConfigOrigin(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            if (value is YamlScalarNode)
            {
                overrides[key] = new RuleOverride(Severity(file, value, key, SeverityValues), new Dictionary<string, object?>()) { Origin = origin };
                continue;
            }
            var entry = new YamlMap(file, value, $"rule {SafeText.Quote(key)}");
            entry.RejectUnknown(["severity", "parameters"], $"rule {SafeText.Quote(key)}");
            var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (entry.Get("parameters") is { } pNode)
            {
                foreach (var (name, _, v) in new YamlMap(file, pNode, "'parameters'").Entries) parameters[name] = PlainValue(file, v, name);
            }
            var severity = entry.Get("severity") is { } sNode ? Severity(file, sNode, "severity", SeverityValues) : (Severity?)null;
            overrides[key] = new RuleOverride(severity, parameters) { Origin = origin };
        }
        return (overrides, directories);
    }

    /// <summary>A parameter value as the rule compiler expects it: long, double, bool, string or a list of strings.</summary>
    private static object? PlainValue(string file, YamlNode node, string key) => node switch
    {
        YamlScalarNode s => YamlValues.Typed(s),
        YamlSequenceNode => YamlValues.StringList(file, node, key),
        _ => throw YamlValues.Error(file, node, $"parameter {SafeText.Quote(key)} must be a value or a list, not {YamlValues.Describe(node)}", key),
    };

    private static Severity Severity(string file, YamlNode node, string key, string[] allowed)
    {
        var text = YamlValues.String(file, node, key);
        return allowed.Contains(text) && SeverityText.TryParse(text, out var s) ? s
            : throw YamlValues.Error(file, node, $"'{key}' must be one of {string.Join(", ", allowed)}, not {SafeText.Quote(text)}{Suggest.DidYouMean(text, allowed)}", key, Suggest.Closest(text, allowed));
    }

    private static CertificateRole Role(string file, YamlNode node)
    {
        var text = YamlValues.String(file, node, "roles");
        string[] roles = ["client", "server"];
        return text switch
        {
            "client" => CertificateRole.Client,
            "server" => CertificateRole.Server,
            _ => throw YamlValues.Error(file, node, $"role {SafeText.Quote(text)} must be client or server{Suggest.DidYouMean(text, roles)}", "roles", Suggest.Closest(text, roles)),
        };
    }

    private static string EnvName(string file, YamlNode node)
    {
        var name = YamlValues.String(file, node, "passwords");
        return EnvVariable().IsMatch(name) ? name
            : throw YamlValues.Error(file, node, "the value must be the name of an environment variable holding the password, never the password itself", "passwords");
    }

    private static string[]? Globs(string file, YamlMap map, string key)
    {
        var list = map.StringList(key);
        if (list is null) return null;
        var node = map.Get(key)!;
        for (var i = 0; i < list.Count; i++)
        {
            var at = node is YamlSequenceNode seq ? seq.Children[i] : node;
            try
            {
                GlobList.Check(list[i]);
            }
            catch (ArgumentException e)
            {
                throw YamlValues.Error(file, at, $"bad glob in '{key}': {e.Message}", key);
            }
        }
        return list.ToArray();
    }

    /// <summary>A mapping of glob to value (roles, hosts, passwords), kept in file order.</summary>
    private static T[]? GlobMap<T>(string file, YamlMap map, string key, Func<YamlNode, string, T> read)
    {
        if (map.Get(key) is not { } node) return null;
        return new YamlMap(file, node, $"'{key}'").Entries.Select(e =>
        {
            CheckGlob(file, e.KeyNode, e.Key, key);
            return read(e.Value, e.Key);
        }).ToArray();
    }

    internal static void CheckGlob(string file, YamlNode node, string glob, string key)
    {
        try
        {
            GlobCache.Get(glob);
        }
        catch (ArgumentException e)
        {
            throw YamlValues.Error(file, node, $"bad glob in '{key}': {e.Message}", key);
        }
    }

    internal static DateOnly? Date(string file, YamlNode node, string key)
    {
        var text = YamlValues.String(file, node, key);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
            : throw YamlValues.Error(file, node, $"'{key}' must be a date written yyyy-MM-dd, not {SafeText.Quote(text)}", key);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvVariable();
}
