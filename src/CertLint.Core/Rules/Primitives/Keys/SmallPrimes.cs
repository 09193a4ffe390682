using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The odd primes below <see cref="Limit"/> and a fast n mod p for all of them at once: primes are grouped into
/// products m below 2^32 and n mod m is a sum of 32-bit limbs times precomputed 2^(32k) mod m (multiplications,
/// three divisions per group: <see cref="GroupResidue"/>), then n mod p = (n mod m) mod p. Shared by the ROCA, pattern and DH tests; the small-factor
/// test, which goes up to 65,537, asks only whether some prime divides (<see cref="SmallFactorSearch"/>).
/// </summary>
internal static class SmallPrimes
{
    /// <summary>Bound of the odd primes kept: every one up to 65,537 (badkeys' bound).</summary>
    public const int Limit = 65538;
    internal const int MaxLimbs = RsaNumbers.MaxBits / 32;

    private static readonly Lazy<uint[]> LazyOdd = new(() => Sieve(Limit));
    private static readonly Lazy<Group[]> LazyGroups = new(() => MakeGroups(Odd));

    /// <summary>3, 5, 7, 11, ... below <see cref="Limit"/>.</summary>
    public static uint[] Odd => LazyOdd.Value;

    /// <summary>How many odd primes are below <paramref name="bound"/>.</summary>
    public static int CountBelow(int bound)
    {
        var i = Array.BinarySearch(Odd, (uint)Math.Clamp(bound, 0, Limit));
        return i >= 0 ? i : ~i;
    }

    /// <summary>n mod p for the first <paramref name="count"/> odd primes; n as unsigned big-endian octets.</summary>
    public static uint[] Residues(ReadOnlySpan<byte> bigEndian, int count)
    {
        var limbs = ToLimbs(bigEndian);
        var table = PowerTable.For(limbs.Length);
        var groups = Groups;
        var result = new uint[count];
        for (var g = 0; g < groups.Length && groups[g].First < count; g++)
        {
            var r = GroupResidue(limbs, g, table);
            for (var j = groups[g].First; j < groups[g].First + groups[g].Count && j < count; j++) result[j] = (uint)(r % Odd[j]);
        }
        return result;
    }

    /// <summary>
    /// n mod m of group <paramref name="g"/>: the sum of the limbs times 2^(32k) mod m. Each product is below 2^64; its
    /// halves summed apart stay below 2^41 for 512 limbs, and (high mod m)·(2^32 mod m) + (low mod m) &lt; m² ≤ 2^64.
    /// </summary>
    internal static ulong GroupResidue(ReadOnlySpan<uint> limbs, int g, PowerTable table)
    {
        var row = table.Powers.AsSpan(g * table.RowLimbs, limbs.Length);
        ulong low = 0, high = 0;
        for (var k = 0; k < row.Length; k++)
        {
            var product = (ulong)limbs[k] * row[k];
            low += (uint)product;
            high += product >> 32;
        }
        var m = Groups[g].Modulus;
        return ((high % m * ((1UL << 32) % m)) + (low % m)) % m;
    }

    /// <summary>
    /// 2^(32k) mod m for every group and limb position k &lt; RowLimbs, as 32-bit words (m &lt; 2^32): one table for
    /// every caller, built on first use (0.8 MB and about 4 ms for moduli up to 2,048 bits) and grown only for longer ones.
    /// </summary>
    internal sealed class PowerTable
    {
        private static PowerTable? _current;

        private PowerTable(int rowLimbs)
        {
            RowLimbs = rowLimbs;
            var groups = Groups;
            Powers = new uint[groups.Length * rowLimbs];
            for (var g = 0; g < groups.Length; g++)
            {
                var m = groups[g].Modulus;
                var x = 1 % m;
                for (var k = 0; k < rowLimbs; k++, x = (x << 32) % m) Powers[(g * rowLimbs) + k] = (uint)x;
            }
        }

        public int RowLimbs { get; }
        public uint[] Powers { get; }

        /// <summary>A table with rows of at least <paramref name="limbs"/> words: 64 (2,048 bits) or the next power of two.</summary>
        public static PowerTable For(int limbs)
        {
            var table = Volatile.Read(ref _current);
            if (table is not null && table.RowLimbs >= limbs) return table;
            // Two threads may both build a larger table; either is right, and the longer rows are kept.
            var built = new PowerTable(Math.Min(MaxLimbs, Math.Max(64, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(limbs, 1)))));
            while ((table is null || table.RowLimbs < built.RowLimbs) && Interlocked.CompareExchange(ref _current, built, table) != table)
            {
                table = Volatile.Read(ref _current);
            }
            return built;
        }
    }

    /// <summary>n as 32-bit limbs, least significant first, at most <see cref="MaxLimbs"/>.</summary>
    internal static uint[] ToLimbs(ReadOnlySpan<byte> bigEndian)
    {
        var limbs = new uint[Math.Min((bigEndian.Length + 3) / 4, MaxLimbs)];
        for (var i = 0; i < bigEndian.Length && i / 4 < limbs.Length; i++)
        {
            limbs[i / 4] |= (uint)bigEndian[bigEndian.Length - 1 - i] << (8 * (i % 4));
        }
        return limbs;
    }

    /// <summary>Odd primes <see cref="Odd"/>[First..First+Count) and their product, below 2^32.</summary>
    internal static Group[] Groups => LazyGroups.Value;

    internal sealed class Group(int first, int count, ulong modulus)
    {
        public int First { get; } = first;
        public int Count { get; } = count;
        public ulong Modulus { get; } = modulus;
    }

    private static Group[] MakeGroups(uint[] primes)
    {
        var groups = new List<Group>();
        for (var i = 0; i < primes.Length;)
        {
            ulong m = 1;
            var first = i;
            while (i < primes.Length && m * primes[i] <= uint.MaxValue) m *= primes[i++];
            groups.Add(new Group(first, i - first, m));
        }
        return [.. groups];
    }

    private static uint[] Sieve(int limit)
    {
        var composite = new bool[limit];
        var primes = new List<uint>();
        for (var i = 3; i < limit; i += 2)
        {
            if (composite[i]) continue;
            primes.Add((uint)i);
            for (long j = (long)i * i; j < limit; j += 2 * i) composite[j] = true;
        }
        return [.. primes];
    }
}
