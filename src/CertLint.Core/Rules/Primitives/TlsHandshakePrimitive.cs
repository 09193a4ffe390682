using CertLint.Findings;

namespace CertLint.Rules.Primitives;

/// <summary>
/// The check behind every tls-* handshake rule: an endpoint subject carries the observations of one handshake, and this
/// primitive reports those of the rule named by `with: { rule: NAME }` (a rule name), each as a violation with its message.
/// </summary>
public sealed class TlsHandshakePrimitive : ICheckPrimitive
{
    public const string PrimitiveName = "tls-handshake";

    public string Name => PrimitiveName;

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Endpoint];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("rule", ParameterType.String, null, "The tls-* rule (by name) whose handshake observations to report.",
            AllowedValues: BuiltInRules.Handshake),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var rule = arguments["rule"] as string;
        foreach (var o in subject.Handshake ?? [])
        {
            if (o.Rule == rule) yield return new Violation(new Dictionary<string, object?> { ["message"] = o.Message }, Message: o.Message);
        }
    }
}
