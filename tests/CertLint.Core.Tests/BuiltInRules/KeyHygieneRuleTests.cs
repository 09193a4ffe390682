using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// keystore-weak-protection, keystore-no-password and key-derivation-limit on openssl-made fixtures (tests/fixtures,
/// see its README), read by the real FileParser: each rule fires on the weak or open ones and stays quiet on the strong ones.
/// </summary>
public sealed class KeyHygieneRuleTests
{
    private static readonly string FixturesDir = Path.Combine(Samples.RepoRoot, "tests", "fixtures");
    private static readonly DateTimeOffset Inside = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private sealed class Passwords(long maxIterations, params string[] passwords) : IPasswordSource
    {
        public IReadOnlyList<string> CandidatesFor(SourceFile file) => ["", .. passwords];
        public string HintFor(SourceFile file) => "set CERTLINT_PASSWORD";
        public long MaxKdfIterations => maxIterations;
        public KdfBudget KdfBudget { get; } = new(CertLint.Configuration.ScanLimits.MaxKdfBudget);
    }

    private static readonly string[] Keystores =
    [
        "leaf-nopass.p12", "leaf-password.pfx", "leaf-strong.pfx", "leaf-3des.pfx", "leaf-encrypted.key",
        "leaf-strong-encrypted.key", "leaf-empty-password.key", "leaf-pbes1.key", "leaf-legacy-encrypted.key", "leaf.key",
    ];

    private static List<string> Hits(string rule, IPasswordSource passwords)
    {
        var h = new PrimitiveHarness { Now = Inside };
        foreach (var name in Keystores)
        {
            var full = Path.Combine(FixturesDir, name);
            h.AddParsed(FileParser.Parse(new SourceFile(full, name, new FileInfo(full).Length, UnixFileMode.UserRead | UnixFileMode.UserWrite), passwords));
        }
        return BuiltInRuleRunner.Lint(h, rule).Select(f => $"{f.Location.File.RelativePath}:{f.Location.StartLine}").Order(StringComparer.Ordinal).ToList();
    }

    [Test]
    public void Weak_protection_fires_on_legacy_pbe_sha1_macs_low_iterations_and_legacy_pem_but_not_on_strong_pbes2()
    {
        // openssl 3 defaults (leaf-nopass.p12, leaf-password.pfx, leaf-encrypted.key) use 2,048 iterations: weak.
        Hits("keystore-weak-protection", new Passwords(PbeInspector.DefaultMaxIterations, "fixture-password")).ShouldBe([
            "leaf-3des.pfx:1", "leaf-encrypted.key:1", "leaf-legacy-encrypted.key:1", "leaf-nopass.p12:1", "leaf-password.pfx:1", "leaf-pbes1.key:1",
        ]);
    }

    [Test]
    public void Weak_protection_is_known_from_the_asn1_even_without_the_password()
    {
        Hits("keystore-weak-protection", new Passwords(PbeInspector.DefaultMaxIterations)).ShouldContain("leaf-3des.pfx:1");
    }

    [Test]
    public void No_password_fires_on_keystores_and_keys_the_empty_password_opens()
    {
        Hits("keystore-no-password", new Passwords(PbeInspector.DefaultMaxIterations, "fixture-password")).ShouldBe(["leaf-empty-password.key:1", "leaf-nopass.p12:1"]);
    }

    [Test]
    public void Key_derivation_limit_fires_only_above_the_configured_count()
    {
        var passwords = new Passwords(50_000, "fixture-password");
        Hits("key-derivation-limit", passwords).ShouldBe(["leaf-empty-password.key:1", "leaf-strong-encrypted.key:1", "leaf-strong.pfx:1"]);
        Hits("key-derivation-limit", new Passwords(PbeInspector.DefaultMaxIterations, "fixture-password")).ShouldBeEmpty();
    }
}
