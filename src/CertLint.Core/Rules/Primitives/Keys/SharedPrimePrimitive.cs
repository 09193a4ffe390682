using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Two RSA moduli of the scan with a common prime break each other: gcd(n1, n2) = p gives both factorisations.
/// Found by batch GCD over the distinct RSA moduli the scan holds, the first `maxModuli` of them (the work grows as about
/// n^1.6 with .NET's BigInteger; see <see cref="BatchGcd"/>; the default keeps it near 0.2 s of CPU, measured in
/// docs/performance.md). When the scan holds more, the first left-out key says so, once, so a large scan never looks
/// checked when it was not.
/// </summary>
public sealed class SharedPrimePrimitive : ICheckPrimitive
{
    /// <summary>
    /// 250 RSA-2048 moduli: batch GCD measured about 0.2 s of CPU on the benchmark machine (300 took 0.25 s, 1,000 took
    /// 1.4 s), within the weak-key rules' share of the 10,000-key benchmark; the rule's YAML states the same default.
    /// </summary>
    internal const long DefaultMaxModuli = 250;

    public string Name => "rsa-shared-prime";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("maxModuli", ParameterType.Integer, DefaultMaxModuli, "Most distinct RSA moduli compared (the first ones in scan order)",
            Minimum: 2, Maximum: 100_000),
    ];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa) yield break;
        var index = SharedPrimeIndex.Of(context.Inventory, arguments.GetInt("maxModuli"));
        if (index.PartnersOf(rsa.Modulus) is { } partners)
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["finding"] = $"is an RSA {rsa.Bits}-bit key that shares a prime factor with {Describe(partners)}: one GCD factors " +
                    $"both moduli, so both private keys are public. Replace every one of these keys; for this one, {Fields.KeyReplacement.Of(subject, context)}.",
            });
        }
        else if (ReferenceEquals(index.FirstOmitted, (object?)subject.Certificate ?? subject.Key))
        {
            yield return new Violation(new Dictionary<string, object?> { ["finding"] =
                $"is where the shared-prime check stopped: it compared only the first {index.Total - index.Omitted} of the scan's {index.Total} RSA moduli " +
                $"(maxModuli); {index.Omitted} from this one on were not compared: raise maxModuli for weak-key-shared-prime in .certlint.yml " +
                "(the cost grows as about n^1.6: 1,000 moduli take seconds, 10,000 minutes) or lint the key folders separately." });
        }
    }

    private static string Describe(IReadOnlyList<string> partners) => partners.Count == 0
        ? "another key of the scan"
        : string.Join("; ", partners.Take(5)) + (partners.Count > 5 ? $" and {partners.Count - 5} more" : "");
}
