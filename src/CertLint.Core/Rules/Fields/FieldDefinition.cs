using CertLint.Findings;

namespace CertLint.Rules.Fields;

/// <summary>The type of a field's value: what functions apply and how options are typed.</summary>
public enum FieldType
{
    /// <summary>string</summary>
    String,
    /// <summary>long</summary>
    Integer,
    /// <summary>bool</summary>
    Boolean,
    /// <summary>DateTimeOffset (UTC)</summary>
    Date,
    /// <summary>IReadOnlyList&lt;string&gt;</summary>
    List,
    /// <summary>IReadOnlyList&lt;object&gt;: structured elements, quantified with each/any/none; see <see cref="FieldDefinition.Elements"/>.</summary>
    Records,
}

/// <summary>Reads a field from a subject; null means absent (the extension or object is not there).</summary>
public delegate object? FieldAccessor(RuleSubject subject, EvaluationContext context);

/// <summary>One addressable field: its path, type, the subject kinds that have it, and its compiled accessor.</summary>
public sealed record FieldDefinition(
    string Path,
    FieldType Type,
    IReadOnlySet<SubjectKind> Kinds,
    string Description,
    FieldAccessor Accessor)
{
    /// <summary>For certificate fields: the reader on the certificate itself (for `issuer.X` and the elements of `path`).</summary>
    public Func<Model.CertificateInfo, EvaluationContext, object?>? CertificateGet { get; init; }
    /// <summary>For records fields: the scope of one element.</summary>
    public FieldScope? Elements { get; init; }
}
