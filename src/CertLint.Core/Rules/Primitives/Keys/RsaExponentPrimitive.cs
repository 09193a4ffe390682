using System.Numerics;
using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The RSA public exponent. `broken`: e ≤ 1 (e = 1 means no encryption at all: the "ciphertext" is the plaintext),
/// e even (not invertible modulo φ(n): no valid private key exists), or e ≥ n. `range`: an odd e between 3 and 65535
/// or above 2^256 − 1, outside NIST SP 800-89 / FIPS 186-5's 2^16 < e < 2^256 (small exponents turn padding mistakes into
/// plaintext recovery and signature forgery). One rule per mode, so a key gets one finding.
/// </summary>
public sealed class RsaExponentPrimitive : ICheckPrimitive
{
    private static readonly BigInteger MaxExponent = (BigInteger.One << 256) - 1;

    public string Name => "rsa-exponent";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("check", ParameterType.String, "broken", "broken: e ≤ 1, even or ≥ n; range: odd e outside 65537 .. 2^256 − 1",
            AllowedValues: ["broken", "range"]),
    ];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa) yield break;
        var e = rsa.Exponent;
        var broken = Broken(e, rsa.Modulus);
        string? reason = arguments.GetString("check") == "broken"
            ? broken
            : broken is null && (e < 65537 || e > MaxExponent) ? (e < 65537 ? "below 65537" : "above 2^256 - 1") : null;
        if (reason is null) yield break;
        var text = e.GetBitLength() <= 64 ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"a {e.GetBitLength()}-bit number";
        yield return new Violation(new Dictionary<string, object?> { ["exponent"] = text, ["reason"] = reason });
    }

    private static string? Broken(BigInteger e, BigInteger n) =>
        e <= 1 ? (e.IsOne ? "1: the ciphertext is the plaintext" : "not positive")
        : e.IsEven ? "even, so no private exponent exists for it"
        : e >= n ? "not smaller than the modulus"
        : null;
}
