using System.Numerics;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An EC public key must name its curve (RFC 5480 §2.1.1: namedCurve only; explicit parameters let a file pick a
/// weak or trapdoored curve and were behind CVE-2020-0601, "CurveBall") and its point must be a point of that curve
/// other than the identity (an invalid point leaks the private key to invalid-curve attacks and the identity is no
/// key at all). Points are checked for the curves in <see cref="EcCurves"/>; curves weaker than P-256 are weak-key's.
/// </summary>
public sealed class EcPointPrimitive : ICheckPrimitive
{
    public string Name => "ec-point";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    private static readonly DistinctKeyAnswers Answers = new(Problem);

    // Not an iterator: asked of every certificate and key, and an iterator is an allocation each time.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        (subject.Certificate?.PublicKey ?? subject.Key?.PublicKey) is { Algorithm: KeyAlgorithm.Ec } key && ProblemOf(key, context.Inventory) is { } problem
            ? [new Violation(new Dictionary<string, object?> { ["problem"] = problem })]
            : [];

    /// <summary><see cref="Problem"/>, once per distinct SubjectPublicKeyInfo of the inventory.</summary>
    internal static string? ProblemOf(PublicKeyInfo key, CertificateInventory inventory) => Answers.Of(key, inventory);

    internal static string? Problem(PublicKeyInfo key)
    {
        if (!DistinctKeyAnswers.TryRead(key, out var parameters, out var point)) return null;
        if (key.CurveOid is null)
        {
            return parameters.IsEmpty || parameters.Span[0] == 0x05
                ? "does not name its curve (parameters absent or implicitlyCA)"
                : "spells out explicit curve parameters instead of naming a curve";
        }
        return EcCurves.ByOid.TryGetValue(key.CurveOid, out var curve) ? PointProblem(curve, point.Span) : null;
    }

    private static string? PointProblem(EcCurves.Curve c, ReadOnlySpan<byte> point)
    {
        if (point.Length == 1 && point[0] == 0) return $"is the point at infinity (the identity) of {c.Name}, which is no key at all";
        var uncompressed = point.Length == 1 + (2 * c.Bytes) && point[0] is 4 or 6 or 7;
        var compressed = point.Length == 1 + c.Bytes && point[0] is 2 or 3;
        if (!uncompressed && !compressed) return $"is not a well-formed {c.Name} point encoding ({point.Length} bytes)";
        var x = new BigInteger(point.Slice(1, c.Bytes), isUnsigned: true, isBigEndian: true);
        if (x >= c.P) return $"has an x coordinate outside the {c.Name} field";
        var rhs = (BigInteger.ModPow(x, 3, c.P) + (c.A * x) + c.B) % c.P;
        if (compressed)
        {
            // A square root of x³ + ax + b must exist (Euler's criterion) for x to be on the curve.
            return rhs.IsZero || BigInteger.ModPow(rhs, (c.P - 1) / 2, c.P).IsOne ? null : $"is not on {c.Name}: no point has this x";
        }
        var y = new BigInteger(point.Slice(1 + c.Bytes, c.Bytes), isUnsigned: true, isBigEndian: true);
        if (y >= c.P) return $"has a y coordinate outside the {c.Name} field";
        if (point[0] != 4 && (point[0] & 1) != (int)(y & 1)) return $"is a hybrid encoding whose parity bit contradicts y";
        return BigInteger.ModPow(y, 2, c.P) == rhs ? null : $"is not on {c.Name}: y² ≠ x³ + ax + b";
    }
}
