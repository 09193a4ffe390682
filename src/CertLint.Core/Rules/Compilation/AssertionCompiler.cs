using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// Compiles assertion nodes: `{ field: PATH, FUNCTION: OPTION }`, the combinators `{ all: [..] }`, `{ any: [..] }`,
/// `{ not: .. }`, and element assertions inside a list's each/any/none: for a list of strings without `field`
/// (the element itself), for records with `field:` relative to the element (`$.PATH` names the rule's subject).
/// </summary>
internal sealed partial class AssertionCompiler
{
    public static readonly IReadOnlyList<string> Functions =
        ["equals", "in", "pattern", "min", "max", "exists", "absent", "contains", "length", "count", "each", "all", "any", "none", "before", "after"];
    public static readonly IReadOnlyList<string> Combinators = ["all", "any", "not"];
    private static readonly string[] Comparable = ["equals", "in", "contains", "min", "max", "before", "after"];

    private readonly CompileContext _ctx;
    private readonly SubjectScope _subject;
    private HashSet<string>? _decodedExtensions;

    /// <summary>
    /// The extensions (OIDs) whose decoded values the compiled assertions read from the rule's subject, or null: a
    /// certificate where one of them cannot be decoded is not judged by the rule (<see cref="CompiledRule.AppliesTo"/>).
    /// </summary>
    public IReadOnlyCollection<string>? DecodedExtensions => _decodedExtensions;

    public AssertionCompiler(CompileContext ctx)
    {
        _ctx = ctx;
        _subject = new SubjectScope(ctx.Kinds);
    }

    public SubjectTest CompileSubject(YamlNode node)
    {
        var test = Compile(node, _subject, FieldType.String);
        return (s, c) => test(s, s, c);
    }

    private static Func<object?, RuleSubject, EvaluationContext, object?> Reader(ResolvedField field, bool fromRoot)
    {
        var get = field.Get;
        return fromRoot ? (_, r, c) => get(r, c) : (t, _, c) => t is null ? null : get(t, c);
    }

    /// <param name="node">The assertion.</param>
    /// <param name="scope">Where `field:` resolves; null when the target is a plain value (a string list's element, a length).</param>
    /// <param name="valueType">The target's type when <paramref name="scope"/> is null.</param>
    private NodeTest Compile(YamlNode node, FieldScope? scope, FieldType valueType)
    {
        var map = new YamlMap(_ctx.File, node, "an assertion");
        if (map.Has("field")) return CompileFieldAssertion(map, scope);
        var (key, keyNode, value) = Single(map, scope is null
            ? "an element assertion has exactly one function or combinator"
            : "an assertion without 'field' must be exactly one of all, any or not");
        if (scope is null && !(key is "all" or "any" && value is YamlSequenceNode) && key != "not")
            return CompileFunction(key, keyNode, value, valueType, "element", null);
        switch (key)
        {
            case "all":
                var all = CompileEach(Sequence(value, key), scope, valueType);
                return (t, r, c) => { foreach (var x in all) { if (!x(t, r, c)) return false; } return true; };
            case "any":
                var any = CompileEach(Sequence(value, key), scope, valueType);
                return (t, r, c) => { foreach (var x in any) { if (x(t, r, c)) return true; } return false; };
            case "not":
                var inner = Compile(value, scope, valueType);
                return (t, r, c) => !inner(t, r, c);
            case "primitive":
                throw _ctx.Error(keyNode, "'primitive' can only be the whole check, not part of an assertion", key);
            default:
                if (Functions.Contains(key)) throw _ctx.Error(keyNode, $"'{key}' needs a 'field' to test", "field");
                var suggestion = Suggest.Closest(key, Combinators.Append("field"));
                throw _ctx.Error(keyNode, $"unknown key '{key}' in an assertion{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", key, suggestion);
        }
    }

    /// <summary>Every assertion of an all/any list, each on its own: the errors of all of them, not only the first.</summary>
    private NodeTest[] CompileEach(IEnumerable<YamlNode> nodes, FieldScope? scope, FieldType valueType)
    {
        var errors = new ErrorCollector();
        var tests = nodes.Select(n => errors.Try(() => Compile(n, scope, valueType), null!)).ToArray();
        errors.ThrowIfAny();
        return tests;
    }

    private NodeTest CompileFieldAssertion(YamlMap map, FieldScope? scope)
    {
        var fieldNode = map.Get("field")!;
        var path = _ctx.Value(fieldNode) as string ?? throw _ctx.Error(fieldNode, "'field' must be a field path", "field");
        if (scope is null)
            throw _ctx.Error(map.KeyNode("field")!, "inside a list of values' each/any/none, omit 'field': the assertion tests each element", "field");
        var functions = map.Entries.Where(e => e.Key != "field").ToArray();
        var errors = new ErrorCollector();
        var (resolved, fromRoot) = errors.Try<(ResolvedField?, bool)>(() => Resolve(path, fieldNode, scope), (null, false));
        if (resolved is not { } field)
        {
            // An unknown field and a misspelt function in one assertion are two mistakes: report both.
            foreach (var (misspelt, at, _) in functions.Where(f => !Functions.Contains(f.Key)))
                errors.Add(_ctx.Error(at, $"unknown function '{misspelt}'{Suggest.DidYouMean(misspelt, Functions)}", misspelt, Suggest.Closest(misspelt, Functions)));
            errors.ThrowIfAny();
            return null!; // not reached: the field's error was recorded
        }
        if (functions.Length != 1)
            throw _ctx.Error(map.Node, functions.Length == 0
                ? $"field '{path}' needs one function: {string.Join(", ", Functions)}"
                : $"an assertion has one function; found {string.Join(", ", functions.Select(f => f.Key))} (combine with all/any)");
        var (name, keyNode, option) = functions[0];
        if (OtherField(name, option, field.Type, path, scope) is var (compare, other, otherFromRoot))
        {
            var otherGet = other.Get;
            var read = Reader(field, fromRoot);
            return otherFromRoot
                ? (t, r, c) => compare(read(t, r, c), otherGet(r, c), c)
                : (t, r, c) => compare(read(t, r, c), t is null ? null : otherGet(t, c), c);
        }
        // The field's read and the function in one delegate: a test runs for every (rule, subject) pair, and every
        // delegate between them is one more indirect call whose target changes from rule to rule.
        var (plain, test) = CompileFunctionParts(name, keyNode, option, field.Type, path, field.Elements);
        var get = field.Get;
        if (plain is not null)
            return fromRoot ? (_, r, c) => plain(get(r, c), c) : (t, _, c) => plain(t is null ? null : get(t, c), c);
        return fromRoot ? (_, r, c) => test!(get(r, c), r, c) : (t, r, c) => test!(t is null ? null : get(t, c), r, c);
    }

    /// <summary>One function on a value; the result's target is the value itself.</summary>
    private NodeTest CompileFunction(string name, YamlScalarNode keyNode, YamlNode option, FieldType type, string path, FieldScope? elements)
    {
        // A plain value (a string list's element) has no fields of its own: the other side is a field of the subject.
        if (OtherField(name, option, type, path, scope: null) is var (compare, other, _))
        {
            var otherGet = other.Get;
            return (v, r, c) => compare(v, otherGet(r, c), c);
        }
        var (plain, test) = CompileFunctionParts(name, keyNode, option, type, path, elements);
        return plain is null ? test! : (v, _, c) => plain(v, c);
    }

    /// <summary>A function on a value: a <see cref="ValueTest"/> when it needs only the value, else a <see cref="NodeTest"/>.</summary>
    private (ValueTest? Plain, NodeTest? Test) CompileFunctionParts(string name, YamlScalarNode keyNode, YamlNode option, FieldType type, string path, FieldScope? elements)
    {
        var options = new FunctionOptions(_ctx, name, option, type, path);
        ValueTest plain = name switch
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
            "each" or "all" or "any" or "none" or "length" or "count" => null!,
            "not" => throw _ctx.Error(keyNode, "'not' takes a whole assertion: { not: { field: ..., ... } }", name),
            _ => throw _ctx.Error(keyNode, $"unknown function '{name}'{Suggest.DidYouMean(name, Functions)}", name, Suggest.Closest(name, Functions)),
        };
        if (plain is not null) return (plain, null);
        if (name == "length")
        {
            options.RequireType(FieldType.String, FieldType.List, FieldType.Records);
            var inner = Compile(option, null, FieldType.Integer);
            return (null, (v, r, c) => Length(v) is { } n && inner(n, r, c));
        }
        if (name == "count") return (null, Count(options, elements));
        return (null, Quantifier(name, options, elements));
    }

    /// <summary>
    /// `count: { matching: ELEMENT-ASSERTION, INTEGER-FUNCTION: N }`: how many elements of a list satisfy the element
    /// assertion, tested like `length` (e.g. exactly one reserved policy: `{ matching: { pattern: ... }, equals: 1 }`).
    /// </summary>
    private NodeTest Count(FunctionOptions o, FieldScope? elements)
    {
        o.RequireType(FieldType.List, FieldType.Records);
        if (o.Node is not YamlMappingNode map || map.Children.Count != 2
            || !map.Children.TryGetValue(new YamlScalarNode("matching"), out var matching))
            throw _ctx.Error(o.Node, "'count' takes { matching: <element assertion>, <equals|min|max>: N }", "count");
        var bound = new YamlMappingNode(map.Children.Where(e => e.Key is not YamlScalarNode { Value: "matching" }));
        var inner = Compile(matching, o.Type == FieldType.Records ? elements : null, FieldType.String);
        var test = Compile(bound, null, FieldType.Integer);
        return (v, r, c) => test(Walk(v, r, c, inner, want: true, first: false), r, c);
    }

    /// <summary>Characters of a string (octets of hex fields are their own `.length` fields), elements of a list.</summary>
    private static long? Length(object? v) => v switch
    {
        string s => s.Length,
        System.Collections.ICollection l => l.Count,
        System.Collections.IEnumerable e => e.Cast<object?>().LongCount(),
        _ => null,
    };

    private NodeTest Quantifier(string name, FunctionOptions o, FieldScope? elements)
    {
        o.RequireType(FieldType.List, FieldType.Records);
        var inner = Compile(o.Node, o.Type == FieldType.Records ? elements : null, FieldType.String);
        return name switch
        {
            // A value that is not a list holds `each` and `none` and fails `any`, as an empty list does.
            "each" or "all" => (v, r, c) => !Some(v, r, c, inner, want: false),
            "any" => (v, r, c) => Some(v, r, c, inner, want: true),
            _ => (v, r, c) => !Some(v, r, c, inner, want: true),
        };
    }

    /// <summary>Whether some element's test gives <paramref name="want"/>.</summary>
    private static bool Some(object? v, RuleSubject r, EvaluationContext c, NodeTest inner, bool want) =>
        Walk(v, r, c, inner, want, first: true) > 0;

    /// <summary>
    /// How many elements' tests give <paramref name="want"/> (with <paramref name="first"/>, stopping at the first: 0 or
    /// 1); 0 for a value that is not a list, as for an empty one. Lists and arrays are walked by index: a non-generic
    /// enumerator is an allocation per evaluation, and quantifiers run for every subject of hundreds of rules.
    /// </summary>
    private static long Walk(object? v, RuleSubject r, EvaluationContext c, NodeTest inner, bool want, bool first)
    {
        long n = 0;
        if (v is System.Collections.IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (inner(list[i], r, c) != want) continue;
                if (first) return 1;
                n++;
            }
            return n;
        }
        if (v is not System.Collections.IEnumerable l) return 0;
        foreach (var x in l)
        {
            if (inner(x, r, c) != want) continue;
            if (first) return 1;
            n++;
        }
        return n;
    }

    /// <summary>
    /// A comparison whose option is another field (`in: {field: $.san.email}`): the comparison and that field, or null
    /// when the option is a literal. Without a scope (the target is a plain value) only `$.PATH` can name a field.
    /// </summary>
    private (Func<object?, object?, EvaluationContext, bool> Compare, ResolvedField Other, bool FromRoot)? OtherField(
        string name, YamlNode option, FieldType type, string path, FieldScope? scope)
    {
        if (option is not YamlMappingNode { Children.Count: 1 } om || !Comparable.Contains(name)
            || om.Children.Keys.First() is not YamlScalarNode { Value: "field" }) return null;
        var otherNode = om.Children.Values.First();
        var otherPath = _ctx.Value(otherNode) as string ?? throw _ctx.Error(otherNode, "'field' must be a field path", "field");
        if (scope is null && !otherPath.StartsWith("$.", StringComparison.Ordinal))
            throw _ctx.Error(otherNode, $"a list's element has no fields: name the subject's field as '$.{otherPath}'", "field", "$." + otherPath);
        var (other, otherFromRoot) = Resolve(otherPath, otherNode, scope ?? _subject);
        var compare = FieldComparisons.Compile(name, type, other.Type, m => _ctx.Error(otherNode, $"'{name}' on field '{path}': {m}", name));
        return (compare, other, otherFromRoot);
    }

    /// <summary>A path in the current scope, or `$.PATH` in the rule's subject.</summary>
    private (ResolvedField Field, bool FromRoot) Resolve(string path, YamlNode node, FieldScope scope)
    {
        var fromRoot = path.StartsWith("$.", StringComparison.Ordinal);
        var target = fromRoot ? _subject : scope;
        var bare = fromRoot ? path[2..] : path;
        var field = target.Find(bare);
        if (field is null)
        {
            var suggestion = Suggest.Closest(bare, target == _subject ? FieldCatalog.Paths : target.Fields.Select(f => f.Path));
            throw _ctx.Error(node, $"unknown field '{path}'{(target == _subject ? "" : $" in a {target.Name}")}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; see docs/writing-rules.md#fields", "field", suggestion);
        }
        if (target == _subject && ExtensionFields.DecodedFrom(bare) is { } oid) (_decodedExtensions ??= new(StringComparer.Ordinal)).Add(oid);
        if (target == _subject && FieldCatalog.Find(bare) is { } def && !def.Kinds.Overlaps(_ctx.Kinds))
            throw _ctx.Error(node, $"field '{path}' exists for {string.Join("/", def.Kinds.Select(k => k.ToString().ToLowerInvariant()))} subjects, but this rule applies to {string.Join("/", _ctx.Kinds.Select(k => k.ToString().ToLowerInvariant()))} (set where.kind)", "field");
        return (field, fromRoot || target == _subject && scope == _subject);
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
