using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The smallest of the first <c>count</c> odd primes (<see cref="SmallPrimes.Odd"/>, up to 65,537) that divides n. Asks
/// only "does p divide n", which is cheaper than n mod p for 6,542 primes: per group of primes (product m below 2^32)
/// one n mod m from 32-bit limbs times 2^(32k) mod m (stored as 32-bit words, so the products sum without carries),
/// then per prime one multiplication by its inverse modulo 2^64 (r·p⁻¹ mod 2^64 ≤ ⌊(2^64 − 1)/p⌋ exactly when p
/// divides r). About 0.2 ms for a 2,048-bit modulus, once per distinct key (RsaNumbers keeps the answer).
/// </summary>
internal static class SmallFactorSearch
{
    /// <summary>2^(32k) mod m for every group and limb position k &lt; RowLimbs, grown to the longest modulus seen.</summary>
    private sealed class PowerTable(int rowLimbs)
    {
        public int RowLimbs { get; } = rowLimbs;
        public uint[] Powers { get; } = Build(rowLimbs);

        private static uint[] Build(int rowLimbs)
        {
            var groups = SmallPrimes.Groups;
            var powers = new uint[groups.Length * rowLimbs];
            for (var g = 0; g < groups.Length; g++)
            {
                var m = groups[g].Modulus;
                var x = 1 % m;
                for (var k = 0; k < rowLimbs; k++, x = (x << 32) % m) powers[(g * rowLimbs) + k] = (uint)x;
            }
            return powers;
        }
    }

    private static PowerTable? _table;

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
        var table = Table(limbs.Length);
        var groups = SmallPrimes.Groups;
        var divisors = Divisors.Value;
        for (var g = 0; g < groups.Length && groups[g].First < count; g++)
        {
            var row = table.Powers.AsSpan(g * table.RowLimbs, limbs.Length);
            // Each product is below 2^64; its halves summed apart stay below 2^41 for 512 limbs.
            ulong low = 0, high = 0;
            for (var k = 0; k < row.Length; k++)
            {
                var product = (ulong)limbs[k] * row[k];
                low += (uint)product;
                high += product >> 32;
            }
            var m = groups[g].Modulus;
            // m < 2^32, so (high mod m)·(2^32 mod m) + (low mod m) < m² ≤ 2^64.
            var r = ((high % m * ((1UL << 32) % m)) + (low % m)) % m;
            var end = Math.Min(groups[g].First + groups[g].Count, count);
            for (var j = groups[g].First; j < end; j++)
            {
                if (r * divisors[j].Inverse <= divisors[j].Limit) return j;
            }
        }
        return -1;
    }

    /// <summary>A table with rows of at least <paramref name="limbs"/> words: 64 (2,048 bits) or the next power of two.</summary>
    private static PowerTable Table(int limbs)
    {
        var table = Volatile.Read(ref _table);
        if (table is not null && table.RowLimbs >= limbs) return table;
        // Two threads may both build a larger table; either is right, and the longer rows are kept.
        var built = new PowerTable(Math.Min(SmallPrimes.MaxLimbs, Math.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)limbs))));
        while ((table is null || table.RowLimbs < built.RowLimbs) && Interlocked.CompareExchange(ref _table, built, table) != table)
        {
            table = Volatile.Read(ref _table);
        }
        return built;
    }
}
