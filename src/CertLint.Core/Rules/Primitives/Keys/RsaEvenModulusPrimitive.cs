using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>An even RSA modulus is 2·(n/2): it factors at once, and no RSA key generator makes one (BR §6.1.6).</summary>
public sealed class RsaEvenModulusPrimitive : ICheckPrimitive
{
    public string Name => "rsa-even-modulus";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is { Modulus.IsEven: true } rsa)
        {
            yield return new Violation(new Dictionary<string, object?> { ["bits"] = rsa.Bits });
        }
    }
}
