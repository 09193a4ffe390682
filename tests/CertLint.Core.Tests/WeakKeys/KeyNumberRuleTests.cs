using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// weak-key-rsa-prime-modulus, weak-key-rsa-private-exponent-small, key-private-inconsistent and
/// weak-key-ec-scalar-small on the generated files of <see cref="PrivateKeyFixtures"/>, linted by the real engine
/// (PEM, PKCS#1, PKCS#8, SEC 1, encrypted PKCS#8 and PKCS#12 through the real parser): each rule fires on exactly its
/// defect, good keys pass, and no message carries a private number.
/// </summary>
public sealed class KeyNumberRuleTests
{
    /// <summary>Primality of the modulus is opt-in (maxModuli 0 by default): these fixtures turn it on.</summary>
    private const string PrimalityOn = "rules:\n  weak-key-rsa-prime-modulus:\n    parameters: { maxModuli: 100 }\n";

    private static readonly Lazy<LintResult> Result = new(() => Lint(PrimalityOn));

    private static LintResult Lint(string? config = null)
    {
        using var dir = new TempDirectory();
        PrivateKeyFixtures.Write(dir.Path);
        if (config is not null) File.WriteAllText(Path.Combine(dir.Path, ".certlint.yml"), config);
        foreach (var file in Directory.GetFiles(dir.Path))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Environment = name => name == "CERTLINT_PASSWORD" ? PrivateKeyFixtures.Password : null,
        });
    }

    private static string[] Hits(string rule) => Result.Value.Findings.Where(f => f.Rule.Name == rule)
        .Select(f => $"{f.Location.File.RelativePath}:{f.Subject.Kind}").Order(StringComparer.Ordinal).ToArray();

    private static string Message(string rule, string file) =>
        Result.Value.Findings.First(f => f.Rule.Name == rule && f.Location.File.RelativePath == file).Message;

    [Test]
    public void Every_fixture_parses_and_opens()
    {
        Hits("parse-error").ShouldBeEmpty();
        Hits("password-required").ShouldBeEmpty();
        Result.Value.Inventory.Keys.Count.ShouldBe(28);
    }

    [TestCase("weak-key-rsa-prime-modulus", new[] { "prime-cube.pub:Key", "prime-modulus.pub:Key" })]
    [TestCase("weak-key-fermat", new[] { "prime-square.pub:Key" })]
    [TestCase("weak-key-rsa-private-exponent-small", new[] { "boneh-durfee.key:Key", "wiener.key:Key", "wiener.pub:Key" })]
    [TestCase("key-private-inconsistent", new[] {
        "composite-p.key:Key", "composite-r3.key:Key", "dsa-y-mismatch.key:Key", "ec-d-order.key:Key", "ec-point-mismatch.key:Key", "n-not-pq.key:Key",
        "wrong-d3.key:Key", "wrong-dp.key:Key", "wrong-qinv-encrypted.key:Key", "wrong-qinv-v1.key:Key", "wrong-qinv.key:Key", "wrong-qinv.p12:Key",
        "wrong-t3.key:Key" })]
    [TestCase("weak-key-ec-scalar-small", new[] { "ec-d-small.key:Key", "ec-d1.key:Key" })]
    public void Rule_fires_on_its_defect_and_nothing_else(string rule, string[] expected) => Hits(rule).ShouldBe(expected);

    [Test]
    public void Findings_say_what_is_wrong()
    {
        Message("weak-key-rsa-prime-modulus", "prime-modulus.pub").ShouldContain("modulus is itself a prime");
        Message("weak-key-rsa-prime-modulus", "prime-cube.pub").ShouldContain("is a prime raised to the power 3");
        Message("weak-key-rsa-private-exponent-small", "wiener.key").ShouldContain("Wiener's continued-fraction attack");
        Message("weak-key-rsa-private-exponent-small", "boneh-durfee.key").ShouldContain("has 560 bits, below n^0.292");
        Message("key-private-inconsistent", "wrong-qinv.key").ShouldContain("qInv is not q⁻¹ mod p");
        Message("key-private-inconsistent", "wrong-qinv.key").ShouldContain("Bellcore");
        Message("key-private-inconsistent", "wrong-dp.key").ShouldContain("CRT exponent (dP, dQ or a further prime's d_i) is wrong");
        Message("key-private-inconsistent", "n-not-pq.key").ShouldContain("not the product of its primes");
        Message("key-private-inconsistent", "composite-p.key").ShouldContain("(p, q or a further prime of a multi-prime key) is not a prime");
        Message("key-private-inconsistent", "composite-r3.key").ShouldContain("(p, q or a further prime of a multi-prime key) is not a prime");
        Message("key-private-inconsistent", "wrong-d3.key").ShouldContain("CRT exponent (dP, dQ or a further prime's d_i) is wrong");
        Message("key-private-inconsistent", "wrong-t3.key").ShouldContain("a CRT coefficient is wrong");
        Message("key-private-inconsistent", "dsa-y-mismatch.key").ShouldContain("stored public value y is not g^x mod p");
        Message("key-private-inconsistent", "ec-point-mismatch.key").ShouldContain("stored public point is not");
        Message("key-private-inconsistent", "ec-d-order.key").ShouldContain("not below the order");
        Message("weak-key-ec-scalar-small", "ec-d1.key").ShouldContain("only 1 bit(s)");
        Message("weak-key-ec-scalar-small", "ec-d-small.key").ShouldContain("only 61 bit(s): Pollard's kangaroo finds it in about 2^31");
    }

    [Test]
    public void Primality_is_opt_in_prime_powers_are_always_searched_and_a_bound_says_where_it_stopped()
    {
        var off = Lint().Findings.Where(f => f.Rule.Name == "weak-key-rsa-prime-modulus").ToList();
        off.ShouldHaveSingleItem().Location.File.RelativePath.ShouldBe("prime-cube.pub");
        off[0].Message.ShouldContain("power 3");

        var bounded = Lint("rules:\n  weak-key-rsa-prime-modulus:\n    parameters: { maxModuli: 1 }\n").Findings
            .Where(f => f.Rule.Name == "weak-key-rsa-prime-modulus").ToList();
        bounded.ShouldContain(f => f.Location.File.RelativePath == "prime-cube.pub" && f.Message.Contains("power 3", StringComparison.Ordinal));
        bounded.ShouldContain(f => f.Message.Contains("stopped testing primality: it tested the first 1 of the scan's", StringComparison.Ordinal));
    }

    [Test]
    public void Good_keys_get_none_of_these_findings()
    {
        string[] rules = ["weak-key-rsa-prime-modulus", "weak-key-rsa-private-exponent-small", "key-private-inconsistent", "weak-key-ec-scalar-small"];
        Result.Value.Findings.Where(f => rules.Contains(f.Rule.Name) && f.Location.File.RelativePath.StartsWith("good-", StringComparison.Ordinal))
            .ShouldBeEmpty();
        Result.Value.Inventory.Keys.Where(k => k.Location.File.RelativePath.StartsWith("good-", StringComparison.Ordinal))
            .Select(k => k.Verdict).ShouldAllBe(v => v != null && v.Flaw == null && v.SmallSecretBits == null);
    }
}
