using CertLint.Configuration;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>One function's option node, read with the field's type in mind (errors point at the option).</summary>
internal sealed class FunctionOptions(CompileContext ctx, string name, YamlNode node, FieldType type, string path)
{
    public YamlNode Node => node;
    public FieldType Type => type;
    public string Name => name;

    public Exception Error(string message) => ctx.Error(node, $"'{name}' on field '{path}': {message}", name);

    public void RequireType(params FieldType[] types)
    {
        if (types.Contains(type)) return;
        var hint = type == FieldType.List ? " (for a list use contains, or any/all with an element assertion)"
            : type == FieldType.Date && name is "min" or "max" ? " (for dates use before/after)" : "";
        throw Error($"needs a {string.Join(" or ", types.Select(t => t.ToString().ToLowerInvariant()))} field, but '{path}' is {type.ToString().ToLowerInvariant()}{hint}");
    }

    public bool Flag() => ctx.Value(node) is bool b ? b : throw Error("must be true or false");

    public object? Raw() => ctx.Value(node);

    /// <summary>A scalar option typed like the field (string, integer, boolean, or a date spec for dates).</summary>
    public object Scalar(object? raw)
    {
        switch (type)
        {
            case FieldType.Integer:
                return raw is long l ? l : throw Error($"must be an integer, not {Describe(raw)}");
            case FieldType.Boolean:
                return raw is bool b ? b : throw Error($"must be true or false, not {Describe(raw)}");
            case FieldType.Date:
                return raw is string s && DateSpec.TryParse(s) is { } d ? d : throw Error($"must be {DateSpec.RelativeExpected}, not {Describe(raw)}");
            case FieldType.String:
                return raw is null or IReadOnlyList<object?> or IReadOnlyList<string> ? throw Error($"must be a single value, not {Describe(raw)}")
                    : Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture)!;
            default:
                throw Error("this function does not apply to a list field (use contains, or any/all with an element assertion)");
        }
    }

    public string Text() => ctx.Value(node) is string s ? s : throw Error($"must be a string, not {Describe(ctx.Value(node))}");

    public static string Describe(object? v) => v switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IEnumerable<object?> or IReadOnlyList<string> => "a list",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}

/// <summary>The field functions. String comparisons ignore case (host names, key types, hex fingerprints).</summary>
internal static class FieldFunctions
{
    private static readonly StringComparer Text = StringComparer.OrdinalIgnoreCase;

    public static ValueTest Equal(FunctionOptions o)
    {
        o.RequireType(FieldType.String, FieldType.Integer, FieldType.Boolean, FieldType.Date);
        var expected = o.Scalar(o.Raw());
        return expected switch
        {
            string s => (v, _) => v is string x && Text.Equals(x, s),
            long l => (v, _) => v is long x && x == l,
            bool b => (v, _) => v is bool x && x == b,
            DateSpec d => (v, c) => v is DateTimeOffset x && x == d.Resolve(c.Now),
            _ => throw o.Error("unsupported value"),
        };
    }

    public static ValueTest In(FunctionOptions o)
    {
        o.RequireType(FieldType.String, FieldType.Integer);
        var raw = o.Raw();
        IEnumerable<object?> items = raw switch
        {
            IReadOnlyList<string> l => l,
            IReadOnlyList<object?> l => l,
            _ => throw o.Error($"must be a list, not {FunctionOptions.Describe(raw)}"),
        };
        if (o.Type == FieldType.Integer)
        {
            var numbers = items.Select(o.Scalar).Cast<long>().ToHashSet();
            return (v, _) => v is long x && numbers.Contains(x);
        }
        var strings = items.Select(o.Scalar).Cast<string>().ToHashSet(Text);
        return (v, _) => v is string x && strings.Contains(x);
    }

    public static ValueTest Pattern(FunctionOptions o)
    {
        o.RequireType(FieldType.String);
        var lazy = RegexFactory.CreateLazy(o.Text(), out var error);
        if (error is not null) throw o.Error($"invalid regular expression: {error}");
        // A pattern only the backtracking engine runs: once it has timed out, fail fast on every later subject instead of
        // spending the time-out again on each of 10,000 certificates.
        var timedOut = 0;
        return (v, _) =>
        {
            if (v is not string x) return false;
            if (Volatile.Read(ref timedOut) != 0) throw new RegexMatchTimeoutException(x, lazy.Value.ToString(), lazy.Value.MatchTimeout);
            try
            {
                return lazy.IsMatch(x);
            }
            catch (RegexMatchTimeoutException)
            {
                Volatile.Write(ref timedOut, 1);
                throw;
            }
        };
    }

    public static ValueTest Bound(FunctionOptions o, bool min)
    {
        o.RequireType(FieldType.Integer);
        var raw = o.Raw();
        var bound = raw switch
        {
            long l => l,
            double d => d,
            _ => throw o.Error($"must be a number, not {FunctionOptions.Describe(raw)}"),
        };
        return min ? (v, _) => v is long x && x >= bound : (v, _) => v is long x && x <= bound;
    }

    public static ValueTest Contains(FunctionOptions o)
    {
        o.RequireType(FieldType.List, FieldType.String);
        var raw = o.Raw();
        var item = raw is string or long or double ? Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture)!
            : throw o.Error($"must be a single value, not {FunctionOptions.Describe(raw)}");
        return o.Type == FieldType.List
            ? (v, _) => v is IReadOnlyList<string> l && l.Contains(item, Text)
            : (v, _) => v is string s && s.Contains(item, StringComparison.OrdinalIgnoreCase);
    }

    public static ValueTest Date(FunctionOptions o, bool before)
    {
        o.RequireType(FieldType.Date);
        var spec = (DateSpec)o.Scalar(o.Raw());
        return before
            ? (v, c) => v is DateTimeOffset x && x < spec.Resolve(c.Now)
            : (v, c) => v is DateTimeOffset x && x > spec.Resolve(c.Now);
    }
}
