namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The smallest of the first <c>count</c> odd primes (<see cref="SmallPrimes.Odd"/>, up to 65,537) that divides n. Asks
/// only "does p divide n", which is cheaper than n mod p for 6,542 primes: per group of primes (product m below 2^32)
/// one n mod m (<see cref="SmallPrimes.GroupResidue"/>), then per prime one multiplication by its inverse modulo 2^64
/// (r·p⁻¹ mod 2^64 ≤ ⌊(2^64 − 1)/p⌋ exactly when p divides r). About 0.2 ms for a 2,048-bit modulus, once per distinct key (RsaNumbers keeps the answer).
/// </summary>
internal static class SmallFactorSearch
{
    /// <summary>Per odd prime p: p⁻¹ mod 2^64 and ⌊(2^64 − 1)/p⌋.</summary>
    private static readonly Lazy<(ulong Inverse, ulong Limit)[]> Divisors = new(() =>
        [.. SmallPrimes.Odd.Select(p =>
        {
            ulong x = p; // Newton's iteration doubles the correct low bits: 3 → 6 → 12 → 24 → 48 → 96 (p·p ≡ 1 mod 8)
            for (var i = 0; i < 5; i++) x *= 2 - (p * x);
            return (x, ulong.MaxValue / p);
        })]);

    /// <summary>Index into <see cref="SmallPrimes.Odd"/> of the smallest prime among the first <paramref name="count"/> dividing n, or −1.</summary>
    public static int SmallestFactorIndex(ReadOnlySpan<byte> bigEndian, int count)
    {
        var limbs = SmallPrimes.ToLimbs(bigEndian);
        var table = SmallPrimes.PowerTable.For(limbs.Length);
        var groups = SmallPrimes.Groups;
        var divisors = Divisors.Value;
        for (var g = 0; g < groups.Length && groups[g].First < count; g++)
        {
            var r = SmallPrimes.GroupResidue(limbs, g, table);
            var end = Math.Min(groups[g].First + groups[g].Count, count);
            for (var j = groups[g].First; j < end; j++)
            {
                if (r * divisors[j].Inverse <= divisors[j].Limit) return j;
            }
        }
        return -1;
    }
}
