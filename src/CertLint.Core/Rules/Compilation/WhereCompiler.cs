using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// Compiles `where:` into the subject kinds a rule applies to and a predicate; the framework, not the check,
/// decides "not applicable", so a rule never reports on what it was not meant for.
/// </summary>
internal static class WhereCompiler
{
    public static readonly IReadOnlyList<string> Keys = ["kind", "leaf", "role", "paths", "excludePaths", "match"];
    public static readonly IReadOnlyDictionary<string, SubjectKind> KindNames = new Dictionary<string, SubjectKind>
    {
        ["certificate"] = SubjectKind.Certificate,
        ["key"] = SubjectKind.Key,
        ["keystore"] = SubjectKind.Keystore,
        ["file"] = SubjectKind.File,
        ["endpoint"] = SubjectKind.Endpoint,
        ["usage"] = SubjectKind.Usage,
        ["crl"] = SubjectKind.Crl,
    };
    private static readonly string[] RoleNames = [.. Names.RoleNames.Select(r => r.Name), "unknown"];

    /// <summary>The kinds named by `where.kind`, or the defaults when absent.</summary>
    public static IReadOnlySet<SubjectKind> Kinds(string file, YamlNode? where, IReadOnlySet<SubjectKind> defaults)
    {
        if (where is not YamlMappingNode) return defaults;
        var map = new YamlMap(file, where, "'where'");
        if (map.Get("kind") is not { } node) return defaults;
        var set = new HashSet<SubjectKind>();
        foreach (var name in YamlValues.StringList(file, node, "kind"))
        {
            if (!KindNames.TryGetValue(name, out var kind))
                throw map.Error(node, $"unknown kind '{name}'{Suggest.DidYouMean(name, KindNames.Keys)}; use certificate, key, keystore, file, endpoint, usage or crl", "kind", Suggest.Closest(name, KindNames.Keys));
            set.Add(kind);
        }
        return set;
    }

    /// <summary>
    /// The `where:` test beyond the subject's kind (<see cref="CompiledRule.AppliesTo"/> tests the kind), or null when
    /// there is none. Asked for every (rule, subject) pair: a single test is returned as it is, not wrapped in a loop.
    /// </summary>
    public static SubjectTest? Compile(CompileContext ctx, YamlNode? where)
    {
        if (where is null) return null;
        var tests = new List<SubjectTest>();
        var map = new YamlMap(ctx.File, where, "'where'");
        // Each key on its own, so that every mistake in `where` is reported.
        var errors = new ErrorCollector();
        errors.AddRange(map.UnknownKeys(Keys, "'where'"));
        if (map.Get("leaf") is { } leafNode) errors.Try(() =>
        {
            RequireCertificates(ctx, leafNode, "leaf");
            var leaf = YamlValues.Bool(ctx.File, leafNode, "leaf");
            tests.Add((s, ctx) => s.Certificate is { } c && ctx.Inventory.IsLeaf(c) == leaf);
        });
        if (map.Get("role") is { } roleNode) errors.Try(() => tests.Add(Role(ctx, roleNode)));
        if (map.Get("paths") is { } pathsNode) errors.Try(() =>
        {
            var globs = Globs(ctx, pathsNode, "paths");
            tests.Add((s, _) => globs.Any(g => g.IsMatch(s.File.File.RelativePath)));
        });
        if (map.Get("excludePaths") is { } excludeNode) errors.Try(() =>
        {
            var globs = Globs(ctx, excludeNode, "excludePaths");
            tests.Add((s, _) => !globs.Any(g => g.IsMatch(s.File.File.RelativePath)));
        });
        if (map.Get("match") is { } matchNode) errors.Try(() => tests.Add(new AssertionCompiler(ctx).CompileSubject(matchNode)));
        errors.ThrowIfAny();
        SubjectTest predicate;
        switch (tests.Count)
        {
            case 0:
                return null; // `where: { kind: ... }` only
            case 1:
                predicate = tests[0];
                break;
            default:
                var all = tests.ToArray();
                predicate = (s, c) =>
                {
                    foreach (var t in all)
                    {
                        if (!t(s, c)) return false;
                    }
                    return true;
                };
                break;
        }
        return Shared(ctx, where, predicate);
    }

    private static readonly Dictionary<string, int> SharedSlots = new(StringComparer.Ordinal);

    /// <summary>
    /// Rules with the same `where:` (a hundred CA/B Forum rules say "a subscriber certificate") decide it once per
    /// subject: the answer is kept in the subject's field memo under a slot per distinct clause. A clause that names a
    /// parameter may differ between rules with the same text, so it is not shared.
    /// </summary>
    private static SubjectTest Shared(CompileContext ctx, YamlNode where, SubjectTest predicate)
    {
        var text = new System.Text.StringBuilder();
        if (!Canonical(where, text, depth: 0)) return predicate;
        var key = text.Append('|').AppendJoin(',', ctx.Kinds.Order()).ToString();
        int id;
        lock (SharedSlots) // rules may compile on several threads (deferred compilation)
        {
            if (!SharedSlots.TryGetValue(key, out id)) SharedSlots[key] = id = SharedSlots.Count;
        }
        var slot = Fields.FieldMemo.SlotOf($"where#{id}");
        Fields.FieldAccessor read = (s, c) => Fields.Boxes.Of(predicate(s, c));
        return (s, c) => (bool)Fields.FieldMemo.Get(s, c, slot, read)!;
    }

    /// <summary>The clause as text that differs whenever its meaning can; false when it cannot be shared.</summary>
    private static bool Canonical(YamlNode node, System.Text.StringBuilder text, int depth)
    {
        if (depth > 64) return false;
        switch (node)
        {
            case YamlScalarNode s:
                if (s.Value is { } v && v.Contains("${", StringComparison.Ordinal)) return false;
                // Quoted and plain scalars type differently ('3' is a string, 3 an integer): the style is part of it.
                text.Append(s.Style is YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any ? 'p' : 'q')
                    .Append(s.Tag.IsEmpty ? "" : s.Tag.Value).Append('"').Append(s.Value?.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                return true;
            case YamlSequenceNode seq:
                text.Append('[');
                foreach (var child in seq.Children)
                {
                    if (!Canonical(child, text, depth + 1)) return false;
                    text.Append(',');
                }
                text.Append(']');
                return true;
            case YamlMappingNode map:
                text.Append('{');
                foreach (var (key, value) in map.Children)
                {
                    if (!Canonical(key, text, depth + 1)) return false;
                    text.Append(':');
                    if (!Canonical(value, text, depth + 1)) return false;
                    text.Append(',');
                }
                text.Append('}');
                return true;
            default:
                return false;
        }
    }

    private static SubjectTest Role(CompileContext ctx, YamlNode roleNode)
    {
        RequireCertificates(ctx, roleNode, "role");
        var roles = StringList(ctx, roleNode, "role");
        foreach (var r in roles)
        {
            if (!RoleNames.Contains(r))
                throw ctx.Error(roleNode, $"unknown role '{r}'{Suggest.DidYouMean(r, RoleNames)}; use {string.Join(", ", RoleNames[..^1])} or unknown", "role", Suggest.Closest(r, RoleNames));
        }
        var wanted = Names.RoleNames.Where(n => roles.Contains(n.Name)).Aggregate(CertificateRole.Unknown, (a, n) => a | n.Role);
        var unknown = roles.Contains("unknown");
        return (s, c) => s.Certificate is { } cert && c.Inventory.RoleOf(cert) is var role &&
            ((role & wanted) != 0 || (unknown && role == CertificateRole.Unknown));
    }

    private static void RequireCertificates(CompileContext ctx, YamlNode node, string key)
    {
        if (ctx.Kinds.Count != 1 || !ctx.Kinds.Contains(SubjectKind.Certificate))
            throw ctx.Error(node, $"'{key}' applies to certificates only; set where.kind: certificate", key);
    }

    private static IReadOnlyList<string> StringList(CompileContext ctx, YamlNode node, string key) => ctx.Value(node) switch
    {
        string s => [s],
        IReadOnlyList<string> l => l,
        IReadOnlyList<object?> l when l.All(x => x is string) => l.Cast<string>().ToArray(),
        _ => throw ctx.Error(node, $"'{key}' must be a string or a list of strings", key),
    };

    private static PathGlob[] Globs(CompileContext ctx, YamlNode node, string key)
    {
        try
        {
            return StringList(ctx, node, key).Select(GlobCache.Get).ToArray();
        }
        catch (ArgumentException e)
        {
            throw ctx.Error(node, $"bad glob in '{key}': {e.Message}", key);
        }
    }
}
