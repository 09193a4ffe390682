using System.Text.RegularExpressions;

namespace CertLint.Action.Tests.Harness;

/// <summary>
/// The part of the GitHub Actions expression language that action.yml uses: literals, context paths
/// (inputs.x, steps.id.outputs.y, github.action_path), ==, !=, !, &amp;&amp;, ||, parentheses and the status
/// functions. Anything else throws, so action.yml cannot silently grow beyond what this harness checks.
/// Comparisons of strings ignore case, as the runner's do.
/// </summary>
internal sealed partial class Expressions(Func<string, string?> context, Func<string, bool> statusFunction)
{
    /// <summary>Replaces every ${{ ... }} in a value with its result.</summary>
    public string Interpolate(string text) => Interpolation().Replace(text, m => AsString(Evaluate(m.Groups[1].Value)));

    /// <summary>An `if:`: without a status function the runner adds success() &amp;&amp;.</summary>
    public bool Condition(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition)) return statusFunction("success");
        var expr = condition.Trim();
        var m = Interpolation().Match(expr);
        if (m.Success && m.Index == 0 && m.Length == expr.Length) expr = m.Groups[1].Value;
        var truthy = IsTruthy(Evaluate(expr));
        return StatusCall().IsMatch(expr) ? truthy : statusFunction("success") && truthy;
    }

    public object? Evaluate(string expression)
    {
        var parser = new Parser(Tokenize(expression), this);
        var value = parser.Or();
        if (!parser.AtEnd) throw new FormatException($"Unexpected text in expression '{expression}'.");
        return value;
    }

    public static bool IsTruthy(object? v) => v switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        double d => d != 0,
        _ => true,
    };

    public static string AsString(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase),
        (bool x, bool y) => x == y,
        (null, null) => true,
        (null, string y) => y.Length == 0,
        (string x, null) => x.Length == 0,
        _ => string.Equals(AsString(a), AsString(b), StringComparison.OrdinalIgnoreCase),
    };

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (Match m in Token().Matches(text))
        {
            if (m.Groups["bad"].Success) throw new FormatException($"Unsupported expression syntax in '{text}' at '{m.Value}'.");
            if (!string.IsNullOrWhiteSpace(m.Value)) tokens.Add(m.Value);
        }
        return tokens;
    }

    private sealed class Parser(List<string> tokens, Expressions owner)
    {
        private int _pos;
        public bool AtEnd => _pos >= tokens.Count;
        private string? Peek => AtEnd ? null : tokens[_pos];

        public object? Or()
        {
            var left = And();
            while (Peek == "||") { _pos++; var right = And(); left = IsTruthy(left) ? left : right; }
            return left;
        }

        private object? And()
        {
            var left = Comparison();
            while (Peek == "&&") { _pos++; var right = Comparison(); left = IsTruthy(left) ? right : left; }
            return left;
        }

        private object? Comparison()
        {
            var left = Unary();
            if (Peek is "==" or "!=")
            {
                var op = tokens[_pos++];
                var equal = Equal(left, Unary());
                return op == "==" ? equal : !equal;
            }
            return left;
        }

        private object? Unary()
        {
            if (Peek == "!") { _pos++; return !IsTruthy(Unary()); }
            return Primary();
        }

        private object? Primary()
        {
            var token = Peek ?? throw new FormatException("Expression ends too early.");
            _pos++;
            if (token == "(") { var v = Or(); Expect(")"); return v; }
            if (token.StartsWith('\'')) return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
            if (token is "true" or "false") return token == "true";
            if (token == "null") return null;
            if (char.IsDigit(token[0])) return double.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
            if (Peek == "(")
            {
                _pos++;
                Expect(")");
                return owner.StatusFunctionCall(token);
            }
            return owner.Lookup(token);
        }

        private void Expect(string token)
        {
            if (Peek != token) throw new FormatException($"Expected '{token}'.");
            _pos++;
        }
    }

    private bool StatusFunctionCall(string name) => name is "success" or "failure" or "always" or "cancelled"
        ? statusFunction(name)
        : throw new NotSupportedException($"Function {name}() is not supported by the test harness.");

    private string Lookup(string path) => context(path) ?? "";

    [GeneratedRegex(@"\$\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"\b(success|failure|always|cancelled)\s*\(")]
    private static partial Regex StatusCall();

    [GeneratedRegex(@"\s+|'(?:[^']|'')*'|==|!=|&&|\|\||[!()]|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.-]*|(?<bad>.)")]
    private static partial Regex Token();
}
