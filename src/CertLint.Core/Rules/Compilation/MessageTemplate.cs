using System.Globalization;
using System.Text;
using CertLint.Configuration.Yaml;
using CertLint.Rules.Fields;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Compilation;

/// <summary>
/// A message with `{{placeholder}}`s, resolved at compile time: a primitive's violation value of that name wins,
/// then rule parameters, then field paths (and short aliases such as daysRemaining), then `subject`/`object`/`message`.
/// Unknown placeholders are load errors for field checks; a primitive may supply any value. Sections say what depends
/// on a value: `{{#NAME}}...{{/NAME}}` is written when NAME is true, a non-empty text or list or a non-zero number;
/// `{{^NAME}}...{{/NAME}}` when it is not (or absent). Sections nest. A section over records (`path`, `issuers`,
/// `san.entries`...) is written once per element, and inside it placeholders name the element's fields first
/// (`{{#issuers}}{{subject}} {{/issuers}}`). `failing` is the element that broke the check's each/none (see
/// <see cref="Witness"/>).
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>The elements of the enclosing record sections, innermost first.</summary>
    private sealed record Frame(object? Element, Frame? Outer);

    private delegate string Piece(RuleSubject subject, EvaluationContext context, Violation violation, Frame? frame);
    private delegate object? Value(RuleSubject subject, EvaluationContext context, Violation violation, Frame? frame);

    /// <summary>A placeholder resolved: how to read it and, for records, its elements' scope.</summary>
    private sealed record Resolved(Value Get, FieldScope? Elements);

    /// <summary>The name the check's failing element goes by in messages.</summary>
    public const string FailingName = "failing";

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

    /// <summary>
    /// The longest value a placeholder writes whole (a certificate's name, its serial, a SAN; each element of a list):
    /// the scanned file makes them, and one value the length of the file would leave no room in the message
    /// (<see cref="Findings.Finding.MessageLength"/>) for what is wrong.
    /// </summary>
    public const int ValueLength = 1_000;

    private MessageTemplate(Piece[] pieces) => _pieces = pieces;

    public string Render(RuleSubject subject, EvaluationContext context, Violation violation)
    {
        var sb = new StringBuilder();
        foreach (var p in _pieces) sb.Append(p(subject, context, violation, null));
        return sb.ToString();
    }

    /// <param name="witness">The check's failing element, when the check can name one (`{{#failing}}`).</param>
    internal static MessageTemplate Compile(CompileContext ctx, string text, YamlNode? node, string ruleName, bool openValues, Witness? witness = null)
    {
        var at = 0;
        var errors = new ErrorCollector(); // every unknown placeholder, not only the first
        var pieces = new Parser(ctx, text, node, ruleName, openValues, witness, errors).Parse(ref at, null, []);
        errors.ThrowIfAny();
        return new MessageTemplate(pieces);
    }

    private sealed class Parser(CompileContext ctx, string text, YamlNode? node, string ruleName, bool openValues, Witness? witness, ErrorCollector errors)
    {
        /// <summary>The pieces from <paramref name="at"/> up to the end, or up to `{{/closing}}` inside a section.</summary>
        /// <param name="scopes">The element scopes of the enclosing record sections, outermost first.</param>
        public Piece[] Parse(ref int at, string? closing, IReadOnlyList<FieldScope> scopes)
        {
            var pieces = new List<Piece>();
            while (Placeholders.Next(text, at) is { } m)
            {
                var literal = text[at..m.Index];
                if (literal.Length > 0) pieces.Add((_, _, _, _) => literal);
                at = m.Index + m.Length;
                var (sigil, name) = (m.Sigil, m.Name);
                if (sigil == "/")
                {
                    if (!string.Equals(name, closing, StringComparison.Ordinal))
                        throw ctx.Error(node ?? new YamlScalarNode(), $"'{{{{/{name}}}}}' in message closes no open section{(closing is null ? "" : $" (open: '{closing}')")}", "message");
                    return pieces.ToArray();
                }
                var resolved = errors.Try(() => Resolve(name, scopes), new Resolved((_, _, _, _) => null, null));
                var get = resolved.Get;
                if (sigil.Length == 0)
                {
                    pieces.Add((s, c, v, f) => Format(get(s, c, v, f)));
                    continue;
                }
                if (sigil == "#" && resolved.Elements is { } elements)
                {
                    // Once per element, the element's fields in scope.
                    var each = Parse(ref at, name, [.. scopes, elements]);
                    pieces.Add((s, c, v, f) => get(s, c, v, f) is System.Collections.IEnumerable list and not string
                        ? string.Concat(list.Cast<object?>().SelectMany(x => each.Select(p => p(s, c, v, new Frame(x, f)))))
                        : "");
                    continue;
                }
                var inner = Parse(ref at, name, scopes);
                var when = sigil == "#";
                pieces.Add((s, c, v, f) => Truthy(get(s, c, v, f)) == when ? string.Concat(inner.Select(p => p(s, c, v, f))) : "");
            }
            if (closing is not null) throw ctx.Error(node ?? new YamlScalarNode(), $"section '{closing}' in message is not closed with '{{{{/{closing}}}}}'", "message");
            var tail = text[at..];
            if (tail.Length > 0) pieces.Add((_, _, _, _) => tail);
            return pieces.ToArray();
        }

        /// <summary>The innermost element scope that has the name, then the rule's own values.</summary>
        private Resolved Resolve(string name, IReadOnlyList<FieldScope> scopes)
        {
            var path = Aliases.GetValueOrDefault(name, name);
            for (var d = scopes.Count - 1; d >= 0; d--)
            {
                if (scopes[d].Find(path) is not { } field) continue;
                var up = scopes.Count - 1 - d;
                var read = field.Get;
                return new Resolved((_, c, _, f) => Element(f, up) is { } x ? read(x, c) : null, field.Elements);
            }
            if (witness is not null && name == FailingName)
            {
                var find = witness.Find;
                return new Resolved((s, c, _, _) => find(s, c) is { } x ? new[] { x } : Array.Empty<object>(), witness.Scope);
            }
            return Outer(name);
        }

        private static object? Element(Frame? frame, int up)
        {
            for (; up > 0 && frame is not null; up--) frame = frame.Outer;
            return frame?.Element;
        }

        private Resolved Outer(string name)
        {
            Value? fallback = null;
            FieldScope? elements = null;
            if (ctx.Parameters.TryGetValue(name, out var param))
            {
                fallback = (_, _, _, _) => param;
            }
            else if (FieldCatalog.Find(Aliases.GetValueOrDefault(name, name)) is { } field && field.Kinds.Overlaps(ctx.Kinds) && name != "subject")
            {
                var get = field.Accessor;
                fallback = (s, c, _, _) => Bounded(get(s, c));
                elements = field.Elements;
            }
            else if (name == "subject")
            {
                fallback = (s, _, _, _) => s.Certificate is { } c ? c.Name : s.Object.Label;
            }
            else if (name == "object")
            {
                fallback = (s, _, _, _) => s.Object.Label;
            }
            else if (name == "message")
            {
                fallback = (_, _, v, _) => v.Message ?? "";
            }
            else if (name == "rule")
            {
                fallback = (_, _, _, _) => ruleName;
            }
            else if (!openValues)
            {
                var candidates = ctx.Parameters.Keys.Concat(Aliases.Keys).Concat(Specials).Concat(FieldCatalog.Paths);
                if (witness is not null) candidates = candidates.Append(FailingName);
                var suggestion = Suggest.Closest(name, candidates);
                throw ctx.Error(node ?? new YamlScalarNode(), $"unknown placeholder '{{{{{name}}}}}' in message{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", "message", suggestion);
            }
            var otherwise = fallback ?? ((_, _, _, _) => "");
            return new Resolved((s, c, v, f) => v.Values.TryGetValue(name, out var value) ? value : otherwise(s, c, v, f), elements);
        }
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

    /// <summary>
    /// A field's value as a message reads it: a string, and each string of a list, cut at <see cref="ValueLength"/>
    /// characters. Only fields (what the scanned object holds) are cut: a check's own values (a path's problems, a
    /// bundle's order) are bounded where they are made (16 names, then "and N more"), a whole message by the finding.
    /// </summary>
    private static object? Bounded(object? value) => value switch
    {
        string s => Findings.SafeText.Shorten(s, ValueLength),
        IEnumerable<string> l when l.Any(x => x.Length > ValueLength + Findings.SafeText.ShortenMark) =>
            l.Select(x => Findings.SafeText.Shorten(x, ValueLength)).ToList(),
        _ => value,
    };

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
}
