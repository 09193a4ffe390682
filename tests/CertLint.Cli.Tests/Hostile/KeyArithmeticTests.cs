using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using CertLint.Cli.Tests.Validation;
using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// The run's key-arithmetic budget through the real command line (limits.arithmeticBudget, key-arithmetic-limit). The keys
/// are what a hostile pull request would commit: RSA-8192 private keys whose "primes" are composites with no factor below
/// 1,000 (writing them costs nothing; checking them costs one 4,096-bit exponentiation each, about 64 units), so each
/// is key-private-inconsistent when it is checked. Before the budget, 1,500 of them in one 9.6 MB file cost 70 s.
/// </summary>
public class KeyArithmeticTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDir() => _dir = new TempDirectory();

    [TearDown]
    public void Remove() => _dir.Dispose();

    /// <summary>Written as a key file is kept (0600): key-file-permissions is not under test here.</summary>
    private void Write(string name, string text)
    {
        File.WriteAllText(_dir[name], text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dir[name], UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The run, and "path:line rule" of its findings of <paramref name="rules"/>, ordered.</summary>
    private (LintRun Run, List<string> Findings) Lint(params string[] rules)
    {
        var run = LintRun.In(_dir.Path, ".");
        return (run, run.Findings.Where(f => rules.Contains(f.Rule)).Select(f => $"{f.Path}:{f.Line} {f.Rule}").Order(StringComparer.Ordinal).ToList());
    }

    [Test]
    public void A_file_past_its_own_allowance_pays_from_the_run_budget_in_order_and_the_rest_is_reported_not_linted()
    {
        // Ten keys of 64 units in one file: its own 64 units and a budget of 200 pay for four (256 units); the fifth would
        // need 320. The same four every run: the file is parsed again in the ordered pass whatever the threads do.
        var (text, lines) = Concatenated([.. Enumerable.Range(0, 10).Select(_ => CompositeRsaPem(4096))]);
        Write("many.key", text);
        Write(".certlint.yml", "limits:\n  arithmeticBudget: 200\n");
        string[] expected =
        [
            .. lines[..4].Select(l => $"many.key:{l} key-private-inconsistent"),
            .. lines[4..].Select(l => $"many.key:{l} key-arithmetic-limit"),
        ];
        for (var run = 0; run < 2; run++)
        {
            var (r, findings) = Lint("key-private-inconsistent", "key-arithmetic-limit", "key-orphan");
            r.ExitCode.ShouldBe(1, r.Outcome.Out + r.Outcome.Error);
            findings.Where(f => !f.EndsWith(" key-orphan", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .ShouldBe(expected.Order(StringComparer.Ordinal), r.Outcome.Out + r.Outcome.Error);
            findings.Count(f => f.EndsWith(" key-orphan", StringComparison.Ordinal)).ShouldBe(4); // refused keys are not in the model
            var message = r.Findings.First(f => f.Rule == "key-arithmetic-limit").Message;
            message.ShouldBe($"many.key:{lines[4]} was not linted: checking its key numbers needs more arithmetic than the run's budget " +
                             "of 200 units (limits.arithmeticBudget, spent in file order) has left after the files before it. " +
                             "Remove keys nobody uses, or lint the repository in parts.");
        }
    }

    [Test]
    public void Files_within_their_own_allowance_never_touch_the_budget()
    {
        // Three files of one 64-unit key each, with a budget of a single unit: each file's own 64 pays for its key.
        for (var i = 0; i < 3; i++) Write($"k{i}.key", CompositeRsaPem(4096));
        Write(".certlint.yml", "limits:\n  arithmeticBudget: 1\n");
        var (r, findings) = Lint("key-private-inconsistent", "key-arithmetic-limit");
        r.ExitCode.ShouldBe(1, r.Outcome.Out + r.Outcome.Error);
        findings.ShouldBe(["k0.key:1 key-private-inconsistent", "k1.key:1 key-private-inconsistent", "k2.key:1 key-private-inconsistent"]);
    }

    [Test]
    public void The_fermat_test_of_a_der_pair_of_integers_is_paid_for_like_any_key_check()
    {
        // SEQUENCE { n of 16,384 bits, 65537 }: an RSA public key or DH parameters? One Fermat test modulo n tells them
        // apart: 4,096 units, about a second, so a tree of such files had cost hours.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(RandomOdd(16384));
            writer.WriteInteger(65537);
        }
        File.WriteAllBytes(_dir["pair.der"], writer.Encode());
        Write(".certlint.yml", "limits:\n  arithmeticBudget: 4000\n");
        var (r, findings) = Lint("key-arithmetic-limit", "parse-error");
        r.ExitCode.ShouldBe(1, r.Outcome.Out + r.Outcome.Error);
        findings.ShouldBe(["pair.der:1 key-arithmetic-limit"]);

        Write(".certlint.yml", "limits:\n  arithmeticBudget: 20001\n");
        var raised = CliRunner.Process(_dir.Path, null, ".");
        raised.ExitCode.ShouldBe(2);
        raised.Error.ShouldContain(".certlint.yml:2:21: error: 'arithmeticBudget' must be between 1 and 20000 (limits can be lowered, not raised)");
    }

    [Test]
    public void The_factors_of_an_rsa_16384_private_key_are_tested_too()
    {
        // 8,192-bit "primes": the first round costs 512 units, past the file's own 64, so the file is parsed in the
        // ordered pass and the run's budget pays. Before the budget, keys above 8,192 bits had no primality test at all.
        Write("huge.key", CompositeRsaPem(8192));
        var (r, findings) = Lint("key-private-inconsistent", "key-arithmetic-limit");
        r.ExitCode.ShouldBe(1, r.Outcome.Out + r.Outcome.Error);
        findings.ShouldBe(["huge.key:1 key-private-inconsistent"]);
    }

    /// <summary>
    /// An RSAPrivateKey (RFC 8017 A.1.2) that passes every cheap check (n = p·q, e·d ≡ 1 mod lcm(p − 1, q − 1), the CRT
    /// values) but whose "primes" of about <paramref name="factorBits"/> bits are each the product of two numbers of half
    /// that without a factor below 1,000: composite by construction, so the first Miller–Rabin round on p proves it and q
    /// is never tested.
    /// </summary>
    private static string CompositeRsaPem(int factorBits)
    {
        while (true)
        {
            var (p, q) = (RoughComposite(factorBits), RoughComposite(factorBits));
            var lambda = (p - 1) * (q - 1) / BigInteger.GreatestCommonDivisor(p - 1, q - 1);
            var e = new BigInteger(65537);
            if (!BigInteger.GreatestCommonDivisor(e, lambda).IsOne || !BigInteger.GreatestCommonDivisor(p, q).IsOne) continue;
            var d = Inverse(e, lambda);
            BigInteger[] numbers = [p * q, e, d, p, q, d % (p - 1), d % (q - 1), Inverse(q, p)];
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteInteger(0);
                foreach (var n in numbers) writer.WriteInteger(n);
            }
            return PemEncoding.WriteString("RSA PRIVATE KEY", writer.Encode()) + "\n";
        }
    }

    /// <summary>The blocks one after another, and the line each starts on.</summary>
    private static (string Text, int[] Lines) Concatenated(IReadOnlyList<string> blocks)
    {
        var lines = new int[blocks.Count];
        for (int i = 0, line = 1; i < blocks.Count; line += blocks[i].Count(c => c == '\n'), i++) lines[i] = line;
        return (string.Concat(blocks), lines);
    }

    private static BigInteger RoughComposite(int bits)
    {
        while (true)
        {
            var (a, b) = (RandomOdd(bits / 2), RandomOdd(bits / 2));
            if (!HasFactorBelow1000(a) && !HasFactorBelow1000(b)) return a * b;
        }
    }

    private static bool HasFactorBelow1000(BigInteger n)
    {
        for (var f = 3; f < 1000; f += 2)
        {
            if ((n % f).IsZero) return true;
        }
        return false;
    }

    private static BigInteger RandomOdd(int bits)
    {
        var bytes = RandomNumberGenerator.GetBytes(bits / 8);
        bytes[0] |= 0x80;
        bytes[^1] |= 1;
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Inverse(BigInteger a, BigInteger m)
    {
        var (oldR, r) = (a % m, m);
        var (oldS, s) = (BigInteger.One, BigInteger.Zero);
        while (!r.IsZero)
        {
            var quotient = oldR / r;
            (oldR, r) = (r, oldR - (quotient * r));
            (oldS, s) = (s, oldS - (quotient * s));
        }
        return ((oldS % m) + m) % m;
    }
}
