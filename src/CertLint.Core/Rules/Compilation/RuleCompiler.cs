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
    /// A built-in rule the configuration does not touch, compiled in parts when first used: its `where` (and a
    /// primitive's arguments) when a subject of its kind first meets it, its check and message when a subject it applies
    /// to first reaches it. A one-file run reaches a fraction of some 200 rules, and compiling them all was a third of
    /// its start-up. Only for rules whose compilation cannot fail on a user's input: the built-ins (every one is
    /// compiled eagerly by the tests) without configured parameters; anything else is compiled now, so that its errors
    /// are reported at load with their file:line:column.
    /// </summary>
    internal static CompiledRule CompileDeferred(RuleDefinition definition, PrimitiveRegistry? registry = null, Severity? severity = null)
    {
        var errors = new ErrorCollector();
        var head = Head(definition, errors, null, registry ?? PrimitiveRegistry.Default, null);
        errors.ThrowIfAny();
        var (ctx, checkMap, primitive) = head!.Value;
        var applies = new Lazy<CompiledApplicability>(() => Compiled(errors => Applicability(ctx, definition, checkMap, primitive, errors)));
        var check = new Lazy<CompiledCheck>(() => Compiled(errors => Check(ctx, definition, checkMap, primitive, primitiveKnown: true, errors)));
        return new CompiledRule(definition, severity ?? definition.Descriptor.DefaultSeverity, ctx.Kinds, ctx.Parameters, primitive, applies, check);
    }

    /// <summary>
    /// Compiles what can be compiled on its own (the check, `where`, the message), recording every error in
    /// <paramref name="errors"/>; null when there was any.
    /// </summary>
    internal static CompiledRule? Compile(RuleDefinition definition, ErrorCollector errors, IReadOnlyDictionary<string, object?>? parameterOverrides = null,
        PrimitiveRegistry? registry = null, ConfigOrigin? overrideOrigin = null, Severity? severity = null)
    {
        var before = errors.Count;
        if (Head(definition, errors, parameterOverrides, registry ?? PrimitiveRegistry.Default, overrideOrigin) is not var (ctx, checkMap, primitive))
            return null;
        var primitiveKnown = primitive is not null || checkMap is null || !checkMap.Has("primitive");
        var applies = Applicability(ctx, definition, checkMap, primitive, errors);
        var check = Check(ctx, definition, checkMap, primitive, primitiveKnown, errors);
        if (errors.Count > before) return null;
        return new CompiledRule(definition, severity ?? definition.Descriptor.DefaultSeverity, ctx.Kinds, ctx.Parameters, primitive,
            new Lazy<CompiledApplicability>(applies), new Lazy<CompiledCheck>(check));
    }

    /// <summary>What the rest needs: the parameters in force, the check's mapping, its primitive and the subject kinds;
    /// null when one of them has an error (the rest would only report follow-on errors).</summary>
    private static (CompileContext Context, YamlMap? CheckMap, ICheckPrimitive? Primitive)? Head(RuleDefinition definition, ErrorCollector errors,
        IReadOnlyDictionary<string, object?>? parameterOverrides, PrimitiveRegistry registry, ConfigOrigin? overrideOrigin)
    {
        var file = definition.File;
        // Wrong override values come from the configuration; nothing else can be checked against them.
        var parameters = errors.Try(() => Parameters(definition, parameterOverrides, overrideOrigin), null!);
        if (parameters is null) return null;

        ICheckPrimitive? primitive = null;
        // Read from the rule's source where it has one: the check's tree is built only when the check is compiled.
        var checkMap = errors.Try(() => definition.TopLevel.Map("check", "'check'") ?? new YamlMap(file, definition.Check, "'check'"), null!);
        var defaults = CertificateOnly;
        if (checkMap is not null && checkMap.Has("primitive"))
        {
            errors.AddRange(checkMap.UnknownKeys(PrimitiveBinder.Keys, "a primitive check"));
            primitive = errors.Try(() =>
            {
                var name = checkMap.RequireString("primitive");
                return registry.Find(name) ?? throw YamlValues.Error(file, checkMap.Get("primitive")!,
                    $"unknown primitive '{name}'{Suggest.DidYouMean(name, registry.Names)}", "primitive", Suggest.Closest(name, registry.Names));
            }, null);
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
        return (new CompileContext(file, parameters, kinds), checkMap, primitive);
    }

    /// <summary>`where` and a primitive's arguments: what <see cref="CompiledRule.AppliesTo"/> needs.</summary>
    private static CompiledApplicability Applicability(CompileContext ctx, RuleDefinition definition, YamlMap? checkMap, ICheckPrimitive? primitive, ErrorCollector errors)
    {
        var applies = errors.Try(() => WhereCompiler.Compile(ctx, definition.Where), null!);
        // The pack's scope (pack.yml) bounds every rule of the pack, built-in or a user's rule that names the pack,
        // unless the rule says `packScope: false` (its `where` then names the whole population it judges).
        if (definition.Descriptor.InPackScope && PackScopeOf(definition.Descriptor.Pack) is { } scope) applies = scope.Restrict(ctx.Kinds, applies);
        var arguments = primitive is null ? PrimitiveArguments.Empty
            : errors.Try(() => PrimitiveBinder.Bind(ctx, primitive, checkMap!.Get("with")), PrimitiveArguments.Empty);
        return new CompiledApplicability(applies, arguments);
    }

    private static PackScope? PackScopeOf(string pack)
    {
        foreach (var p in RuleLoader.LoadPacks())
        {
            if (p.Name == pack) return p.Scope;
        }
        return null;
    }

    /// <summary>A field check, its witness, the message and `related`: what a subject the rule applies to needs.</summary>
    private static CompiledCheck Check(CompileContext ctx, RuleDefinition definition, YamlMap? checkMap, ICheckPrimitive? primitive, bool primitiveKnown,
        ErrorCollector errors)
    {
        SubjectTest? assertion = null;
        Witness? witness = null;
        string[]? decoded = null;
        if (primitive is null && (checkMap is null || !checkMap.Has("primitive")))
        {
            var compiler = new AssertionCompiler(ctx);
            assertion = errors.Try(() => compiler.CompileSubject(definition.Check), null);
            if (assertion is not null) witness = compiler.CompileWitness(definition.Check);
            decoded = compiler.DecodedExtensions is { Count: > 0 } oids ? [.. oids] : null;
        }
        var openValues = primitive is not null || !primitiveKnown;
        var messageText = definition.Message ?? (openValues ? "{{message}}" : definition.Descriptor.Title);
        var message = errors.Try(() => MessageTemplate.Compile(ctx, messageText, definition.MessageNode, definition.Name, openValues, witness), null!);
        var related = definition.Related is { } relatedNode ? errors.Try(() => Related(ctx, relatedNode, primitive), null) : null;
        return new CompiledCheck(assertion, message, related, decoded);
    }

    /// <summary>A deferred part: its errors (none for a rule the tests compile) thrown where it is first used.</summary>
    private static T Compiled<T>(Func<ErrorCollector, T> compile)
    {
        var errors = new ErrorCollector();
        var part = compile(errors);
        errors.ThrowIfAny();
        return part;
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
