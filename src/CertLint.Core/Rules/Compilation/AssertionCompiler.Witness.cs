using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>The failing element a check's message can name (`{{#failing}}`): found only for a subject that fails.</summary>
internal sealed partial class AssertionCompiler
{
    /// <summary>The check's <see cref="Witness"/>, or null when no part of it can name a failing element.</summary>
    public Witness? CompileWitness(YamlNode node)
    {
        if (WitnessOf(node, _subject) is not var (makeFind, scope)) return null;
        return new Witness(() =>
        {
            var find = makeFind();
            return (s, c) => find(s, s, c);
        }, scope);
    }

    /// <summary>The witness's scope now, and how to make its finder (compiling the parts it tests) later.</summary>
    private (Func<Func<object?, RuleSubject, EvaluationContext, object?>> MakeFind, FieldScope Scope)? WitnessOf(YamlNode node, FieldScope scope)
    {
        var map = new YamlMap(_ctx.File, node, "an assertion");
        if (map.Has("field"))
        {
            if (map.Count != 2 || map.Entries.First(e => e.Key != "field") is not ({ } name and ("each" or "all" or "none"), _, var option)) return null;
            var fieldNode = map.Get("field")!;
            if (_ctx.Value(fieldNode) is not string path) return null;
            var (field, fromRoot) = Resolve(path, fieldNode, scope);
            if (field.Type != FieldType.Records || field.Elements is not { } elements) return null;
            var breaks = name == "none"; // the element whose test gives this breaks the quantifier
            return (() =>
            {
                var read = Reader(field, fromRoot);
                var inner = Compile(option, elements, FieldType.String);
                return (t, r, c) =>
                {
                    if (read(t, r, c) is not System.Collections.IEnumerable list) return null;
                    foreach (var x in list) { if (inner(x, r, c) == breaks) return x; }
                    return null;
                };
            }, elements);
        }
        if (map.Count != 1 || map.Entries.First() is not ("all", _, YamlSequenceNode members)) return null;
        var parts = members.Children.Select(n => (Node: n, Witness: WitnessOf(n, scope))).ToArray();
        // No Select after another LINQ operator here: that call is a generic virtual method, resolved at run time on its first
        // call under Native AOT (docs/performance.md, Session 10 (h10s)).
        var scopes = parts.Select(p => p.Witness?.Scope).OfType<FieldScope>().Distinct().ToArray();
        if (scopes.Length != 1) return null; // none, or elements of different kinds: no one name fits them
        return (() =>
        {
            var tests = parts.Select(p => (Test: Compile(p.Node, scope, FieldType.String), Find: p.Witness?.MakeFind())).ToArray();
            return (t, r, c) =>
            {
                foreach (var (test, find) in tests) { if (!test(t, r, c)) return find?.Invoke(t, r, c); }
                return null;
            };
        }, scopes[0]);
    }
}
