using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// A message with `{{placeholder}}`s, resolved at compile time: a primitive's violation value of that name wins,
/// then rule parameters, then field paths (and short aliases such as daysRemaining), then `subject`/`object`/`message`.
/// Unknown placeholders are load errors for field checks; a primitive may supply any value.
/// </summary>
public sealed partial class MessageTemplate
{
    private delegate string Piece(RuleSubject subject, EvaluationContext context, Violation violation);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["daysRemaining"] = "validity.daysRemaining",
        ["notAfter"] = "validity.notAfter",
        ["notBefore"] = "validity.notBefore",
        ["totalDays"] = "validity.totalDays",
        ["path"] = "file.path",
        ["mode"] = "file.mode",
    };
    private static readonly string[] Specials = ["subject", "object", "message", "rule"];

    private readonly Piece[] _pieces;

    private MessageTemplate(Piece[] pieces) => _pieces = pieces;

    public string Render(RuleSubject subject, EvaluationContext context, Violation violation)
    {
        var sb = new StringBuilder();
        foreach (var p in _pieces) sb.Append(p(subject, context, violation));
        return sb.ToString();
    }

    internal static MessageTemplate Compile(CompileContext ctx, string text, YamlNode? node, string ruleName, bool openValues)
    {
        var pieces = new List<Piece>();
        var errors = new ErrorCollector(); // every unknown placeholder, not only the first
        var last = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            var literal = text[last..m.Index];
            if (literal.Length > 0) pieces.Add((_, _, _) => literal);
            pieces.Add(errors.Try(() => Resolve(ctx, m.Groups[1].Value, node, ruleName, openValues), null!));
            last = m.Index + m.Length;
        }
        errors.ThrowIfAny();
        var tail = text[last..];
        if (tail.Length > 0) pieces.Add((_, _, _) => tail);
        return new MessageTemplate(pieces.ToArray());
    }

    private static Piece Resolve(CompileContext ctx, string name, YamlNode? node, string ruleName, bool openValues)
    {
        Piece? fallback = null;
        if (ctx.Parameters.TryGetValue(name, out var param))
        {
            var text = Format(param);
            fallback = (_, _, _) => text;
        }
        else if (FieldCatalog.Find(Aliases.GetValueOrDefault(name, name)) is { } field && field.Kinds.Overlaps(ctx.Kinds) && name != "subject")
        {
            var get = field.Accessor;
            fallback = (s, c, _) => Format(get(s, c));
        }
        else if (name == "subject")
        {
            fallback = (s, _, _) => s.Certificate is { } c ? c.Name : s.Object.Label;
        }
        else if (name == "object")
        {
            fallback = (s, _, _) => s.Object.Label;
        }
        else if (name == "message")
        {
            fallback = (_, _, v) => v.Message ?? "";
        }
        else if (name == "rule")
        {
            fallback = (_, _, _) => ruleName;
        }
        else if (!openValues)
        {
            var candidates = ctx.Parameters.Keys.Concat(Aliases.Keys).Concat(Specials).Concat(FieldCatalog.Paths);
            var suggestion = Suggest.Closest(name, candidates);
            throw ctx.Error(node ?? new YamlScalarNode(), $"unknown placeholder '{{{{{name}}}}}' in message{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", "message", suggestion);
        }
        var otherwise = fallback ?? ((_, _, _) => "");
        return (s, c, v) => v.Values.TryGetValue(name, out var value) ? Format(value) : otherwise(s, c, v);
    }

    /// <summary>How values print in messages: ISO UTC dates, comma-joined lists, invariant numbers.</summary>
    public static string Format(object? value) => value switch
    {
        null => "(none)",
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> l => string.Join(", ", l),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
