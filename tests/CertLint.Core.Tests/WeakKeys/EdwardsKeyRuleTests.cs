using CertLint.Engine;
using CertLint.Rules.Primitives.Keys;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// edwards-key-invalid on tests/fixtures/edwards-keys (written by its make.py, whose affine arithmetic is independent of
/// <see cref="EdwardsCurves"/>), linted by the real engine; and the curve code on the RFCs' own test vectors.
/// </summary>
public sealed class EdwardsKeyRuleTests
{
    private static readonly string FixtureDir = Path.Combine(Samples.RepoRoot, "tests", "fixtures", "edwards-keys");

    private static readonly Lazy<LintResult> Result = new(() =>
    {
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(FixtureDir).Where(f => !f.EndsWith(".py", StringComparison.Ordinal)))
        {
            var target = Path.Combine(dir.Path, Path.GetFileName(file));
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Environment = _ => null,
        });
    });

    private static string Message(string file) =>
        Result.Value.Findings.Single(f => f.Rule.Name == "edwards-key-invalid" && f.Location.File.RelativePath == file).Message;

    [Test]
    public void Every_bad_key_is_reported_once_and_no_good_key_is()
    {
        Result.Value.Findings.Where(f => f.Rule.Name == "parse-error").ShouldBeEmpty();
        Result.Value.Findings.Where(f => f.Rule.Name == "edwards-key-invalid")
            .Select(f => $"{f.Location.File.RelativePath}:{f.Subject.Kind}").Order(StringComparer.Ordinal).ShouldBe(
            [
                "ed25519-identity.pub:Key", "ed25519-mixed-order.pub:Key", "ed25519-negative-zero.pub:Key",
                "ed25519-noncanonical.pub:Key", "ed25519-off-curve.pub:Key", "ed25519-order2.pub:Key",
                "ed25519-order8.pub:Key", "ed25519-short.pub:Key", "ed448-identity.pub:Key", "ed448-order2.pub:Key",
                "x25519-order8.pub:Key", "x25519-p-plus-1.pub:Key", "x25519-top-bit-zero.pub:Key",
                "x25519-zero.crt:Certificate", "x25519-zero.pub:Key", "x448-minus-one.pub:Key", "x448-one.pub:Key",
            ]);
    }

    [TestCase("ed25519-identity.pub", "point of small order (dividing 8) on edwards25519")]
    [TestCase("ed25519-order8.pub", "point of small order (dividing 8) on edwards25519")]
    [TestCase("ed448-order2.pub", "point of small order (dividing 4) on edwards448")]
    [TestCase("ed25519-mixed-order.pub", "small-order component")]
    [TestCase("ed25519-noncanonical.pub", "non-canonical encoding")]
    [TestCase("ed25519-negative-zero.pub", "x = 0 with the sign bit set")]
    [TestCase("ed25519-off-curve.pub", "no x satisfies the curve equation")]
    [TestCase("ed25519-short.pub", "31 bytes long, not 32")]
    [TestCase("x25519-top-bit-zero.pub", "small order (dividing 8) on curve25519")]
    [TestCase("x448-one.pub", "small order (dividing 4) on curve448")]
    public void The_finding_says_what_is_wrong(string file, string text)
    {
        Message(file).ShouldContain(text);
        Message(file).ShouldContain("openssl genpkey -algorithm " + (file.StartsWith("ed448", StringComparison.Ordinal) ? "ED448"
            : file.StartsWith("ed", StringComparison.Ordinal) ? "ED25519" : file.StartsWith("x448", StringComparison.Ordinal) ? "X448" : "X25519"));
    }

    // RFC 8032 §7.1 TEST 1 and TEST 2 public keys, §7.4 (Ed448) "-----Blank" public key; RFC 7748 §6.1 and §6.2 public keys.
    [TestCase("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    [TestCase("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    public void Rfc8032_ed25519_keys_are_valid_points_of_the_prime_order_subgroup(string hex)
    {
        var c = EdwardsCurves.Ed25519;
        EdwardsCurves.Decode(c, Convert.FromHexString(hex), out var point).ShouldBe(EdwardsCurves.Decoding.Ok);
        EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.L)).ShouldBeTrue();
        EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.Cofactor)).ShouldBeFalse();
    }

    [Test]
    public void Rfc8032_ed448_key_is_a_valid_point_of_the_prime_order_subgroup()
    {
        var c = EdwardsCurves.Ed448;
        var key = Convert.FromHexString("5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6cd1fa1abeafe8256180");
        EdwardsCurves.Decode(c, key, out var point).ShouldBe(EdwardsCurves.Decoding.Ok);
        EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.L)).ShouldBeTrue();
        EdwardsCurves.IsIdentity(c, EdwardsCurves.Multiply(c, point, c.Cofactor)).ShouldBeFalse();
    }

    [TestCase("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", false)]
    [TestCase("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", false)]
    [TestCase("0900000000000000000000000000000000000000000000000000000000000000", false)]   // the base point, u = 9
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000", true)]
    [TestCase("0100000000000000000000000000000000000000000000000000000000000000", true)]
    [TestCase("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true)]    // p − 1
    [TestCase("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", true)]    // p, i.e. 0
    public void X25519_small_order_is_found_for_exactly_the_small_order_u_coordinates(string hex, bool small) =>
        EdwardsCurves.HasSmallOrder(EdwardsCurves.X25519, Convert.FromHexString(hex)).ShouldBe(small);

    [TestCase("9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53177f80e532c41fa0", false)]
    [TestCase("0500000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", false)]   // the base point, u = 5
    [TestCase("0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", true)]
    public void X448_small_order_is_found_for_exactly_the_small_order_u_coordinates(string hex, bool small) =>
        EdwardsCurves.HasSmallOrder(EdwardsCurves.X448, Convert.FromHexString(hex)).ShouldBe(small);
}
