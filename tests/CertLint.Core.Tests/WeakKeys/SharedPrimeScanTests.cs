using System.Numerics;
using CertLint.Engine;
using CertLint.Rules.Primitives.Keys;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// weak-key-shared-prime through the real engine on a scan of more RSA public keys than the default bound compares:
/// a pair far apart in scan order is found, and the first key beyond the bound says, once, how many were not compared.
/// The moduli are products of two random 256-bit primes of <see cref="WeakKeyMath.PrimePool"/> (generating hundreds of
/// real 2048-bit keys would take minutes; the rule reads any RSA modulus the same way), so no two of them share a
/// factor unless the test puts one there.
/// </summary>
public sealed class SharedPrimeScanTests
{
    private const int Bound = (int)SharedPrimePrimitive.DefaultMaxModuli;

    private static LintResult LintKeys(IReadOnlyList<BigInteger> moduli, TempDirectory dir, string? config = null)
    {
        // Zero-padded names: scan order is path order, so key i is the i-th modulus the rule sees.
        for (var i = 0; i < moduli.Count; i++)
        {
            File.WriteAllText(Path.Combine(dir.Path, $"key-{i:D4}.pub"), WeakKeyFixtureWriter.PublicKey(WeakKeyFixtureWriter.RsaSpki(moduli[i], 65537)));
        }
        if (config is not null) File.WriteAllText(Path.Combine(dir.Path, ".certlint.yml"), config);
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Environment = _ => null,
        });
    }

    /// <summary>Moduli 0..count-1 from primes 2i and 2i+1 of the pool; primes from 600 on are left for planting.</summary>
    private static BigInteger[] DistinctModuli(int count)
    {
        var primes = WeakKeyMath.PrimePool;
        return [.. Enumerable.Range(0, count).Select(i => primes[2 * i] * primes[2 * i + 1])];
    }

    private static BigInteger Spare(int i) => WeakKeyMath.PrimePool[600 + i];

    private static string[] Findings(LintResult result) => result.Findings.Where(f => f.Rule.Name == "weak-key-shared-prime")
        .Select(f => $"{f.Location.File.RelativePath}: {f.Message}").Order(StringComparer.Ordinal).ToArray();

    private static string Shared(int key, params int[] partners) =>
        $"key-{key:D4}.pub: RSA 512 public key is an RSA 512-bit key that shares a prime factor with " +
        string.Join("; ", partners.Select(p => $"RSA 512 public key in key-{p:D4}.pub:1-4")) +
        ": one GCD factors both moduli, so both private keys are public. Replace every one of these keys; for this one, generate a new key, replace this one wherever it is used and revoke any certificate issued for it.";

    private static string Stopped(int key, int compared, int total) =>
        $"key-{key:D4}.pub: RSA 512 public key is where the shared-prime check stopped: it compared only the first {compared} of the scan's " +
        $"{total} RSA moduli (maxModuli); {total - compared} from this one on were not compared: raise maxModuli for weak-key-shared-prime " +
        "in .certlint.yml (the cost grows as about n^1.6: 1,000 moduli take seconds, 10,000 minutes) or lint the key folders separately.";

    [Test]
    public void A_pair_beyond_the_old_bound_of_100_is_found_and_the_first_key_beyond_the_bound_says_what_was_left_out()
    {
        var moduli = DistinctModuli(Bound + 2);
        moduli[3] = Spare(0) * Spare(1);
        moduli[Bound - 1] = Spare(2) * Spare(0);   // the last modulus the default bound compares
        using var dir = new TempDirectory();
        Findings(LintKeys(moduli, dir)).ShouldBe([Shared(3, Bound - 1), Shared(Bound - 1, 3), Stopped(Bound, Bound, Bound + 2)]);
    }

    [Test]
    public void A_pair_split_by_the_bound_is_not_claimed_checked_and_raising_the_bound_finds_it()
    {
        var moduli = DistinctModuli(40);
        moduli[5] = Spare(0) * Spare(1);
        moduli[35] = Spare(0) * Spare(2);
        using (var dir = new TempDirectory())
        {
            Findings(LintKeys(moduli, dir, "rules:\n  weak-key-shared-prime:\n    parameters: { maxModuli: 30 }\n")).ShouldBe([Stopped(30, 30, 40)]);
        }
        using (var dir = new TempDirectory())
        {
            Findings(LintKeys(moduli, dir, "rules:\n  weak-key-shared-prime:\n    parameters: { maxModuli: 40 }\n")).ShouldBe([Shared(5, 35), Shared(35, 5)]);
        }
    }

    [Test]
    public void One_modulus_sharing_primes_with_several_names_each_of_them_and_equal_moduli_count_once()
    {
        var moduli = DistinctModuli(12).ToList();
        moduli[0] = Spare(0) * Spare(1);                     // shares one prime with 4 and the other with 8
        moduli[4] = Spare(0) * Spare(2);
        moduli[8] = Spare(3) * Spare(1);
        moduli.Add(moduli[2]);                               // key-0012 is key-0002 again: one modulus, not a shared prime
        using var dir = new TempDirectory();
        Findings(LintKeys(moduli, dir)).ShouldBe([Shared(0, 4, 8), Shared(4, 0), Shared(8, 0)]);
    }

    [Test]
    public void When_part_of_a_repository_is_scanned_the_bound_is_spent_on_its_keys_before_the_context_of_the_rest()
    {
        // .pem, not .pub: context is found by extension, and .pub files are only sniffed in the scanned paths.
        // A repository (.git) whose a-context/ folder sorts before the scanned scan/ and holds more moduli than the bound:
        // its keys are read as context (issuers and pairs), but the two compared must be the scanned ones, which share a prime.
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir[".git"]);
        Directory.CreateDirectory(dir["a-context"]);
        Directory.CreateDirectory(dir["scan"]);
        var context = DistinctModuli(6);
        for (var i = 0; i < context.Length; i++)
        {
            File.WriteAllText(dir[$"a-context/key-{i:D4}.pem"], WeakKeyFixtureWriter.PublicKey(WeakKeyFixtureWriter.RsaSpki(context[i], 65537)));
        }
        File.WriteAllText(dir["scan/key-0000.pem"], WeakKeyFixtureWriter.PublicKey(WeakKeyFixtureWriter.RsaSpki(Spare(0) * Spare(1), 65537)));
        File.WriteAllText(dir["scan/key-0001.pem"], WeakKeyFixtureWriter.PublicKey(WeakKeyFixtureWriter.RsaSpki(Spare(0) * Spare(2), 65537)));
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  weak-key-shared-prime:\n    parameters: { maxModuli: 2 }\n");
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = ["scan"],
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Environment = _ => null,
        });
        // The first modulus left out is a context key's: its "stopped here" finding is not the scan's to report.
        Findings(result).ShouldBe([
            "scan/key-0000.pem: RSA 512 public key is an RSA 512-bit key that shares a prime factor with RSA 512 public key in scan/key-0001.pem:1-4: " +
            "one GCD factors both moduli, so both private keys are public. Replace every one of these keys; for this one, generate a new key, replace this one wherever it is used and revoke any certificate issued for it.",
            "scan/key-0001.pem: RSA 512 public key is an RSA 512-bit key that shares a prime factor with RSA 512 public key in scan/key-0000.pem:1-4: " +
            "one GCD factors both moduli, so both private keys are public. Replace every one of these keys; for this one, generate a new key, replace this one wherever it is used and revoke any certificate issued for it.",
        ]);
    }
}
