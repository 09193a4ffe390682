using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An even RSA modulus is 2·(n/2): it factors at once, and no RSA key generator makes one (BR §6.1.6). Modulus 0, even
/// too, is said as such (badkeys' rsanzero test keys): the other weak-key rules do not decode it, and without this
/// rule only weak-key's size would speak of it.
/// </summary>
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
        var rsa = RsaNumbers.Of(subject, context);
        if (rsa is { Modulus.IsEven: true })
        {
            yield return new Violation(new Dictionary<string, object?> { ["modulus"] = $"a {rsa.Bits}-bit even modulus: it factors at once" });
        }
        else if (rsa is null && RsaNumbers.HasZeroModulus(subject))
        {
            yield return new Violation(new Dictionary<string, object?> { ["modulus"] = "modulus 0: it encrypts and verifies nothing" });
        }
    }
}
