using System.Buffers.Binary;
using System.Numerics;
using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An RSA modulus with structure no key generator leaves in a product of two random primes (badkeys `pattern`,
/// `rsapoly`, `rsabias` and `xzbackdoor`): the same octet 16 times in a row, a share of set bits far from one half in
/// the whole modulus and in its lower half alike (primes built from few bits or sparse polynomials in 2^k, which
/// polynomial or lattice factoring recovers), or first 16 octets that read as the xz-utils backdoor's payload header
/// (CVE-2024-3094). Each test is one pass over the modulus's octets (at most 2,048 of them: <see cref="RsaNumbers.MaxBits"/>),
/// so the rule costs microseconds per key. One finding per key, the first reason in that order.
/// A modulus biased in its upper half only is a "vanity" key (chosen leading text, random lower half): not known to be
/// weak, so it is not reported. The bias test leaves a modulus with a factor below 752 or an even one to
/// weak-key-small-factor and weak-key-rsa-even-modulus (one finding per defect); the other two judge every modulus.
/// </summary>
public sealed class RsaPatternPrimitive : ICheckPrimitive
{
    /// <summary>The run of one repeated octet that counts as a pattern: 16 octets (badkeys' bound).</summary>
    public const int RepeatedOctets = 16;

    /// <summary>Moduli below this many bits are not judged on their bit share: too few bits for the share to mean much.</summary>
    public const int MinBiasBits = 500;

    private static readonly int SmallPrimeCount = SmallPrimes.CountBelow(752);

    public string Name => "rsa-modulus-pattern";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, context) : [];

    private static IEnumerable<Violation> Violations(RuleSubject subject, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa || Reason(rsa) is not { } reason) yield break;
        yield return new Violation(new Dictionary<string, object?> { ["bits"] = rsa.Bits, ["reason"] = reason });
    }

    /// <summary>Why the modulus is not a product of random primes, or null.</summary>
    internal static string? Reason(RsaNumbers rsa)
    {
        var octets = rsa.ModulusBigEndian;
        if (RepeatedRun(octets) is { } run)
        {
            return $"has the octet 0x{run:X2} {RepeatedOctets} or more times in a row, a pattern no random prime leaves " +
                "(the primes were chosen by hand or by a broken generator, and such moduli have been factored)";
        }
        if (IsXzBackdoorHeader(octets))
        {
            return "begins with the header of the xz-utils backdoor's payload (CVE-2024-3094): it is no key but an attack " +
                "carrier, and the machine that made or accepted it may be compromised";
        }
        if (Bias(rsa) is { } bias)
        {
            return $"has {bias.Whole}% of its bits set and {bias.Lower}% of its lower half, where a product of random primes " +
                "has about 50% in both: its primes are built from few bits (sparse polynomials in a power of two), which " +
                "polynomial or lattice factoring recovers";
        }
        return null;
    }

    /// <summary>
    /// The octet value repeated <see cref="RepeatedOctets"/> times at any half-octet offset (as the modulus's hex digits
    /// read: 32 digits alternating between two values), or null. One pass over the digits.
    /// </summary>
    internal static int? RepeatedRun(ReadOnlySpan<byte> octets)
    {
        // Hex digits from the first non-zero one (a leading zero digit is no digit of the number).
        var digits = octets.Length * 2;
        var start = octets.Length > 0 && octets[0] < 0x10 ? 1 : 0;
        // run = how many digits so far end a stretch where every digit equals the one two places back.
        var run = 0;
        for (var i = start; i < digits; i++)
        {
            run = i - start >= 2 && Digit(octets, i) == Digit(octets, i - 2) ? run + 1 : Math.Min(i - start + 1, 2);
            if (run >= 2 * RepeatedOctets) return (Digit(octets, i - 1) << 4) | Digit(octets, i);
        }
        return null;
    }

    private static int Digit(ReadOnlySpan<byte> octets, int i) => (i & 1) == 0 ? octets[i >> 1] >> 4 : octets[i >> 1] & 0xF;

    /// <summary>
    /// The xz-utils backdoor (CVE-2024-3094) reads its command from an RSA modulus whose first 16 octets, as encoded in
    /// the ASN.1 INTEGER (with the leading zero octet when the top bit is set), give a·b + c ≤ 3 modulo 2^64, with a and b
    /// the first two 32-bit little-endian words and c the next 64-bit little-endian word. A random modulus does so with
    /// probability 2^-62.
    /// </summary>
    internal static bool IsXzBackdoorHeader(ReadOnlySpan<byte> octets)
    {
        if (octets.Length == 0) return false;
        Span<byte> head = stackalloc byte[16];
        head.Clear();
        var encoded = octets[0] >= 0x80 ? 1 : 0;
        octets[..Math.Min(octets.Length, 16 - encoded)].CopyTo(head[encoded..]);
        ulong a = BinaryPrimitives.ReadUInt32LittleEndian(head), b = BinaryPrimitives.ReadUInt32LittleEndian(head[4..]);
        var c = BinaryPrimitives.ReadUInt64LittleEndian(head[8..]);
        return unchecked(a * b + c) <= 3;
    }

    /// <summary>
    /// The share of set bits (whole percent, rounded down) in the modulus and in its lower half, when both are far from
    /// one half: below 40%, or outside 50 ± t (t = 10 above 2,000 bits, 12 above 1,000, else 17: the binomial spread
    /// of a random modulus is a few percent, so these are many standard deviations out). Null for an unbiased modulus,
    /// one biased in its upper half only (vanity), one below <see cref="MinBiasBits"/> bits, or one with a factor below
    /// 752 (weak-key-small-factor's and weak-key-rsa-even-modulus's).
    /// </summary>
    internal static (int Whole, int Lower)? Bias(RsaNumbers rsa)
    {
        if (rsa.Bits < MinBiasBits) return null;
        var whole = Percent(rsa.Modulus);
        var lower = Percent(rsa.Modulus & ((BigInteger.One << (rsa.Bits / 2)) - 1));
        var t = rsa.Bits > 2000 ? 10 : rsa.Bits > 1000 ? 12 : 17;
        bool Far(int pct) => pct < 40 || pct <= 50 - t || pct > 50 + t;
        if (!Far(whole) || !Far(lower)) return null;
        if (rsa.Modulus.IsEven) return null;
        var residues = rsa.Residues(SmallPrimeCount);
        for (var i = 0; i < residues.Length; i++)
        {
            if (residues[i] == 0) return null;
        }
        return (whole, lower);
    }

    private static int Percent(BigInteger x)
    {
        var bits = x.GetBitLength();
        if (bits == 0) return 0;
        long set = 0;
        // One pass over at most 2,048 octets (RsaNumbers.MaxBits).
        foreach (var octet in x.ToByteArray(isUnsigned: true, isBigEndian: true)) set += BitOperations.PopCount(octet);
        return (int)(set * 100 / bits);
    }
}
