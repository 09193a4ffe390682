using System.Numerics;
using System.Security.Cryptography;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Diffie-Hellman parameters whose prime is shorter than <c>minimumBits</c> (default 2,048): a 1,024-bit group is
/// within reach of a nation-state's precomputation (Logjam, 2015), 512 bits of anyone's. One violation per parameter
/// set at its lines, naming the group when it is a well-known one.
/// </summary>
public sealed class DhParametersSizePrimitive : ICheckPrimitive
{
    public string Name => "dh-params-size";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("minimumBits", ParameterType.Integer, 2048L, "Shortest prime p accepted, in bits", Minimum: 1024, Maximum: 8192),
    ];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => subject.File.DhParameters.Count > 0;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var minimum = arguments.GetInt("minimumBits");
        return subject.File.DhParameters.Where(d => d.Bits < minimum).Select(d => new Violation(new Dictionary<string, object?>
        {
            ["line"] = d.Location.StartLine,
            ["bits"] = d.Bits,
            ["group"] = DhGroups.NameOf(d.P) is { } name ? $" ({name})" : "",
            ["minimum"] = minimum,
        }, d.Location));
    }
}

/// <summary>
/// Diffie-Hellman parameters that do not make a sound group: p even, g outside 2..p−2 (the shared secret then takes
/// one or two values), X9.42 parameters whose q does not divide p−1 or whose g does not have order q, and PKCS#3
/// parameters (no q) whose p is not a safe prime (p = 2q + 1, q prime): without q a peer cannot check the subgroup of
/// the other's public value, and a prime with small subgroups leaks the private exponent bit by bit (CVE-2016-0701;
/// RFC 7919 §5.1). The well-known groups (RFC 3526, RFC 7919) are known safe. Primality costs modular
/// exponentiations as long as p, so at most <c>maxPrimes</c> distinct primes of the scan are tested (the first in
/// scan order); the others get the cheap checks only, and the first left out says so.
/// </summary>
public sealed class DhParametersStructurePrimitive : ICheckPrimitive
{
    /// <summary>
    /// Miller–Rabin rounds per number (bases 2, 3): a random composite fails the first, so the rounds only bound what a
    /// (probable) prime costs; a composite built to pass them is no threat the repository's own author needs warning
    /// of. One modular exponentiation takes 0.1 s at 2,048 bits, 0.4 s at 4,096 and 1.5 s at 8,192 with BigInteger.ModPow
    /// (measured on a loaded CI-class machine; libcrypto, <see cref="ModularExponent"/>'s route on Linux, 3 ms, 19 ms and 0.1 s), so longer numbers get one round, and primes longer than
    /// <see cref="MaxTestedBits"/> (beyond every group in use) none.
    /// </summary>
    private static int Rounds(BigInteger n) => n.GetBitLength() <= 4096 ? 2 : 1;

    /// <summary>The longest prime tested: RFC 3526's and RFC 7919's largest groups have 8,192 bits.</summary>
    private const int MaxTestedBits = 8192;

    public string Name => "dh-params-structure";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("maxPrimes", ParameterType.Integer, 4L, "Most distinct primes p tested for primality per run (the first in scan order)", Minimum: 0, Maximum: 1000),
    ];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => subject.File.DhParameters.Count > 0;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var max = arguments.GetInt("maxPrimes");
        var tested = context.Once($"dh-params-structure:{max}", () => Tested(context.Inventory, max));
        var violations = new List<Violation>();
        foreach (var d in subject.File.DhParameters)
        {
            if (Problem(d, tested.Primes.Contains(d.P)) is { } problem) violations.Add(Make(d, problem));
            if (ReferenceEquals(tested.FirstOmitted, d))
            {
                violations.Add(Make(d, $"the primality tests stopped here (the first {max} distinct primes of the scan were tested, maxPrimes; " +
                    "this and the rest got the cheap checks only, raise maxPrimes for dh-params-unsafe in .certlint.yml)"));
            }
        }
        return violations;
    }

    private static Violation Make(DhParametersInfo d, string problem) =>
        new(new Dictionary<string, object?> { ["line"] = d.Location.StartLine, ["problem"] = problem, ["encoding"] = d.Encoding, ["bits"] = d.Bits }, d.Location);

    /// <summary>
    /// The first problem found, cheapest checks first; null when the parameters make a sound group and the public value
    /// that came with them (a DH public key or certificate) is a valid one.
    /// </summary>
    internal static string? Problem(DhParametersInfo d, bool testPrimality) =>
        GroupProblem(d, testPrimality) ?? PublicValueProblem(d, testPrimality);

    /// <summary>
    /// SP 800-56A Rev. 3 §5.6.2.3.1's checks of a public value in a sound group: 2 ≤ y ≤ p − 2 (RFC 7919 §5.1: 1 and
    /// p − 1 confine the shared secret to 1 or ±1, 0 and p to 0) and, when q is known, y^q = 1 (mod p), so y lies in the
    /// subgroup of order q; the second costs an exponentiation, so only for primes the scan tests.
    /// </summary>
    private static string? PublicValueProblem(DhParametersInfo d, bool testPrimality)
    {
        if (d.PublicValue is not { } y) return null;
        if (y < 2 || y > d.P - 2) return "the key's public value y is outside 2..p−2, so every shared secret made with it is 0, 1 or ±1";
        if (d.Q is { } q && testPrimality && d.Bits <= MaxTestedBits && !ModularExponent.Pow(y, q, d.P).IsOne)
        {
            return "the key's public value y is not in the subgroup of order q (y^q mod p ≠ 1), so peers that check it refuse it";
        }
        return null;
    }

    private static string? GroupProblem(DhParametersInfo d, bool testPrimality)
    {
        var p = d.P;
        if (p.IsEven || p < 5) return "p is not an odd prime (it is even or below 5)";
        if (d.G < 2 || d.G > p - 2) return $"g = {(d.G.GetBitLength() <= 16 ? d.G.ToString(System.Globalization.CultureInfo.InvariantCulture) : "a value")} is outside 2..p−2, so every shared secret is 1 or ±1";
        if (d.Q is { } q)
        {
            if (q < 2 || !((p - 1) % q).IsZero) return "q does not divide p − 1, so no subgroup of order q exists";
            if (!testPrimality) return null;
            if (d.Bits > MaxTestedBits) return TooLong;
            if (!ModularExponent.Pow(d.G, q, p).IsOne) return "g does not have order q (g^q mod p ≠ 1), so the subgroup check peers make fails";
            if (!NumberTheory.IsProbablePrime(q, Rounds(q))) return "q is not prime, so the subgroup has smaller subgroups an attacker can confine a key to";
            return NumberTheory.IsProbablePrime(p, Rounds(p)) ? null : "p is not prime";
        }
        if (DhGroups.NameOf(p) is not null) return null;
        var half = (p - 1) >> 1;
        // Trial division first, in one pass of the weak-key rules' residues: (p − 1)/2 of a random DSA-style prime almost
        // always has a small factor r, and for an odd r, r divides (p − 1)/2 exactly when p mod r is 1.
        var residues = SmallPrimes.Residues(p.ToByteArray(isUnsigned: true, isBigEndian: true), TrialPrimes);
        for (var i = 0; i < residues.Length; i++)
        {
            var prime = SmallPrimes.Odd[i];
            if (residues[i] == 1 && half != prime) return $"p is not a safe prime ((p − 1)/2 is divisible by {prime}, so the group has a subgroup of order {prime})";
            if (residues[i] == 0 && p != prime) return $"p is not prime (it is divisible by {prime})";
        }
        if (!testPrimality) return null;
        if (d.Bits > MaxTestedBits) return TooLong;
        if (!NumberTheory.IsProbablePrime(p, Rounds(p))) return "p is not prime";
        return NumberTheory.IsProbablePrime(half, Rounds(half)) ? null : "p is not a safe prime ((p − 1)/2 is not prime, so the group has smaller subgroups)";
    }

    /// <summary>The odd primes below 2000 that trial division tries.</summary>
    private static readonly int TrialPrimes = SmallPrimes.CountBelow(2000);

    private const string TooLong = "p is longer than 8192 bits, beyond every group in use, and was not tested for primality";

    private sealed record Scope(HashSet<BigInteger> Primes, DhParametersInfo? FirstOmitted);

    /// <summary>The first <paramref name="max"/> distinct primes of the scan, in file order (scanned files before context), that are not well-known groups.</summary>
    private static Scope Tested(CertificateInventory inventory, int max)
    {
        var primes = new HashSet<BigInteger>();
        DhParametersInfo? omitted = null;
        // The scanned files first: a bound spent on the rest of the repository (context) must not leave them untested.
        foreach (var d in inventory.Files.OrderBy(f => f.File.IsContext).SelectMany(f => f.DhParameters))
        {
            if (DhGroups.NameOf(d.P) is not null || primes.Contains(d.P)) continue;
            if (primes.Count < max) primes.Add(d.P);
            else
            {
                omitted = d;
                break;
            }
        }
        return new Scope(primes, omitted);
    }
}

/// <summary>The well-known safe-prime groups, by SHA-256 of p (big-endian, no leading zero): RFC 3526 and RFC 7919.</summary>
internal static class DhGroups
{
    private static readonly Dictionary<string, string> ByDigest = new(StringComparer.Ordinal)
    {
        ["64fcc83ec403930bf18393dbc883ccaa1fbb08ac876f77f7aa99748ca945019b"] = "RFC 3526 group 5, 1536-bit MODP",
        ["d66436f79bbd6b2e38c0ffbd079be904d2641415e2e67140e09448be9a60890e"] = "RFC 3526 group 14, 2048-bit MODP",
        ["48cf8b092fbce4359d9871abf74f98e25b6163379eaa15cd9087e800c6d1c55c"] = "RFC 3526 group 15, 3072-bit MODP",
        ["4ee95187682bcb230ad26a95205f6920e84708f6251b3894329b09ec23919e33"] = "RFC 3526 group 16, 4096-bit MODP",
        ["d1bfe6d0925ce7e4da262b62861514a7755e35831e429f343e7b864848657efd"] = "RFC 3526 group 17, 6144-bit MODP",
        ["39ab4feab950a3128fb71accb9fc3965d857012e081998a85996e3ea8b3c3bcf"] = "RFC 3526 group 18, 8192-bit MODP",
        ["9cd3b7f336872f46c09428d1bbc19877a4d440512cda8d1c1cf0cd6e33698966"] = "RFC 7919 ffdhe2048",
        ["0eaf67db3a839156d5013494a5318a772b5697d270d721f37f092efc69ea5a17"] = "RFC 7919 ffdhe3072",
        ["4648414224ac881b3d0dc59b466f96d06a558278776807797ecf1f66ff397b3e"] = "RFC 7919 ffdhe4096",
        ["227ac9066b3ddd9e193670cda2388fa884f65ba0cf98b742d1fe77a6687c79c7"] = "RFC 7919 ffdhe6144",
        ["770b14efaf6f049929c523113b3fa99a8d11dab1b18af3609590122075d19833"] = "RFC 7919 ffdhe8192",
    };

    public static string? NameOf(BigInteger p) =>
        ByDigest.GetValueOrDefault(Convert.ToHexStringLower(SHA256.HashData(p.ToByteArray(isUnsigned: true, isBigEndian: true))));
}
