using System.Diagnostics;
using System.Numerics;
using CertLint.Rules.Primitives.Keys;

namespace CertLint.Benchmarks;

/// <summary>
/// Batch GCD alone on n random odd 2048-bit moduli, for the n around the shared-prime rule's default bound: the CPU
/// (all threads) and wall time of <see cref="BatchGcd.Run"/>, best of <c>runs</c>. This is what `maxModuli` is
/// calibrated on (docs/performance.md, weak keys); the cost does not depend on whether moduli share primes.
/// </summary>
public static class BatchGcdProfile
{
    public static void Run(int runs = 3)
    {
        var rng = new Random(16);
        BatchGcd.Run([.. Enumerable.Range(0, 64).Select(_ => Modulus(rng))]);   // JIT and thread pool warm-up
        foreach (var n in new[] { 100, 200, 300, 400, 500, 700, 1000 })
        {
            var moduli = Enumerable.Range(0, n).Select(_ => Modulus(rng)).ToArray();
            double cpu = double.MaxValue, wall = double.MaxValue;
            for (var i = 0; i < runs; i++)
            {
                GC.Collect();
                var process = Process.GetCurrentProcess();
                var cpu0 = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                BatchGcd.Run(moduli);
                wall = Math.Min(wall, clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalMilliseconds);
            }
            Console.WriteLine($"  batch GCD alone, {n,5} moduli of 2048 bits: {cpu,6:0} ms CPU, {wall,6:0} ms wall (best of {runs})");
        }
    }

    private static BigInteger Modulus(Random rng)
    {
        var bytes = new byte[256];
        rng.NextBytes(bytes);
        bytes[0] |= 0xC0;
        bytes[^1] |= 1;
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
