using System.Globalization;
using CertLint.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>Reads a rule's `parameters:` block and checks values (defaults and config overrides) against it.</summary>
internal static class RuleParameterReader
{
    private static readonly string[] Keys = ["type", "default", "minimum", "maximum", "description", "values"];
    private static readonly Dictionary<string, RuleParameterType> Types = new()
    {
        ["integer"] = RuleParameterType.Integer,
        ["number"] = RuleParameterType.Number,
        ["string"] = RuleParameterType.String,
        ["boolean"] = RuleParameterType.Boolean,
        ["list"] = RuleParameterType.List,
    };

    /// <summary>The declared parameters; each one is read on its own, its errors recorded in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<RuleParameter> Read(string file, YamlNode node, ErrorCollector errors)
    {
        var map = new YamlMap(file, node, "'parameters'");
        var list = new List<RuleParameter>();
        foreach (var (name, keyNode, value) in map.Entries)
        {
            if (errors.Try(() => ReadOne(file, map, name, keyNode, value), null!) is { } parameter) list.Add(parameter);
        }
        return list;
    }

    private static RuleParameter ReadOne(string file, YamlMap map, string name, YamlScalarNode keyNode, YamlNode value)
    {
        if (!RuleNames.IsParameterName(name))
            throw map.Error(keyNode, $"parameter name '{name}' must be letters, digits, '_' or '-', starting with a letter", name);
        var p = new YamlMap(file, value, $"parameter '{name}'");
        p.RejectUnknown(Keys, $"parameter '{name}'");
        var typeText = p.RequireString("type");
        if (!Types.TryGetValue(typeText, out var type))
            throw p.Error(p.Get("type")!, $"unknown parameter type '{typeText}'{Suggest.DidYouMean(typeText, Types.Keys)}; use one of {string.Join(", ", Types.Keys)}", "type", Suggest.Closest(typeText, Types.Keys));
        var def = p.Get("default") ?? throw p.Error(value, $"parameter '{name}' needs a 'default'", "default");
        var parameter = new RuleParameter(name, type, null, p.String("description") ?? "",
            p.Number("minimum"), p.Number("maximum"), p.StringList("values"));
        return parameter with { Default = Convert(file, def, parameter) };
    }

    /// <summary>A YAML value converted to the parameter's type and checked against its bounds.</summary>
    public static object Convert(string file, YamlNode node, RuleParameter p)
    {
        object value = p.Type switch
        {
            RuleParameterType.Integer => YamlValues.Integer(file, node, p.Name),
            RuleParameterType.Number => YamlValues.Number(file, node, p.Name),
            RuleParameterType.Boolean => YamlValues.Bool(file, node, p.Name),
            RuleParameterType.List => YamlValues.StringList(file, node, p.Name),
            _ => YamlValues.String(file, node, p.Name),
        };
        var problem = Check(value, p);
        return problem is null ? value : throw YamlValues.Error(file, node, problem, p.Name);
    }

    /// <summary>Null when the value fits the parameter, else what is wrong.</summary>
    public static string? Check(object value, RuleParameter p)
    {
        if (value is long or double)
        {
            var d = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (d < p.Minimum) return $"parameter '{p.Name}' is {d.ToString(CultureInfo.InvariantCulture)}, below its minimum {p.Minimum.Value.ToString(CultureInfo.InvariantCulture)}";
            if (d > p.Maximum) return $"parameter '{p.Name}' is {d.ToString(CultureInfo.InvariantCulture)}, above its maximum {p.Maximum.Value.ToString(CultureInfo.InvariantCulture)}";
        }
        if (p.Values is { Count: > 0 } allowed)
        {
            var items = value is IReadOnlyList<string> l ? l : [value.ToString()!];
            foreach (var item in items)
            {
                if (!allowed.Contains(item)) return $"parameter '{p.Name}' value '{item}' is not one of {string.Join(", ", allowed)}{Suggest.DidYouMean(item, allowed)}";
            }
        }
        return null;
    }
}

/// <summary>Name rules shared by the loader and the config reader.</summary>
/// <summary>
/// The shapes of rule ids, names and parameter names, as the patterns in the comments match them (`$` also before a
/// final "\n", as .NET's does). Written out: every rule loaded is checked, and the regex cache built three regex
/// interpreters for it in every run (a test compares these with the patterns).
/// </summary>
internal static class RuleNames
{
    /// <summary>`^[A-Z]{2,5}[0-9]{3,5}$`</summary>
    public static bool IsId(string s)
    {
        var t = WithoutFinalNewline(s);
        var letters = 0;
        while (letters < t.Length && char.IsAsciiLetterUpper(t[letters])) letters++;
        var digits = t[letters..];
        return letters is >= 2 and <= 5 && digits.Length is >= 3 and <= 5 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>`^[a-z0-9]+(-[a-z0-9]+)*$`</summary>
    public static bool IsName(string s)
    {
        var t = WithoutFinalNewline(s);
        if (t.Length == 0 || t[0] == '-' || t[^1] == '-' || t.Contains("--", StringComparison.Ordinal)) return false;
        foreach (var c in t)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')) return false;
        }
        return true;
    }

    /// <summary>`^[A-Za-z][A-Za-z0-9_-]*$`</summary>
    public static bool IsParameterName(string s)
    {
        var t = WithoutFinalNewline(s);
        if (t.Length == 0 || !char.IsAsciiLetter(t[0])) return false;
        foreach (var c in t)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        }
        return true;
    }

    private static ReadOnlySpan<char> WithoutFinalNewline(string s) => s.EndsWith('\n') ? s.AsSpan(0, s.Length - 1) : s;
}
