using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// A private key whose numbers contradict each other (OpenSSL `pkey -check`: RSA_check_key, EC_KEY_check_key), from
/// the verdict the parser kept (<see cref="KeyInfo.Verdict"/>). A stored EC point that is not on its curve is
/// ec-key-invalid's finding, not a second one here.
/// </summary>
public sealed class PrivateKeyConsistencyPrimitive : ICheckPrimitive
{
    public string Name => "private-key-consistency";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Key is not { Verdict.Flaw: { } flaw } key) return [];
        if (flaw == PrivateKeyFlaw.PublicPointMismatch && key.PublicKey is { } pub && EcPointPrimitive.ProblemOf(pub, context.Inventory) is not null) return [];
        return [new Violation(new Dictionary<string, object?> { ["problem"] = Describe(flaw) })];
    }

    internal static string Describe(PrivateKeyFlaw flaw) => flaw switch
    {
        PrivateKeyFlaw.ModulusNotProduct => "its modulus n is not the product of its primes",
        PrivateKeyFlaw.FactorNotPrime => "one of its factors (p, q or a further prime of a multi-prime key) is not a prime",
        PrivateKeyFlaw.ExponentsNotInverse => "its private exponent d is not the inverse of e modulo lcm(p − 1, q − 1, …): it cannot decrypt or sign",
        PrivateKeyFlaw.WrongCrtExponent => "a CRT exponent (dP, dQ or a further prime's d_i) is wrong: every signature made with it is faulty and reveals a prime factor of n (the Bellcore fault attack)",
        PrivateKeyFlaw.WrongCrtCoefficient => "a CRT coefficient is wrong (qInv is not q⁻¹ mod p, or a further prime's t_i is not the inverse of the primes before it): every signature made with it is faulty and reveals a prime factor of n (the Bellcore fault attack)",
        PrivateKeyFlaw.ScalarOutOfRange => "its private scalar is 0 or not below the order of the curve's generator",
        PrivateKeyFlaw.PublicValueMismatch => "its stored public value y is not g^x mod p: tools that read y and tools that sign with x disagree on which key this is (CertLint pairs it by x)",
        _ => "its stored public point is not its private scalar times the generator: the file pairs with certificates it cannot sign for",
    };
}
