using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An RSA modulus that is a prime or a prime power (badkeys `rsainvalid`, subtest prime_n): φ(n) is public, so is the
/// private exponent. One Miller–Rabin round (a modular exponentiation the size of n) per distinct modulus; see
/// <see cref="PrimePower"/> for the boundaries with the other weak-key rules.
/// </summary>
public sealed class RsaPrimeModulusPrimitive : ICheckPrimitive
{
    public string Name => "rsa-prime-modulus";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, context) : [];

    private static IEnumerable<Violation> Violations(RuleSubject subject, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { PrimePowerExponent: { } k } rsa) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["bits"] = rsa.Bits,
            ["form"] = k == 1 ? "is itself a prime" : $"is a prime raised to the power {k}",
        });
    }
}
