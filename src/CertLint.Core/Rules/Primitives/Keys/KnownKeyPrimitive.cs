using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>A key (or a certificate for a key) whose private half is printed in an RFC or documentation: see <see cref="KnownKeys"/>.</summary>
public sealed class KnownKeyPrimitive : ICheckPrimitive
{
    public string Name => "known-key";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        (subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { } key && KnownKeys.BySpkiSha256.ContainsKey(key.Sha256) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if ((subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { } key && KnownKeys.BySpkiSha256.TryGetValue(key.Sha256, out var entry))
        {
            yield return new Violation(new Dictionary<string, object?> { ["keyName"] = entry.Name, ["source"] = entry.Source });
        }
    }
}
