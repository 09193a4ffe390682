using CertLint.Findings;

namespace CertLint.Rules;

/// <summary>
/// A built-in check written in C#, for what a field assertion cannot express (chains, key pairing, file modes…).
/// One class per file under Rules/Primitives. Parameters are declared so the rule loader can validate a rule's
/// `with:` options when the rule file loads (unknown name, wrong type, out of range → file:line:col error).
/// </summary>
public interface ICheckPrimitive
{
    /// <summary>kebab-case name used in rule files: `check: { primitive: NAME, with: {...} }`.</summary>
    string Name { get; }

    /// <summary>The subject kinds this primitive can evaluate.</summary>
    IReadOnlyList<SubjectKind> SubjectKinds { get; }

    IReadOnlyList<PrimitiveParameter> Parameters { get; }

    /// <summary>
    /// Whether the check means anything for this subject, beyond the rule's `where:` (e.g. file modes only for a file
    /// that holds a private key). Not applicable is neither a pass nor a finding: no JUnit case, counted as NA.
    /// </summary>
    bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => true;

    /// <summary>Zero or more violations for the subject. Must not throw on odd input.</summary>
    IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context);
}

/// <summary>Parameter types a primitive may declare.</summary>
public enum ParameterType
{
    Integer,
    Number,
    String,
    Boolean,
    StringList,
    Duration,
}

/// <summary>A declared primitive parameter with its default and bounds.</summary>
public sealed record PrimitiveParameter(
    string Name,
    ParameterType Type,
    object? Default,
    string Description,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? AllowedValues = null);

/// <summary>Validated argument values, by parameter name (defaults filled in).</summary>
public sealed class PrimitiveArguments
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    public PrimitiveArguments(IReadOnlyDictionary<string, object?> values) => _values = values;

    public static PrimitiveArguments Empty { get; } = new(new Dictionary<string, object?>());

    public int GetInt(string name) => Convert.ToInt32(_values[name], System.Globalization.CultureInfo.InvariantCulture);
    public double GetDouble(string name) => Convert.ToDouble(_values[name], System.Globalization.CultureInfo.InvariantCulture);
    public string GetString(string name) => (string)_values[name]!;
    public bool GetBool(string name) => (bool)_values[name]!;
    public IReadOnlyList<string> GetStrings(string name) => (IReadOnlyList<string>)_values[name]!;
    public object? this[string name] => _values.TryGetValue(name, out var v) ? v : null;
}
