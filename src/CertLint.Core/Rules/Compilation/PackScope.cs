using CertLint.Configuration.Yaml;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// A pack's `scope:` in its pack.yml: the subjects the document behind the pack governs (the TLS Baseline Requirements
/// govern serverAuth certificates, BR §1.1). Every rule of the pack applies only within it, so the framework, not each
/// of a hundred rules, decides "not applicable" there, as zlint does for its BR lints by their source.
/// Written as a `where:` clause (same keys) plus a `description` for `certlint explain`.
/// </summary>
public sealed class PackScope
{
    private static readonly IReadOnlySet<SubjectKind> CertificateOnly = new HashSet<SubjectKind> { SubjectKind.Certificate };
    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    private PackScope(string description, IReadOnlySet<SubjectKind> kinds, SubjectTest test)
    {
        Description = description;
        Kinds = kinds;
        Test = test;
    }

    /// <summary>What the scope covers, in words.</summary>
    public string Description { get; }

    /// <summary>The subject kinds the scope restricts; rules' subjects of other kinds are not restricted.</summary>
    public IReadOnlySet<SubjectKind> Kinds { get; }

    /// <summary>True when a subject of one of <see cref="Kinds"/> is in scope.</summary>
    public SubjectTest Test { get; }

    /// <summary>Compiles a pack's `scope:` mapping; every mistake in it is a configuration error at its position.</summary>
    public static PackScope Compile(string file, YamlNode node)
    {
        var map = new YamlMap(file, node, "'scope'");
        var errors = new ErrorCollector();
        var description = errors.Try(() => map.RequireString("description").Trim(), "");
        // The rest is a `where:` clause: the same keys, compiled by the same code.
        var where = new YamlMappingNode();
        foreach (var (key, value) in ((YamlMappingNode)node).Children)
        {
            if (key is YamlScalarNode { Value: "description" }) continue;
            where.Children.Add(key, value);
        }
        var kinds = errors.Try(() => WhereCompiler.Kinds(file, where, CertificateOnly), CertificateOnly);
        var test = errors.Try(() => WhereCompiler.Compile(new CompileContext(file, NoParameters, kinds), where), null);
        if (test is null && errors.Count == 0)
            errors.Add(map.Error(node, "a pack's 'scope' needs a test (match, role, leaf, paths or excludePaths), not only a kind", "scope"));
        errors.ThrowIfAny();
        return new PackScope(description, kinds, test!);
    }

    /// <summary>A rule's `where` test (null: none) restricted to the scope for the subject kinds it restricts.</summary>
    internal SubjectTest? Restrict(IReadOnlySet<SubjectKind> ruleKinds, SubjectTest? rule)
    {
        if (!Kinds.Overlaps(ruleKinds)) return rule;
        var scope = Test;
        if (Kinds.IsSupersetOf(ruleKinds))
            return rule is null ? scope : (s, c) => scope(s, c) && rule(s, c);
        var kinds = Kinds;
        return rule is null
            ? (s, c) => !kinds.Contains(s.Kind) || scope(s, c)
            : (s, c) => (!kinds.Contains(s.Kind) || scope(s, c)) && rule(s, c);
    }
}
