using System.Numerics;
using System.Runtime.CompilerServices;
using CertLint.Inventory;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Which RSA moduli of the scan share a prime with another one, computed once per inventory (and bound) by
/// <see cref="BatchGcd"/>. Moduli are taken once each (a certificate and its key count once), in inventory order;
/// beyond <c>maxModuli</c> the rest are left out and <see cref="Omitted"/> says how many.
/// </summary>
internal sealed class SharedPrimeIndex
{
    private static readonly ConditionalWeakTable<CertificateInventory, Dictionary<int, Lazy<SharedPrimeIndex>>> Cache = new();

    /// <summary>Common factors at or below this bound are small-factor findings, not shared primes.</summary>
    private static readonly BigInteger SmallBound = SmallPrimes.Limit;

    private readonly Dictionary<BigInteger, List<string>> _partners = [];

    private SharedPrimeIndex(CertificateInventory inventory, int maxModuli)
    {
        var (order, owners) = DistinctModuli(inventory);
        Total = order.Count;
        if (order.Count > maxModuli)
        {
            FirstOmitted = owners[order[maxModuli]].Owner;
            order.RemoveRange(maxModuli, order.Count - maxModuli);
        }
        Omitted = Total - order.Count;

        var gcds = BatchGcd.Run(order);
        var flagged = order.Where((_, i) => gcds[i] > SmallBound).ToList();
        // Few moduli are flagged; name each one's partners by pairwise GCD among the flagged only (bounded).
        foreach (var n in flagged)
        {
            _partners[n] = flagged.Count > 1000 ? []
                : [.. flagged.Where(m => m != n && BigInteger.GreatestCommonDivisor(n, m) > SmallBound).Select(m => owners[m].Where)];
        }
    }

    /// <summary>
    /// The distinct odd RSA moduli of the scan in inventory order (certificates, then keys; the scanned files' before the
    /// context files', so that a bound spent on the rest of the repository never leaves a scanned key unchecked), each
    /// with the first object that holds it: the order in which the bounded checks (this one, weak-key-rsa-prime-modulus)
    /// take them.
    /// </summary>
    internal static (List<BigInteger> Order, Dictionary<BigInteger, (object Owner, string Where)> Owners) DistinctModuli(CertificateInventory inventory)
    {
        var owners = new Dictionary<BigInteger, (object Owner, string Where)>();
        var order = new List<BigInteger>();
        var keys = inventory.Certificates.Select(c => (c.PublicKey, Owner: (object)c, c.Location, Where: $"{c.Label} in {c.Location}"))
            .Concat(inventory.Keys.Where(k => k.PublicKey is not null).Select(k => (k.PublicKey!, Owner: (object)k, k.Location, Where: $"{k.Label} in {k.Location}")))
            .OrderBy(k => k.Location.File.IsContext);   // stable: scan order within each part
        foreach (var (key, owner, _, where) in keys)
        {
            if (RsaNumbers.Of(key, inventory) is not { Modulus.IsEven: false } rsa || !owners.TryAdd(rsa.Modulus, (owner, where))) continue;
            order.Add(rsa.Modulus);
        }
        return (order, owners);
    }

    /// <summary>Distinct odd RSA moduli in the scan.</summary>
    public int Total { get; }

    /// <summary>How many of them the bound left out.</summary>
    public int Omitted { get; }

    /// <summary>The certificate or key holding the first modulus left out: the one subject that reports the omission.</summary>
    public object? FirstOmitted { get; }

    public static SharedPrimeIndex Of(CertificateInventory inventory, int maxModuli)
    {
        var byBound = Cache.GetValue(inventory, _ => []);
        Lazy<SharedPrimeIndex> lazy;
        lock (byBound)
        {
            if (!byBound.TryGetValue(maxModuli, out lazy!)) byBound[maxModuli] = lazy = new(() => new SharedPrimeIndex(inventory, maxModuli));
        }
        return lazy.Value;
    }

    /// <summary>The other keys (label and location) a modulus shares a prime with, or null when it shares none.</summary>
    public IReadOnlyList<string>? PartnersOf(BigInteger modulus) => _partners.GetValueOrDefault(modulus);
}
