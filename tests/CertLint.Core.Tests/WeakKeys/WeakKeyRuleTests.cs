using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// The weak-key rules on the generated fixtures of tests/fixtures/weak-keys (see <see cref="WeakKeyFixtureWriter"/>),
/// linted by the real engine: every rule fires on its defect and on nothing else in the folder.
/// </summary>
public sealed class WeakKeyRuleTests
{
    private static readonly string FixtureDir = Path.Combine(Samples.RepoRoot, "tests", "fixtures", "weak-keys");
    private static readonly Lazy<LintResult> Result = new(() => Lint(FixtureDir));

    internal static LintResult Lint(string source, string? config = null)
    {
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(source))
        {
            var target = Path.Combine(dir.Path, Path.GetFileName(file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (config is not null) File.WriteAllText(Path.Combine(dir.Path, ".certlint.yml"), config);
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Environment = _ => null,
        });
    }

    internal static string[] Hits(LintResult result, string rule) => result.Findings.Where(f => f.Rule.Name == rule)
        .Select(f => $"{f.Location.File.RelativePath}:{f.Subject.Kind}").Order(StringComparer.Ordinal).ToArray();

    private static string Message(string rule, string file) =>
        Result.Value.Findings.First(f => f.Rule.Name == rule && f.Location.File.RelativePath == file).Message;

    [Test]
    public void Every_fixture_parses()
    {
        Hits(Result.Value, "parse-error").ShouldBeEmpty();
        Result.Value.Inventory.Keys.Count.ShouldBe(25);
    }

    [TestCase("weak-key-roca", new[] { "roca.crt:Certificate", "roca.key:Key" })]
    [TestCase("weak-key-fermat", new[] { "fermat.crt:Certificate", "fermat.key:Key" })]
    [TestCase("weak-key-small-factor", new[] { "small-factor-31337.pub:Key", "small-factor.pub:Key" })]
    [TestCase("weak-key-shared-prime", new[] { "shared-prime-a.crt:Certificate", "shared-prime-a.key:Key", "shared-prime-b.crt:Certificate", "shared-prime-b.key:Key" })]
    [TestCase("weak-key-rsa-even-modulus", new[] { "even-modulus.pub:Key", "modulus-zero.pub:Key" })]
    [TestCase("weak-key-rsa-exponent", new[] { "exponent-1.pub:Key", "exponent-even.pub:Key" })]
    [TestCase("weak-key-rsa-exponent-small", new[] { "exponent-3.pub:Key" })]
    [TestCase("ec-key-invalid", new[] { "ec-explicit.pub:Key", "ec-identity.pub:Key", "ec-off-curve.pub:Key" })]
    [TestCase("key-known-compromised", new[] { "rfc9500-testECCP256.key:Key", "rfc9500-testRSA1024.pub:Key" })]
    [TestCase("key-exposed-public-cert", new[] { "public-dv.key:Key" })]
    [TestCase("weak-key", new[] { "dsa.pub:Key", "modulus-zero.pub:Key", "rfc9500-testRSA1024.pub:Key" })]
    [TestCase("weak-key-rsa-pattern", new[] { "pattern-zeros.pub:Key", "sparse-poly.pub:Key", "xz-header.pub:Key" })]
    public void Rule_fires_on_its_defect_and_nothing_else(string rule, string[] expected) =>
        Hits(Result.Value, rule).ShouldBe(expected);

    [Test]
    public void Findings_say_why_the_key_is_broken_and_what_to_do_without_printing_factors()
    {
        Message("weak-key-roca", "roca.crt").ShouldContain("CVE-2017-15361");
        Message("weak-key-fermat", "fermat.key").ShouldContain("Fermat's method factors it in 1 step(s)");
        Message("weak-key-small-factor", "small-factor.pub").ShouldContain("divisible by 3");
        Message("weak-key-small-factor", "small-factor-31337.pub").ShouldContain("RSA 2048-bit key whose modulus is divisible by 31337:");
        Message("weak-key-shared-prime", "shared-prime-a.crt").ShouldContain("shared-prime-b.crt");
        Message("weak-key-rsa-exponent", "exponent-1.pub").ShouldContain("exponent 1, which is 1: the ciphertext is the plaintext");
        Message("weak-key-rsa-exponent-small", "exponent-3.pub").ShouldContain("exponent 3, below 65537");
        Message("ec-key-invalid", "ec-off-curve.pub").ShouldContain("is not on P-256");
        Message("ec-key-invalid", "ec-identity.pub").ShouldContain("point at infinity");
        Message("ec-key-invalid", "ec-explicit.pub").ShouldContain("explicit curve parameters");
        Message("key-known-compromised", "rfc9500-testECCP256.key").ShouldContain("testECCP256 (RFC 9500 §2.3)");
        Message("key-exposed-public-cert", "public-dv.key").ShouldContain("2.23.140.1.2.1");
        Message("weak-key-rsa-pattern", "pattern-zeros.pub").ShouldContain("has the octet 0x00 16 or more times in a row");
        Message("weak-key-rsa-pattern", "sparse-poly.pub").ShouldMatch(@"has 2\d% of its bits set and 2\d% of its lower half");
        Message("weak-key-rsa-pattern", "xz-header.pub").ShouldContain("xz-utils backdoor's payload (CVE-2024-3094)");
        Message("weak-key-rsa-even-modulus", "modulus-zero.pub").ShouldContain("is an RSA key with modulus 0");
        Message("weak-key-rsa-even-modulus", "even-modulus.pub").ShouldContain("is an RSA key with a 2048-bit even modulus: it factors at once");
        foreach (var f in Result.Value.Findings.Where(f => f.Rule.Name.StartsWith("weak-key-", StringComparison.Ordinal)))
        {
            f.Message.ShouldMatch("(Replace|replace|reissue|Use e = 65537|raise maxModuli)");
        }
    }

    [Test]
    public void A_point_checked_once_per_distinct_key_is_reported_on_every_object_that_holds_it()
    {
        // ec-key-invalid answers once per distinct SubjectPublicKeyInfo of a scan (a certificate and its key file share
        // it): the second and third file with the same bad point must get the same finding as the first.
        using var dir = new TempDirectory();
        var fixture = Path.Combine(FixtureDir, "ec-off-curve.pub");
        foreach (var name in new[] { "a.pub", "b.pub", "c.pub" }) File.Copy(fixture, Path.Combine(dir.Path, name));
        File.Copy(Path.Combine(FixtureDir, "ec-identity.pub"), Path.Combine(dir.Path, "d.pub"));
        var result = Lint(dir.Path);
        Hits(result, "ec-key-invalid").ShouldBe(["a.pub:Key", "b.pub:Key", "c.pub:Key", "d.pub:Key"]);
        result.Findings.Where(f => f.Rule.Name == "ec-key-invalid").Select(f => f.Message.Contains("is not on P-256", StringComparison.Ordinal))
            .ShouldBe([true, true, true, false]);
    }

    [Test]
    public void Shared_prime_bound_reports_the_keys_it_left_out_once()
    {
        var result = Lint(FixtureDir, "rules:\n  weak-key-shared-prime:\n    parameters: { maxModuli: 2 }\n");
        var hits = result.Findings.Where(f => f.Rule.Name == "weak-key-shared-prime").ToList();
        var notice = hits.ShouldHaveSingleItem();
        notice.Message.ShouldContain("compared only the first 2 of the scan's");
        notice.Message.ShouldContain("raise maxModuli");
    }

    [Test]
    public void Fermat_and_small_factor_bounds_are_parameters()
    {
        var result = Lint(FixtureDir, "rules:\n  weak-key-fermat:\n    parameters: { steps: 1 }\n  weak-key-small-factor:\n    parameters: { below: 5 }\n");
        Hits(result, "weak-key-fermat").Length.ShouldBe(2);           // found at the first step
        Hits(result, "weak-key-small-factor").ShouldBe(["small-factor.pub:Key"]);   // 3 < 5
        // The BR's floor, zlint's and pkilint's bound: 31,337 is not tried.
        Hits(Lint(FixtureDir, "rules:\n  weak-key-small-factor:\n    parameters: { below: 752 }\n"), "weak-key-small-factor").ShouldBe(["small-factor.pub:Key"]);
        // 31,337 is the last prime below the bound 31,338 and the first outside 31,337.
        Hits(Lint(FixtureDir, "rules:\n  weak-key-small-factor:\n    parameters: { below: 31338 }\n"), "weak-key-small-factor").Length.ShouldBe(2);
        Hits(Lint(FixtureDir, "rules:\n  weak-key-small-factor:\n    parameters: { below: 31337 }\n"), "weak-key-small-factor").Length.ShouldBe(1);
    }
}
