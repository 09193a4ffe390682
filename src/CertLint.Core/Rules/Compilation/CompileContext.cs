using System.Globalization;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Engine;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// What compiling one rule needs: the file (for errors), the parameter values in force (for `${param}`),
/// and the subject kinds the rule applies to (to check field paths).
/// </summary>
internal sealed partial class CompileContext
{
    public CompileContext(string file, IReadOnlyDictionary<string, object?> parameters, IReadOnlySet<SubjectKind> kinds)
    {
        File = file;
        Parameters = parameters;
        Kinds = kinds;
    }

    public string File { get; }
    public IReadOnlyDictionary<string, object?> Parameters { get; }
    public IReadOnlySet<SubjectKind> Kinds { get; set; }

    public ConfigurationException Error(YamlNode node, string message, string? key = null, string? suggestion = null) =>
        YamlValues.Error(File, node, message, key, suggestion);

    /// <summary>
    /// A scalar or list value with `${param}` substituted: a whole-value reference keeps the parameter's type
    /// (an integer stays an integer, a list a list); a reference inside text is interpolated as text.
    /// </summary>
    public object? Value(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode s:
                var text = s.Value ?? "";
                var whole = WholeReference().Match(text);
                if (whole.Success) return Parameter(node, whole.Groups[1].Value);
                if (text.Contains("${", StringComparison.Ordinal))
                    return AnyReference().Replace(text, m => FormatParameter(Parameter(node, m.Groups[1].Value)));
                return YamlValues.Typed(s);
            case YamlSequenceNode seq:
                var items = new List<object?>();
                foreach (var child in seq.Children)
                {
                    var v = Value(child);
                    if (v is IReadOnlyList<string> inner) items.AddRange(inner);
                    else items.Add(v);
                }
                return items;
            default:
                throw Error(node, $"expected a value, not {YamlValues.Describe(node)}");
        }
    }

    private object? Parameter(YamlNode node, string name)
    {
        if (Parameters.TryGetValue(name, out var v)) return v;
        var suggestion = Suggest.Closest(name, Parameters.Keys);
        throw Error(node, $"unknown parameter '${{{name}}}'{(suggestion is null ? " (declare it under 'parameters:')" : $" (did you mean '{suggestion}'?)")}", name, suggestion);
    }

    private static string FormatParameter(object? v) => v switch
    {
        IReadOnlyList<string> l => string.Join(",", l),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => v?.ToString() ?? "",
    };

    [GeneratedRegex(@"^\$\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"\$\{\s*([A-Za-z][A-Za-z0-9_-]*)\s*\}")]
    private static partial Regex AnyReference();
}
