using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An RSA private exponent small enough to be computed from the public key: Wiener's attack on (n, e) for any
/// certificate or key (d &lt; n^¼/3), and, for a private key file, the parse-time verdict d mod λ(n) &lt; n^0.292
/// (Boneh–Durfee, IEEE Trans. IT 46(4), 2000). One finding per key: the Wiener result when both hold.
/// </summary>
public sealed class RsaSmallPrivateExponentPrimitive : ICheckPrimitive
{
    public string Name => "rsa-small-private-exponent";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, context) : [];

    private static IEnumerable<Violation> Violations(RuleSubject subject, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa) yield break;
        string? how = rsa.WienerWeak
            ? "Wiener's continued-fraction attack computes it from the public key alone (d < n^¼/3)"
            : subject.Key?.Verdict is { Flaw: null, SmallSecretBits: { } bits }
                ? $"the key file's private exponent has {bits} bits, below n^0.292, where Boneh and Durfee's lattice attack computes it from the public key"
                : null;
        if (how is null) yield break;
        yield return new Violation(new Dictionary<string, object?> { ["bits"] = rsa.Bits, ["how"] = how });
    }
}

/// <summary>
/// An EC private scalar confined to at most <see cref="PrivateKeyVerdict.MaxSmallScalarBits"/> bits (or that close to
/// the group order): Pollard's kangaroo finds a b-bit scalar in about 2^(b/2) group operations. Key files only: the
/// scalar is judged at parse time and only the verdict is kept.
/// </summary>
public sealed class EcSmallScalarPrimitive : ICheckPrimitive
{
    public string Name => "ec-small-scalar";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.Key is { PublicKey.Algorithm: KeyAlgorithm.Ec, Verdict: { Flaw: null or PrivateKeyFlaw.PublicPointMismatch, SmallSecretBits: { } bits } }
            ? [new Violation(new Dictionary<string, object?> { ["scalarBits"] = bits, ["work"] = (bits + 1) / 2 })]
            : [];
}
