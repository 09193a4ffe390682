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
        ["extends", "packs", "paths", "include", "exclude", "failOn", "trust", "validation", "hosts", "mailboxes", "roles", "passwordEnv", "passwords", "rules", "suppressions", "selfTest", "endpoints", "limits"];
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
            var splittable = key is YamlScalarNode { Value: "rules" or "roles" or "hosts" or "mailboxes" or "passwords" or "suppressions" or "include" or "exclude" or "paths" };
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
            Hosts = NamesByPath(file, map, "hosts"),
            Mailboxes = NamesByPath(file, map, "mailboxes"),
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

    /// <summary>`hosts` or `mailboxes`: a list applies to every certificate; a mapping gives the names per path glob.</summary>
    private static PathHosts[]? NamesByPath(string file, YamlMap map, string key) =>
        map.Get(key) is YamlSequenceNode list ? [new PathHosts("**", YamlValues.StringList(file, list, key))]
            : GlobMap(file, map, key, (node, glob) => new PathHosts(glob, YamlValues.StringList(file, node, key)));
}
