using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>A compiled assertion on a subject: true when it holds.</summary>
public delegate bool SubjectTest(RuleSubject subject, EvaluationContext context);

/// <summary>A compiled function on one value (a field's value or a list element).</summary>
internal delegate bool ValueTest(object? value, EvaluationContext context);

/// <summary>
/// Compiles assertion nodes: `{ field: PATH, FUNCTION: OPTION }`, the combinators `{ all: [..] }`, `{ any: [..] }`,
/// `{ not: .. }`, and element assertions inside a list field's `all:` / `any:` (no `field`: the element itself).
/// </summary>
internal sealed class AssertionCompiler
{
    public static readonly IReadOnlyList<string> Functions =
        ["equals", "in", "pattern", "min", "max", "exists", "absent", "contains", "all", "any", "before", "after"];
    public static readonly IReadOnlyList<string> Combinators = ["all", "any", "not"];

    private readonly CompileContext _ctx;

    public AssertionCompiler(CompileContext ctx) => _ctx = ctx;

    public SubjectTest CompileSubject(YamlNode node)
    {
        var map = new YamlMap(_ctx.File, node, "an assertion");
        if (map.Has("field")) return CompileFieldAssertion(map);
        var (key, keyNode, value) = Single(map, "an assertion without 'field' must be exactly one of all, any or not");
        switch (key)
        {
            case "all":
                var all = Sequence(value, key).Select(CompileSubject).ToArray();
                return (s, c) => { foreach (var t in all) { if (!t(s, c)) return false; } return true; };
            case "any":
                var any = Sequence(value, key).Select(CompileSubject).ToArray();
                return (s, c) => { foreach (var t in any) { if (t(s, c)) return true; } return false; };
            case "not":
                var inner = CompileSubject(value);
                return (s, c) => !inner(s, c);
            case "primitive":
                throw _ctx.Error(keyNode, "'primitive' can only be the whole check, not part of an assertion", key);
            default:
                if (Functions.Contains(key)) throw _ctx.Error(keyNode, $"'{key}' needs a 'field' to test", "field");
                var suggestion = Suggest.Closest(key, Combinators.Append("field"));
                throw _ctx.Error(keyNode, $"unknown key '{key}' in an assertion{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", key, suggestion);
        }
    }

    private SubjectTest CompileFieldAssertion(YamlMap map)
    {
        var fieldNode = map.Get("field")!;
        var path = _ctx.Value(fieldNode) as string ?? throw _ctx.Error(fieldNode, "'field' must be a field path", "field");
        var field = ResolveField(path, fieldNode);
        var functions = map.Entries.Where(e => e.Key != "field").ToArray();
        if (functions.Length != 1)
            throw _ctx.Error(map.Node, functions.Length == 0
                ? $"field '{path}' needs one function: {string.Join(", ", Functions)}"
                : $"an assertion has one function; found {string.Join(", ", functions.Select(f => f.Key))} (combine with all/any)");
        var (name, keyNode, option) = functions[0];
        var test = CompileFunction(name, keyNode, option, field.Type, path);
        var accessor = field.Accessor;
        return (s, c) => test(accessor(s, c), c);
    }

    /// <summary>An element assertion inside a list field's all/any: functions apply to the element (a string).</summary>
    private ValueTest CompileElement(YamlNode node)
    {
        var map = new YamlMap(_ctx.File, node, "an element assertion");
        if (map.Has("field"))
            throw _ctx.Error(map.KeyNode("field")!, "inside a list field's all/any, omit 'field': the assertion tests each element", "field");
        var (key, keyNode, value) = Single(map, "an element assertion has exactly one function or combinator");
        if (value is YamlSequenceNode && key is "all" or "any")
        {
            var parts = Sequence(value, key).Select(CompileElement).ToArray();
            return key == "all"
                ? (v, c) => parts.All(p => p(v, c))
                : (v, c) => parts.Any(p => p(v, c));
        }
        if (key == "not")
        {
            var inner = CompileElement(value);
            return (v, c) => !inner(v, c);
        }
        return CompileFunction(key, keyNode, value, FieldType.String, "element");
    }

    private ValueTest CompileFunction(string name, YamlScalarNode keyNode, YamlNode option, FieldType type, string path)
    {
        var options = new FunctionOptions(_ctx, name, option, type, path);
        return name switch
        {
            "exists" => options.Flag() ? (v, _) => v is not null : (v, _) => v is null,
            "absent" => options.Flag() ? (v, _) => v is null : (v, _) => v is not null,
            "equals" => FieldFunctions.Equal(options),
            "in" => FieldFunctions.In(options),
            "pattern" => FieldFunctions.Pattern(options),
            "min" => FieldFunctions.Bound(options, min: true),
            "max" => FieldFunctions.Bound(options, min: false),
            "contains" => FieldFunctions.Contains(options),
            "before" => FieldFunctions.Date(options, before: true),
            "after" => FieldFunctions.Date(options, before: false),
            "all" or "any" => ListQuantifier(name, options),
            "not" => throw _ctx.Error(keyNode, "'not' takes a whole assertion: { not: { field: ..., ... } }", name),
            _ => throw _ctx.Error(keyNode, $"unknown function '{name}'{Suggest.DidYouMean(name, Functions)}", name, Suggest.Closest(name, Functions)),
        };
    }

    private ValueTest ListQuantifier(string name, FunctionOptions o)
    {
        o.RequireType(FieldType.List);
        var inner = CompileElement(o.Node);
        return name == "all"
            ? (v, c) => v is not IReadOnlyList<string> l || l.All(x => inner(x, c))
            : (v, c) => v is IReadOnlyList<string> l && l.Any(x => inner(x, c));
    }

    private FieldDefinition ResolveField(string path, YamlNode node)
    {
        var field = FieldCatalog.Find(path);
        if (field is null)
        {
            var suggestion = Suggest.Closest(path, FieldCatalog.Paths);
            throw _ctx.Error(node, $"unknown field '{path}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; see docs/writing-rules.md#fields", "field", suggestion);
        }
        if (!field.Kinds.Overlaps(_ctx.Kinds))
            throw _ctx.Error(node, $"field '{path}' exists for {string.Join("/", field.Kinds.Select(k => k.ToString().ToLowerInvariant()))} subjects, but this rule applies to {string.Join("/", _ctx.Kinds.Select(k => k.ToString().ToLowerInvariant()))} (set where.kind)", "field");
        return field;
    }

    private (string Key, YamlScalarNode KeyNode, YamlNode Value) Single(YamlMap map, string message)
    {
        if (map.Count != 1) throw _ctx.Error(map.Node, message);
        return map.Entries.First();
    }

    private IEnumerable<YamlNode> Sequence(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode seq || seq.Children.Count == 0)
            throw _ctx.Error(node, $"'{key}' takes a non-empty list of assertions, not {YamlValues.Describe(node)}", key);
        return seq.Children;
    }
}
