using CertLint.Rules.Fields;

namespace CertLint.Rules.Compilation;

/// <summary>
/// Functions whose option is another field (`equals: { field: issuer.ski }`): both values are read per subject.
/// An absent value on either side fails the comparison.
/// </summary>
internal static class FieldComparisons
{
    private static readonly StringComparer Text = StringComparer.OrdinalIgnoreCase;

    public static Func<object?, object?, EvaluationContext, bool> Compile(string name, FieldType left, FieldType right, Func<string, Exception> error)
    {
        switch (name)
        {
            case "equals":
                if (left != right || left is FieldType.Records) throw error($"compares a {Describe(left)} with a {Describe(right)}");
                return (a, b, _) => a is not null && b is not null && (a is string x && b is string y ? Text.Equals(x, y)
                    : a is IReadOnlyList<string> l && b is IReadOnlyList<string> m ? l.SequenceEqual(m, Text) : a.Equals(b));
            case "in":
                if (right != FieldType.List || left is not (FieldType.String or FieldType.Integer)) throw error("needs a string field and a list field");
                return (a, b, _) => b is IReadOnlyList<string> l && a is not null && l.Contains(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture), Text);
            case "contains":
                if (left != FieldType.List && left != FieldType.String) throw error("needs a list or string field");
                return (a, b, _) => b is not null && Convert.ToString(b, System.Globalization.CultureInfo.InvariantCulture) is { } item &&
                    (a is IReadOnlyList<string> l ? l.Contains(item, Text) : a is string s && s.Contains(item, StringComparison.OrdinalIgnoreCase));
            case "min" or "max":
                if (left != FieldType.Integer || right != FieldType.Integer) throw error("compares integer fields");
                return name == "min" ? (a, b, _) => a is long x && b is long y && x >= y : (a, b, _) => a is long x && b is long y && x <= y;
            default:
                if (left != FieldType.Date || right != FieldType.Date) throw error("compares date fields");
                return name == "before"
                    ? (a, b, _) => a is DateTimeOffset x && b is DateTimeOffset y && x < y
                    : (a, b, _) => a is DateTimeOffset x && b is DateTimeOffset y && x > y;
        }
    }

    private static string Describe(FieldType t) => t.ToString().ToLowerInvariant();
}
