using CertLint.Engine;
using CertLint.Rules.Primitives.Keys;
using CertLint.Tests.BuiltInRules;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// key-known-compromised on tests/fixtures/known-keys, linted by the real engine: private keys printed in RFCs (PKCS#8
/// PEM written by bench/external/known-keys.py --pem), public keys of some (SPKI PEM), a certificate made for the RFC 7517
/// key, and RFC 8448's server certificate as printed in its §3 Certificate message.
/// </summary>
public sealed class KnownKeyRuleTests
{
    private static readonly string FixtureDir = Path.Combine(Samples.RepoRoot, "tests", "fixtures", "known-keys");
    private static readonly Lazy<LintResult> Result = new(() => WeakKeyRuleTests.Lint(FixtureDir));

    [Test]
    public void Every_fixture_is_read_as_a_key()
    {
        WeakKeyRuleTests.Hits(Result.Value, "parse-error").ShouldBeEmpty();
        // every .key and .pub is a key in the model: an X25519 or X448 key not read as one would pass silently
        Result.Value.Inventory.Keys.Count.ShouldBe(Directory.GetFiles(FixtureDir).Count(f => !f.EndsWith(".crt", StringComparison.Ordinal) && !f.EndsWith(".der", StringComparison.Ordinal)));
    }

    [Test]
    public void Every_published_key_and_the_certificate_for_one_are_reported() =>
        WeakKeyRuleTests.Hits(Result.Value, "key-known-compromised").ShouldBe([
            "rfc4754-p521.key:Key",
            "rfc5903-p256-responder.pub:Key",
            "rfc6979-b571.pub:Key",
            "rfc6979-dsa1024.key:Key",
            "rfc6979-dsa2048.pub:Key",
            "rfc6979-k163.key:Key",
            "rfc6979-p384.key:Key",
            "rfc7515-a3-p256.key:Key",
            "rfc7517-a2-rsa.crt:Certificate",
            "rfc7517-a2-rsa.key:Key",
            "rfc7520-bilbo-p521.key:Key",
            "rfc7520-samwise-rsa4096.pub:Key",
            "rfc7748-x25519-alice.key:Key",
            "rfc7748-x448-alice.pub:Key",
            "rfc7748-x448-bob.key:Key",
            "rfc8032-ed25519-test1.key:Key",
            "rfc8032-ed448-blank.key:Key",
            "rfc8448-server.der:Certificate",
        ]);

    [TestCase("rfc4754-p521.key", "IKE ECDSA-521 example key (RFC 4754 §8.3)")]
    [TestCase("rfc5903-p256-responder.pub", "IKE ECDH P-256 responder key (RFC 5903 §8.1)")]
    [TestCase("rfc8448-server.der", "TLS 1.3 example server RSA 1024 key (RFC 8448 §2)")]
    [TestCase("rfc6979-k163.key", "ECDSA K-163 example key (RFC 6979 Appendix A.2.8)")]
    [TestCase("rfc6979-b571.pub", "ECDSA B-571 example key (RFC 6979 Appendix A.2.17)")]
    [TestCase("rfc6979-dsa1024.key", "DSA 1024 example key (RFC 6979 Appendix A.2.1)")]
    [TestCase("rfc6979-dsa2048.pub", "DSA 2048 example key (RFC 6979 Appendix A.2.2)")]
    [TestCase("rfc6979-p384.key", "ECDSA P-384 example key (RFC 6979 Appendix A.2.6)")]
    [TestCase("rfc7748-x25519-alice.key", "X25519 Alice's key (RFC 7748 §6.1)")]
    [TestCase("rfc7748-x448-alice.pub", "X448 Alice's key (RFC 7748 §6.2)")]
    [TestCase("rfc7748-x448-bob.key", "X448 Bob's key (RFC 7748 §6.2)")]
    [TestCase("rfc7515-a3-p256.key", "JWS example EC P-256 key (RFC 7515 Appendix A.3.1)")]
    [TestCase("rfc7517-a2-rsa.crt", "JWK example RSA 2048 key (kid 2011-04-29) (RFC 7517 Appendix A.2)")]
    [TestCase("rfc7517-a2-rsa.key", "JWK example RSA 2048 key (kid 2011-04-29) (RFC 7517 Appendix A.2)")]
    [TestCase("rfc7520-bilbo-p521.key", "bilbo.baggins@hobbiton.example EC P-521 key (RFC 7520 §3.2)")]
    [TestCase("rfc7520-samwise-rsa4096.pub", "samwise.gamgee@hobbiton.example RSA 4096 key (RFC 7520 §5.2.1)")]
    [TestCase("rfc8032-ed25519-test1.key", "Ed25519 TEST 1 key, also RFC 8037 A.1's JWK (RFC 8032 §7.1)")]
    [TestCase("rfc8032-ed448-blank.key", "Ed448 Blank key (RFC 8032 §7.4)")]
    public void The_message_names_the_key_and_its_source_but_no_key_bytes(string file, string named)
    {
        var finding = Result.Value.Findings.Single(f => f.Rule.Name == "key-known-compromised" && f.Location.File.RelativePath == file);
        finding.Message.ShouldContain($"is the published key {named}: its private key is public");
        var entry = KnownKeys.All.Single(e => $"{e.Name} ({e.Source})" == named);
        finding.Message.ShouldNotContain(entry.SpkiSha256[..16], Case.Insensitive);   // names the key, never its bytes or hash
    }

    [Test]
    public void Every_entry_names_an_rfc_section_and_no_key_is_listed_twice()
    {
        foreach (var entry in KnownKeys.All)
        {
            entry.Source.ShouldMatch(@"^RFC \d{4} (§\d+(\.\d+)*|Appendix [A-Z](\.\d+)*)$", entry.Name);
            entry.SpkiSha256.ShouldMatch("^[0-9a-f]{64}$", entry.Name);
            entry.Name.ShouldNotBeNullOrWhiteSpace();
        }
        KnownKeys.All.Select(e => e.SpkiSha256).ShouldBeUnique();
        KnownKeys.All.Select(e => (e.Name, e.Source)).ShouldBeUnique();
        KnownKeys.BySpkiSha256.Count.ShouldBe(KnownKeys.All.Count);
    }
}
