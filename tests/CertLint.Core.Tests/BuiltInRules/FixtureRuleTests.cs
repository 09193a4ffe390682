using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// The built-in rules on the parse engineer's committed openssl fixtures (tests/fixtures, see its README), read by the
/// real FileParser: PEM, DER, PKCS#7, PKCS#12, encrypted keys, every key type.
/// </summary>
public sealed class FixtureRuleTests
{
    private static readonly string FixturesDir = Path.Combine(Samples.RepoRoot, "tests", "fixtures");

    private sealed class Passwords(params string[] passwords) : IPasswordSource
    {
        public IReadOnlyList<string> CandidatesFor(SourceFile file) => ["", .. passwords];
        public string HintFor(SourceFile file) => "set CERTLINT_PASSWORD";
        public KdfBudget KdfBudget { get; } = new(CertLint.Configuration.ScanLimits.MaxKdfBudget);
    }

    /// <summary>The fixtures were made "today" and are valid for 30000 days: lint them at a fixed instant inside that.</summary>
    private static readonly DateTimeOffset Inside = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PrimitiveHarness Parse(IPasswordSource passwords, params string[] names)
    {
        var h = new PrimitiveHarness { Now = Inside };
        foreach (var name in names)
        {
            var full = Path.Combine(FixturesDir, name);
            var file = new SourceFile(full, name, new FileInfo(full).Length, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            h.AddParsed(FileParser.Parse(file, passwords));
        }
        return h;
    }

    private static List<string> Hits(PrimitiveHarness h, string rule) =>
        BuiltInRuleRunner.Lint(h, rule).Select(f => $"{f.Location.File.RelativePath}:{f.Subject.Kind}").Order(StringComparer.Ordinal).ToList();

    [Test]
    public void Weak_key_fires_on_rsa_1024_and_secp256k1_certificates_and_keys()
    {
        var h = Parse(new Passwords(), "rsa1024.pem", "rsa1024.key", "ec-secp256k1.pem", "ec-secp256k1.key",
            "ec-p256.pem", "ec-p384.pem", "ec-p521.pem", "ed25519.pem", "ed25519.key", "ed448.pem", "leaf.pem", "leaf.der", "leaf-pkcs1.key");
        Hits(h, "weak-key").ShouldBe([
            "ec-secp256k1.key:Key", "ec-secp256k1.pem:Certificate",
            "rsa1024.key:Key", "rsa1024.pem:Certificate",
        ]);
    }

    [Test]
    public void Self_signed_fixtures_are_self_signed_leaves_unless_they_are_cas()
    {
        var h = Parse(new Passwords(), "ed25519.pem", "root-ca.pem", "intermediate.pem");
        Hits(h, "self-signed-leaf").ShouldBe(["ed25519.pem:Certificate"]);
    }

    [Test]
    public void Encrypted_keys_and_keystores_need_a_password_and_lint_once_it_is_given()
    {
        var without = Parse(new Passwords(), "leaf-encrypted.key", "leaf-password.pfx", "leaf-nopass.p12", "leaf-legacy-encrypted.key");
        Hits(without, "password-required").ShouldBe([
            "leaf-encrypted.key:File", "leaf-legacy-encrypted.key:File", "leaf-password.pfx:File",
        ]);
        Hits(without, "parse-error").ShouldBeEmpty();

        var with = Parse(new Passwords("fixture-password"), "leaf-encrypted.key", "leaf-password.pfx", "leaf-legacy-encrypted.key");
        Hits(with, "password-required").ShouldBeEmpty();
        with.Keys.Count.ShouldBe(3);
        with.Certificates.ShouldNotBeEmpty();
        Hits(with, "weak-key").ShouldBeEmpty();
    }

    [Test]
    public void Pkcs7_and_text_dump_bundles_parse_without_findings_on_their_certificates()
    {
        var h = Parse(new Passwords(), "chain.p7b", "chain-p7.pem", "chain-with-text.pem", "chain-crlf.pem", "leaf-text-dump.txt");
        h.Certificates.Count.ShouldBe(3 + 3 + 2 + 2 + 1);
        BuiltInRuleRunner.Lint(h).Where(f => f.Rule.Name is "parse-error" or "weak-key" or "weak-signature" or "cert-expired" or "cert-not-yet-valid")
            .ShouldBeEmpty();
    }

    [Test]
    public void Validity_rules_fire_on_the_fixtures_before_and_after_their_validity_only()
    {
        var h = Parse(new Passwords(), "chain.p7b");
        BuiltInRuleRunner.Lint(h, "cert-not-yet-valid").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(h, "cert-expired").ShouldBeEmpty();

        h.Now = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        BuiltInRuleRunner.Lint(h, "cert-not-yet-valid").Count.ShouldBe(3);

        h.Now = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);
        BuiltInRuleRunner.Lint(h, "cert-expired").Count.ShouldBe(3);
    }

    [Test]
    public void Garbage_gives_parse_error_at_the_broken_block()
    {
        using var dir = new Tests.Pki.TempDirectory();
        var path = dir["bad.pem"];
        File.WriteAllText(path, "intro text\n" + File.ReadAllText(Path.Combine(FixturesDir, "ec-p256.pem")) +
            "-----BEGIN CERTIFICATE-----\nnot base64 !!\n-----END CERTIFICATE-----\n");
        var h = new PrimitiveHarness { Now = Inside };
        h.AddParsed(FileParser.Parse(new SourceFile(path, "bad.pem", new FileInfo(path).Length, null), new Passwords()));

        var f = BuiltInRuleRunner.Lint(h, "parse-error").ShouldHaveSingleItem();
        f.Location.StartLine.ShouldBeGreaterThan(2);
        h.Certificates.Count.ShouldBe(1);    // the good block before it is still linted
    }
}
