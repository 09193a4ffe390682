using System.Numerics;
using System.Runtime.CompilerServices;
using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// An RSA modulus that is a prime or a prime power (badkeys `rsainvalid`, subtest prime_n): φ(n) is public, so is the
/// private exponent. See <see cref="PrimePower"/> for the boundaries with the other weak-key rules. Perfect powers are
/// searched in every modulus (a sieve, microseconds); the primality of the modulus itself costs one modular
/// exponentiation as long as n (3 ms of CPU at 2,048 bits through libcrypto on Linux, 20-50 ms with BigInteger.ModPow
/// elsewhere), so it is opt-in: only the first `maxModuli` (default 0)
/// distinct moduli of the scan get it, as weak-key-shared-prime bounds its batch GCD, and when the bound is above 0 the
/// first key left out says so once.
/// </summary>
public sealed class RsaPrimeModulusPrimitive : ICheckPrimitive
{
    private static readonly ConditionalWeakTable<CertificateInventory, Dictionary<int, Lazy<Scope>>> Cache = new();

    public string Name => "rsa-prime-modulus";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("maxModuli", ParameterType.Integer, 0L, "Most distinct RSA moduli tested for primality (the first ones in scan order; 0: none)",
            Minimum: 0, Maximum: 100_000),
    ];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private static IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa) yield break;
        var scope = Scope.Of(context.Inventory, arguments.GetInt("maxModuli"));
        if (rsa.PrimePowerExponent(scope.Tested.Contains(rsa.Modulus)) is { } k)
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["finding"] = $"is an RSA {rsa.Bits}-bit key whose modulus {(k == 1 ? "is itself a prime" : $"is a prime raised to the power {k}")}, " +
                    $"so anyone computes its private key: {Fields.KeyReplacement.Of(subject, context)}.",
            });
        }
        // A separate fact from the key's own defect: said even when the first key left out is a prime power.
        if (ReferenceEquals(scope.FirstOmitted, (object?)subject.Certificate ?? subject.Key))
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["finding"] = $"is where the prime-modulus check stopped testing primality: it tested the first {scope.Tested.Count} of the scan's " +
                    $"{scope.Total} RSA moduli (maxModuli); the rest were checked for prime powers only: raise maxModuli for " +
                    "weak-key-rsa-prime-modulus in .certlint.yml (each modulus costs one modular exponentiation, about 3 ms at 2,048 bits on Linux).",
            });
        }
    }

    /// <summary>
    /// The moduli tested for primality, per inventory and bound, in the order weak-key-shared-prime takes them, leaving
    /// out those a private key of the scan already proved composite.
    /// </summary>
    private sealed class Scope
    {
        public HashSet<BigInteger> Tested { get; } = [];
        public int Total { get; private init; }
        public object? FirstOmitted { get; private init; }

        public static Scope Of(CertificateInventory inventory, int maxModuli)
        {
            var byBound = Cache.GetValue(inventory, _ => []);
            Lazy<Scope> lazy;
            lock (byBound)
            {
                if (!byBound.TryGetValue(maxModuli, out lazy!)) byBound[maxModuli] = lazy = new(() => Make(inventory, maxModuli));
            }
            return lazy.Value;
        }

        private static Scope Make(CertificateInventory inventory, int maxModuli)
        {
            // The default tests no modulus: no scan-wide list of moduli to build on every run.
            if (maxModuli == 0) return new Scope();
            var (all, owners) = SharedPrimeIndex.DistinctModuli(inventory);
            // A private key file whose audit got past n = p·q (p, q ≥ 2) proves its modulus composite: no test spent on it.
            var composite = inventory.Keys.Where(k => k is { PublicKey: not null, Verdict: { } v } && v.Flaw != Model.PrivateKeyFlaw.ModulusNotProduct)
                .Select(k => RsaNumbers.Of(k.PublicKey!, inventory)?.Modulus).OfType<BigInteger>().ToHashSet();
            var order = all.Where(n => !composite.Contains(n)).ToList();
            var scope = new Scope { Total = order.Count, FirstOmitted = maxModuli > 0 && order.Count > maxModuli ? owners[order[maxModuli]].Owner : null };
            scope.Tested.UnionWith(order.Take(maxModuli));
            return scope;
        }
    }
}
