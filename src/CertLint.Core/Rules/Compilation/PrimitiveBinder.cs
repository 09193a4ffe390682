using CertLint.Configuration;
using System.Globalization;
using CertLint.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>Validates a primitive check's `with:` block against its declared parameters and fills in defaults.</summary>
internal static partial class PrimitiveBinder
{
    public static readonly IReadOnlyList<string> Keys = ["primitive", "with"];

    public static PrimitiveArguments Bind(CompileContext ctx, ICheckPrimitive primitive, YamlNode? with)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in primitive.Parameters)
            values[p.Name] = p.Type == ParameterType.Duration && p.Default is string d ? DateSpec.TryParseDuration(d) : p.Default;
        if (with is null) return new PrimitiveArguments(values);
        var map = new YamlMap(ctx.File, with, "'with'");
        var names = primitive.Parameters.Select(p => p.Name).ToArray();
        foreach (var (name, keyNode, node) in map.Entries)
        {
            var p = primitive.Parameters.FirstOrDefault(x => x.Name == name);
            if (p is null)
            {
                var suggestion = Suggest.Closest(name, names);
                var known = names.Length == 0 ? "it takes no parameters" : $"it takes {string.Join(", ", names)}";
                throw ctx.Error(keyNode, $"primitive '{primitive.Name}' has no parameter '{name}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; {known}", name, suggestion);
            }
            values[name] = Convert(ctx, node, p);
        }
        return new PrimitiveArguments(values);
    }

    private static object? Convert(CompileContext ctx, YamlNode node, PrimitiveParameter p)
    {
        var raw = ctx.Value(node);
        Exception Bad(string what) => ctx.Error(node, $"parameter '{p.Name}' must be {what}, not {FunctionOptions.Describe(raw)}", p.Name);
        object? value = p.Type switch
        {
            ParameterType.Integer => raw is long l ? l : throw Bad("an integer"),
            ParameterType.Number => raw is long or double ? System.Convert.ToDouble(raw, CultureInfo.InvariantCulture) : throw Bad("a number"),
            ParameterType.Boolean => raw is bool b ? b : throw Bad("true or false"),
            ParameterType.String => raw is string s ? s : raw is long or double ? System.Convert.ToString(raw, CultureInfo.InvariantCulture) : throw Bad("a string"),
            ParameterType.StringList => raw switch
            {
                string s => new[] { s },
                IReadOnlyList<string> l => l,
                IReadOnlyList<object?> l when l.All(x => x is string) => l.Cast<string>().ToArray(),
                _ => throw Bad("a list of strings"),
            },
            ParameterType.Duration => raw is string d && DateSpec.TryParseDuration(d) is { } span ? span : throw Bad(DateSpec.DurationExpected),
            _ => raw,
        };
        if (value is long or double)
        {
            var n = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (n < p.Minimum || n > p.Maximum)
                throw ctx.Error(node, $"parameter '{p.Name}' is {n.ToString(CultureInfo.InvariantCulture)}, outside {p.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}..{p.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "+inf"}", p.Name);
        }
        if (p.AllowedValues is { Count: > 0 } allowed)
        {
            foreach (var item in value is IReadOnlyList<string> list ? list : [value?.ToString() ?? ""])
            {
                if (!allowed.Contains(item))
                    throw ctx.Error(node, $"parameter '{p.Name}' value '{item}' is not one of {string.Join(", ", allowed)}{Suggest.DidYouMean(item, allowed)}", p.Name, Suggest.Closest(item, allowed));
            }
        }
        return value;
    }
}
