using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Trial division of an RSA modulus by the odd primes below a bound: by default every one up to 65,537, as badkeys
/// tries (the BR §6.1.6 ask for no factor smaller than 752, a floor). A modulus with a small factor is factored at
/// once: its private key is public. Even moduli are the rule
/// weak-key-rsa-even-modulus's, so 2 is not tried here (one finding per defect).
/// </summary>
public sealed class SmallFactorPrimitive : ICheckPrimitive
{
    public string Name => "rsa-small-factor";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("below", ParameterType.Integer, (long)SmallPrimes.Limit, "Try every odd prime below this bound", Minimum: 5, Maximum: SmallPrimes.Limit),
    ];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { Modulus.IsEven: false } rsa) yield break;   // even: weak-key-rsa-even-modulus
        if (rsa.SmallestOddFactor(SmallPrimes.CountBelow(arguments.GetInt("below"))) is { } factor)
        {
            yield return new Violation(new Dictionary<string, object?> { ["factor"] = factor, ["bits"] = rsa.Bits });
        }
    }
}
