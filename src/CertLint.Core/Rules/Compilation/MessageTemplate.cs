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
/// Unknown placeholders are load errors for field checks; a primitive may supply any value. Sections say what depends
/// on a value: `{{#NAME}}...{{/NAME}}` is written when NAME is true, a non-empty text or list or a non-zero number;
/// `{{^NAME}}...{{/NAME}}` when it is not (or absent). Sections nest.
/// </summary>
public sealed partial class MessageTemplate
{
    private delegate string Piece(RuleSubject subject, EvaluationContext context, Violation violation);
    private delegate object? Value(RuleSubject subject, EvaluationContext context, Violation violation);

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
        var at = 0;
        return new MessageTemplate(Parse(ctx, text, ref at, null, node, ruleName, openValues));
    }

    /// <summary>The pieces from <paramref name="at"/> up to the end, or up to `{{/closing}}` inside a section.</summary>
    private static Piece[] Parse(CompileContext ctx, string text, ref int at, string? closing, YamlNode? node, string ruleName, bool openValues)
    {
        var pieces = new List<Piece>();
        for (var m = Placeholder().Match(text, at); m.Success; m = Placeholder().Match(text, at))
        {
            var literal = text[at..m.Index];
            if (literal.Length > 0) pieces.Add((_, _, _) => literal);
            at = m.Index + m.Length;
            var (sigil, name) = (m.Groups[1].Value, m.Groups[2].Value);
            if (sigil == "/")
            {
                if (!string.Equals(name, closing, StringComparison.Ordinal))
                    throw ctx.Error(node ?? new YamlScalarNode(), $"'{{{{/{name}}}}}' in message closes no open section{(closing is null ? "" : $" (open: '{closing}')")}", "message");
                return pieces.ToArray();
            }
            var get = Resolve(ctx, name, node, ruleName, openValues);
            if (sigil.Length == 0)
            {
                pieces.Add((s, c, v) => Format(get(s, c, v)));
                continue;
            }
            var inner = Parse(ctx, text, ref at, name, node, ruleName, openValues);
            var when = sigil == "#";
            pieces.Add((s, c, v) => Truthy(get(s, c, v)) == when ? string.Concat(inner.Select(p => p(s, c, v))) : "");
        }
        if (closing is not null) throw ctx.Error(node ?? new YamlScalarNode(), $"section '{closing}' in message is not closed with '{{{{/{closing}}}}}'", "message");
        var tail = text[at..];
        if (tail.Length > 0) pieces.Add((_, _, _) => tail);
        return pieces.ToArray();
    }

    /// <summary>Whether a section is written: true, a non-empty text or list, a non-zero number, any other value.</summary>
    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        long l => l != 0,
        int i => i != 0,
        System.Collections.IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };

    private static Value Resolve(CompileContext ctx, string name, YamlNode? node, string ruleName, bool openValues)
    {
        Value? fallback = null;
        if (ctx.Parameters.TryGetValue(name, out var param))
        {
            fallback = (_, _, _) => param;
        }
        else if (FieldCatalog.Find(Aliases.GetValueOrDefault(name, name)) is { } field && field.Kinds.Overlaps(ctx.Kinds) && name != "subject")
        {
            var get = field.Accessor;
            fallback = (s, c, _) => get(s, c);
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
        return (s, c, v) => v.Values.TryGetValue(name, out var value) ? value : otherwise(s, c, v);
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
        // A list of names that hold commas themselves (distinguished names) is separated with semicolons.
        IEnumerable<string> l => string.Join(l.Any(x => x.Contains(", ", StringComparison.Ordinal)) ? "; " : ", ", l),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"\{\{\s*([#^/]?)\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
