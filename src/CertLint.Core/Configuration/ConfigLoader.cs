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
        ["extends", "packs", "paths", "include", "exclude", "failOn", "trust", "validation", "hosts", "roles", "passwordEnv", "passwords", "rules", "suppressions", "selfTest", "endpoints"];
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

    /// <param name="file">Name used in errors.</param>
    /// <param name="text">YAML text.</param>
    /// <param name="baseDirectory">Folder that relative file paths (anchors, rule directories, paths) are relative to.</param>
    public static CertLintConfig Parse(string file, string text, string baseDirectory) => Parse(file, SafeYaml.Load(file, text), baseDirectory);

    private static CertLintConfig Parse(string file, YamlNode root, string baseDirectory)
    {
        var map = new YamlMap(file, root, "the configuration");
        map.RejectUnknown(TopLevelKeys, "the configuration");
        string Abs(string p) => Path.GetFullPath(Path.Combine(baseDirectory, p));
        var fileOrigins = new Dictionary<string, ConfigOrigin>(StringComparer.Ordinal);

        IReadOnlyList<string>? trustAnchors = null;
        bool? fromScan = null;
        if (map.Get("trust") is { } trustNode)
        {
            var trust = new YamlMap(file, trustNode, "'trust'");
            trust.RejectUnknown(["anchors", "fromScan"], "'trust'");
            trustAnchors = FileList(file, trust, "anchors", Abs, fileOrigins);
            fromScan = trust.Bool("fromScan");
        }
        var (overrides, directories) = map.Get("rules") is { } rulesNode ? ReadRules(file, rulesNode) : (null, null);
        return new CertLintConfig
        {
            File = file,
            Extends = map.Get("extends") is { } e ? ReadExtends(file, e) : null,
            Paths = map.StringList("paths")?.Select(Abs).ToArray(),
            Include = Globs(file, map, "include"),
            Exclude = Globs(file, map, "exclude"),
            FailOn = map.Get("failOn") is { } f ? Severity(file, f, "failOn", FailOnValues) : null,
            TrustAnchors = trustAnchors,
            AnchorsFromScan = fromScan,
            Validation = map.Get("validation") is { } v ? ReadValidation(file, v, Abs, fileOrigins) : null,
            FileOrigins = fileOrigins,
            // hosts: a list applies to every certificate; a mapping gives host names per path glob.
            Hosts = map.Get("hosts") is YamlSequenceNode hostList ? [new PathHosts("**", YamlValues.StringList(file, hostList, "hosts"))]
                : GlobMap(file, map, "hosts", (node, glob) => new PathHosts(glob, YamlValues.StringList(file, node, "hosts"))),
            Roles = GlobMap(file, map, "roles", (node, glob) => new PathRole(glob, Role(file, node))),
            PasswordEnv = map.Get("passwordEnv") is { } pe ? EnvName(file, pe) : null,
            Passwords = GlobMap(file, map, "passwords", (node, glob) => new PathPassword(glob, EnvName(file, node))),
            RuleDirectories = directories?.Select(Abs).ToArray(),
            Packs = map.StringList("packs"),
            PacksOrigin = map.Get("packs") is { } packsNode ? new ConfigOrigin(file, (int)packsNode.Start.Line, (int)packsNode.Start.Column) : null,
            RuleOverrides = overrides,
            Suppressions = map.Get("suppressions") is { } s ? SuppressionReader.Read(file, s) : null,
            SelfTest = map.Get("selfTest") is { } st ? ReadSelfTest(file, st, Abs) : null,
            Endpoints = map.Get("endpoints") is { } ep ? EndpointsReader.Read(file, ep, Abs) : null,
        };
    }

    /// <summary>`validation`: RFC 5280 §6.1.1 inputs and the path search bound (docs/chains.md).</summary>
    private static ValidationConfig ReadValidation(string file, YamlNode node, Func<string, string> abs, Dictionary<string, ConfigOrigin> origins)
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
        foreach (var (policy, at) in (policies ?? []).Zip(Items(map.Get("policies"))))
        {
            if (!ValidationSettings.IsOid(policy)) throw map.Error(at, $"'policies': '{policy}' is not an OID (dotted numbers, e.g. 2.23.140.1.2.1)", "policies");
        }
        return new ValidationConfig(depth, policies, map.Bool("requireExplicitPolicy"), map.Bool("inhibitPolicyMapping"),
            map.Bool("inhibitAnyPolicy"), FileList(file, map, "crls", abs, origins));
    }

    /// <summary>A list of file paths made absolute, each remembered with its place so a missing file is reported there.</summary>
    private static string[]? FileList(string file, YamlMap map, string key, Func<string, string> abs, Dictionary<string, ConfigOrigin> origins)
    {
        if (map.StringList(key) is not { } paths) return null;
        var absolute = paths.Select(abs).ToArray();
        foreach (var (path, at) in absolute.Zip(Items(map.Get(key))))
        {
            origins.TryAdd(path, new ConfigOrigin(file, (int)at.Start.Line, (int)at.Start.Column));
        }
        return absolute;
    }

    /// <summary>The nodes of a list (a scalar is a list of one).</summary>
    private static IEnumerable<YamlNode> Items(YamlNode? node) => node is YamlSequenceNode seq ? seq.Children : node is null ? [] : [node];

    private static SelfTestPair ReadSelfTest(string file, YamlNode node, Func<string, string> abs)
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
            return new SelfTestSide(cert is null ? null : abs(cert), side.String("key") is { } k ? abs(k) : null,
                pkcs12 is null ? null : abs(pkcs12), side.StringList("trusts")?.Select(abs).ToArray() ?? []);
        }
        return new SelfTestPair(Side("server"), Side("client"), map.String("servername"));
    }

    private static string[] ReadExtends(string file, YamlNode node)
    {
        var packs = YamlValues.StringList(file, node, "extends");
        foreach (var p in packs)
        {
            if (!Packs.Contains(p))
                throw YamlValues.Error(file, node, $"unknown rule pack '{p}'{Suggest.DidYouMean(p, Packs)}; use {string.Join(", ", Packs)}", "extends", Suggest.Closest(p, Packs));
        }
        return packs.ToArray();
    }

    private static (Dictionary<string, RuleOverride>, IReadOnlyList<string>?) ReadRules(string file, YamlNode node)
    {
        var map = new YamlMap(file, node, "'rules'");
        var overrides = new Dictionary<string, RuleOverride>(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<string>? directories = null;
        foreach (var (key, keyNode, value) in map.Entries)
        {
            if (key == "directories")
            {
                directories = YamlValues.StringList(file, value, "directories");
                continue;
            }
            var origin = new ConfigOrigin(file, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
            if (value is YamlScalarNode)
            {
                overrides[key] = new RuleOverride(Severity(file, value, key, SeverityValues), new Dictionary<string, object?>()) { Origin = origin };
                continue;
            }
            var entry = new YamlMap(file, value, $"rule '{key}'");
            entry.RejectUnknown(["severity", "parameters"], $"rule '{key}'");
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
        _ => throw YamlValues.Error(file, node, $"parameter '{key}' must be a value or a list, not {YamlValues.Describe(node)}", key),
    };

    private static Severity Severity(string file, YamlNode node, string key, string[] allowed)
    {
        var text = YamlValues.String(file, node, key);
        return allowed.Contains(text) && SeverityText.TryParse(text, out var s) ? s
            : throw YamlValues.Error(file, node, $"'{key}' must be one of {string.Join(", ", allowed)}, not '{text}'{Suggest.DidYouMean(text, allowed)}", key, Suggest.Closest(text, allowed));
    }

    private static CertificateRole Role(string file, YamlNode node)
    {
        var text = YamlValues.String(file, node, "roles");
        string[] roles = ["client", "server"];
        return text switch
        {
            "client" => CertificateRole.Client,
            "server" => CertificateRole.Server,
            _ => throw YamlValues.Error(file, node, $"role '{text}' must be client or server{Suggest.DidYouMean(text, roles)}", "roles", Suggest.Closest(text, roles)),
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
        foreach (var g in list) CheckGlob(file, map.Get(key)!, g, key);
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
            : throw YamlValues.Error(file, node, $"'{key}' must be a date written yyyy-MM-dd, not '{text}'", key);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvVariable();
}
