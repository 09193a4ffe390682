namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// The odd primes below <see cref="Limit"/> and a fast n mod p for all of them at once: primes are grouped into
/// products m below 2^32 and n mod m is a sum of 32-bit limbs times precomputed 2^(32k) mod m (multiplications,
/// one division per group), then n mod p = (n mod m) mod p. Shared by the ROCA, pattern and DH tests; the small-factor
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
        var result = new uint[count];
        foreach (var g in LazyGroups.Value)
        {
            if (g.First >= count) break;
            var powers = g.Powers.Value;
            UInt128 acc = 0;
            for (var k = 0; k < limbs.Length; k++) acc += (ulong)limbs[k] * powers[k];
            var r = (ulong)(acc % g.Modulus);
            for (var j = g.First; j < g.First + g.Count && j < count; j++) result[j] = (uint)(r % Odd[j]);
        }
        return result;
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

        /// <summary>2^(32k) mod m for every limb position k.</summary>
        public Lazy<ulong[]> Powers { get; } = new(() =>
        {
            var p = new ulong[MaxLimbs];
            ulong x = 1 % modulus;
            for (var k = 0; k < p.Length; k++, x = (x << 32) % modulus) p[k] = x;
            return p;
        });
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
