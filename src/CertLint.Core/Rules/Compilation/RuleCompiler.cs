using CertLint.Configuration;
using CertLint.Configuration.Yaml;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules.Loading;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>Turns a parsed <see cref="RuleDefinition"/> into a <see cref="CompiledRule"/>, validating everything.</summary>
public static class RuleCompiler
{
    private static readonly IReadOnlySet<SubjectKind> CertificateOnly = new HashSet<SubjectKind> { SubjectKind.Certificate };

    /// <param name="definition">The parsed rule.</param>
    /// <param name="parameterOverrides">Values from configuration, by parameter name (checked against the declaration).</param>
    /// <param name="registry">Primitives available (default: Core's).</param>
    /// <param name="overrideOrigin">Where the overrides were written, for errors.</param>
    /// <param name="severity">Effective severity (default: the rule's).</param>
    public static CompiledRule Compile(RuleDefinition definition, IReadOnlyDictionary<string, object?>? parameterOverrides = null,
        PrimitiveRegistry? registry = null, ConfigOrigin? overrideOrigin = null, Severity? severity = null)
    {
        var errors = new ErrorCollector();
        var rule = Compile(definition, errors, parameterOverrides, registry, overrideOrigin, severity);
        errors.ThrowIfAny();
        return rule!;
    }

    /// <summary>
    /// Compiles what can be compiled on its own (the check, `where`, the message), recording every error in
    /// <paramref name="errors"/>; null when there was any.
    /// </summary>
    internal static CompiledRule? Compile(RuleDefinition definition, ErrorCollector errors, IReadOnlyDictionary<string, object?>? parameterOverrides = null,
        PrimitiveRegistry? registry = null, ConfigOrigin? overrideOrigin = null, Severity? severity = null)
    {
        registry ??= PrimitiveRegistry.Default;
        var file = definition.File;
        var before = errors.Count;
        // Wrong override values come from the configuration; nothing else can be checked against them.
        var parameters = errors.Try(() => Parameters(definition, parameterOverrides, overrideOrigin), null!);
        if (parameters is null) return null;

        ICheckPrimitive? primitive = null;
        var checkMap = errors.Try(() => new YamlMap(file, definition.Check, "'check'"), null!);
        var defaults = CertificateOnly;
        var primitiveKnown = true;
        if (checkMap is not null && checkMap.Has("primitive"))
        {
            errors.AddRange(checkMap.UnknownKeys(PrimitiveBinder.Keys, "a primitive check"));
            primitive = errors.Try(() =>
            {
                var name = checkMap.RequireString("primitive");
                return registry.Find(name) ?? throw YamlValues.Error(file, checkMap.Get("primitive")!,
                    $"unknown primitive '{name}'{Suggest.DidYouMean(name, registry.Names)}", "primitive", Suggest.Closest(name, registry.Names));
            }, null);
            primitiveKnown = primitive is not null;
            if (primitive is not null) defaults = primitive.SubjectKinds.ToHashSet();
        }
        // The subject kinds decide which fields exist: without them, the rest would only report follow-on errors.
        var kinds = errors.Try(() => WhereCompiler.Kinds(file, definition.Where, defaults), null!);
        if (kinds is null) return null;
        if (primitive is not null && kinds.Where(k => !primitive.SubjectKinds.Contains(k)).ToArray() is [var bad, ..])
        {
            var kindNode = new YamlMap(file, definition.Where!, "'where'").Get("kind")!;
            errors.Add(YamlValues.Error(file, kindNode,
                $"primitive '{primitive.Name}' cannot check {bad.ToString().ToLowerInvariant()} subjects; it checks {string.Join(", ", primitive.SubjectKinds.Select(k => k.ToString().ToLowerInvariant()))}", "kind"));
        }
        var ctx = new CompileContext(file, parameters, kinds);
        var applies = errors.Try(() => WhereCompiler.Compile(ctx, definition.Where), null!);
        SubjectTest? assertion = null;
        Witness? witness = null;
        var arguments = PrimitiveArguments.Empty;
        if (primitive is not null) arguments = errors.Try(() => PrimitiveBinder.Bind(ctx, primitive, checkMap!.Get("with")), PrimitiveArguments.Empty);
        else if (checkMap is null || !checkMap.Has("primitive"))
        {
            var compiler = new AssertionCompiler(ctx);
            assertion = errors.Try(() => compiler.CompileSubject(definition.Check), null);
            if (assertion is not null) witness = compiler.CompileWitness(definition.Check);
        }

        var openValues = primitive is not null || !primitiveKnown;
        var messageText = definition.Message ?? (openValues ? "{{message}}" : definition.Descriptor.Title);
        var message = errors.Try(() => MessageTemplate.Compile(ctx, messageText, definition.MessageNode, definition.Name, openValues, witness), null!);
        var related = definition.Related is { } relatedNode ? errors.Try(() => Related(ctx, relatedNode, primitive), null) : null;
        if (errors.Count > before) return null;
        return new CompiledRule(definition, severity ?? definition.Descriptor.DefaultSeverity, kinds, parameters, applies,
            assertion, primitive, arguments, message, related);
    }

    /// <summary>`related: FIELD`: a records field of related locations, read when the check fails.</summary>
    private static Fields.FieldAccessor Related(CompileContext ctx, YamlNode node, ICheckPrimitive? primitive)
    {
        var path = ctx.Value(node) as string ?? throw ctx.Error(node, "'related' must be a field path", "related");
        if (primitive is not null) throw ctx.Error(node, "'related' is for field checks; a primitive reports its own related locations", "related");
        var related = Fields.FieldCatalog.All.Where(f => f.Elements == Fields.RecordScopes.RelatedLocation).Select(f => f.Path).ToArray();
        if (Fields.FieldCatalog.Find(path) is not { } field || field.Elements != Fields.RecordScopes.RelatedLocation)
            throw ctx.Error(node, $"'related' names a field of related locations ({string.Join(", ", related)}), not '{path}'", "related", Suggest.Closest(path, related));
        if (!field.Kinds.Overlaps(ctx.Kinds)) throw ctx.Error(node, $"field '{path}' does not exist for the subjects this rule applies to", "related");
        return field.Accessor;
    }

    private static Dictionary<string, object?> Parameters(RuleDefinition definition, IReadOnlyDictionary<string, object?>? overrides, ConfigOrigin? origin)
    {
        var values = definition.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        if (overrides is null) return values;
        foreach (var (name, value) in overrides)
        {
            var p = definition.Parameters.FirstOrDefault(x => x.Name == name);
            var where = origin ?? new ConfigOrigin(definition.File, 1, 1);
            if (p is null)
            {
                var names = definition.Parameters.Select(x => x.Name).ToArray();
                var suggestion = Suggest.Closest(name, names);
                throw where.Error($"rule '{definition.Name}' has no parameter '{name}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; it takes {(names.Length == 0 ? "none" : string.Join(", ", names))}", name, suggestion);
            }
            var converted = ConvertOverride(value, p.Type) ?? throw where.Error($"parameter '{name}' of rule '{definition.Name}' must be {p.Type.ToString().ToLowerInvariant()}, not {FunctionOptions.Describe(value)}", name);
            if (RuleParameterReader.Check(converted, p) is { } problem) throw where.Error(problem, name);
            values[name] = converted;
        }
        return values;
    }

    private static object? ConvertOverride(object? value, RuleParameterType type) => (type, value) switch
    {
        (RuleParameterType.Integer, long l) => l,
        (RuleParameterType.Number, long l) => (double)l,
        (RuleParameterType.Number, double d) => d,
        (RuleParameterType.Boolean, bool b) => b,
        (RuleParameterType.String, string s) => s,
        (RuleParameterType.List, string s) => new[] { s },
        (RuleParameterType.List, IReadOnlyList<string> l) => l,
        (RuleParameterType.List, IReadOnlyList<object?> l) when l.All(x => x is string) => l.Cast<string>().ToArray(),
        _ => null,
    };
}
