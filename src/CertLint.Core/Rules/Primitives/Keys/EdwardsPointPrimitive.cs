using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An Ed25519 or Ed448 public key must decode to a point (RFC 8032 §5.1.3, §5.2.3: canonical y, a square root for x,
/// no "negative zero") of the prime-order subgroup; an X25519 or X448 public key must not be a point of small order
/// (RFC 7748 §6.1: the shared secret is then zero whatever the other side's key). Key generators never produce such
/// keys: one in a certificate or key file was made by hand, by a broken tool or to attack a verifier (small-order
/// Ed25519 keys let one signature verify for many messages, and verifiers that do and do not multiply by the cofactor
/// disagree on keys with a small-order component). The key's size says nothing of this.
/// </summary>
public sealed class EdwardsPointPrimitive : ICheckPrimitive
{
    public string Name => "edwards-point";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    private static readonly DistinctKeyAnswers Answers = new(Problem);

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        (subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { Algorithm: KeyAlgorithm.Ed25519 or KeyAlgorithm.Ed448 or KeyAlgorithm.X25519 or KeyAlgorithm.X448 } key
        && Answers.Of(key, context.Inventory) is { } problem
            ? [new Violation(new Dictionary<string, object?>
            {
                ["problem"] = problem, ["key"] = key.Label, ["generate"] = key.Label.ToUpperInvariant(),
            })]
            : [];

    internal static string? Problem(PublicKeyInfo key)
    {
        if (!DistinctKeyAnswers.TryRead(key, out _, out var encoded)) return null;
        return key.Algorithm switch
        {
            KeyAlgorithm.Ed25519 => EdwardsProblem(EdwardsCurves.Ed25519, encoded.Span),
            KeyAlgorithm.Ed448 => EdwardsProblem(EdwardsCurves.Ed448, encoded.Span),
            KeyAlgorithm.X25519 => MontgomeryProblem(EdwardsCurves.X25519, encoded.Span),
            _ => MontgomeryProblem(EdwardsCurves.X448, encoded.Span),
        };
    }

    private static string? EdwardsProblem(EdwardsCurves.Edwards c, ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != c.Bytes) return $"is {encoded.Length} bytes long, not {c.Bytes}";
        switch (EdwardsCurves.Decode(c, encoded, out var point))
        {
            case EdwardsCurves.Decoding.NonCanonical:
                return $"has a y coordinate outside the {c.Name} field (a non-canonical encoding, which RFC 8032 decoding rejects)";
            case EdwardsCurves.Decoding.NotOnCurve:
                return $"is not a point of {c.Name}: no x satisfies the curve equation for its y";
            case EdwardsCurves.Decoding.NegativeZero:
                return "encodes x = 0 with the sign bit set, which RFC 8032 decoding rejects";
        }
        if (EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.Cofactor)))
        {
            return $"is a point of small order (dividing {c.Cofactor}) on {c.Name}: one signature verifies for many messages under it, and it is no one's key";
        }
        return EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.L))
            ? null
            : $"has a small-order component (it is not in the prime-order subgroup of {c.Name}): no key generator makes such a key, and verifiers disagree on its signatures";
    }

    private static string? MontgomeryProblem(EdwardsCurves.Montgomery c, ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != c.Bytes) return $"is {encoded.Length} bytes long, not {c.Bytes}";
        return EdwardsCurves.HasSmallOrder(c, encoded)
            ? $"is a u-coordinate of small order (dividing {c.Cofactor}) on {c.Name} or its twist: every shared secret computed with it is zero"
            : null;
    }
}
