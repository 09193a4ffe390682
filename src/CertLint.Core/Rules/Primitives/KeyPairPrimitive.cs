using CertLint.Findings;
using CertLint.Rules.Fields;

namespace CertLint.Rules.Primitives;

/// <summary>
/// A key and the certificate it was shipped with (same file stem, same PEM, same PKCS#12) must hold the same public key.
/// The inventory decides which pairs were meant to go together; this reports each mismatch once, on the key
/// (or on the certificate when a rule evaluates certificates).
/// </summary>
public sealed class KeyPairPrimitive : ICheckPrimitive
{
    public string Name => "key-pair";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Key, SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        (subject.Key ?? (object?)subject.Certificate) is { } side && InventoryIndex.Of(context.Inventory).MismatchesOf(side).Count > 0
            ? Violations(subject, arguments, context)
            : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        object? side = subject.Key is not null ? subject.Key : subject.Certificate;
        if (side is null) yield break;
        foreach (var m in InventoryIndex.Of(context.Inventory).MismatchesOf(side))
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["certificate"] = m.Certificate.Label,
                ["certificatePath"] = m.Certificate.Location.ToString(),
                ["certificateSha256"] = m.Certificate.Sha256,
                ["key"] = m.Key.Label,
                ["keyPath"] = m.Key.Location.ToString(),
                ["reason"] = m.Reason,
            });
        }
    }
}
