using CertLint.Core.Tests.Parsing;
using CertLint.Engine;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.WeakKeys;

/// <summary>
/// Diffie-Hellman keys (tests/fixtures/ffdh-keys, make-dh-keys.sh: PKCS #3 and X9.42 private and public keys, a 1,024-bit
/// key in PEM and DER and a certificate for it, public values 1 and outside the subgroup, p = 0, x = p), linted by the
/// real engine: a key is judged by its group with the parameter rules (weak-key leaves it to them), its public value by
/// dh-params-unsafe, and a key whose numbers cannot make one is a parse-error rather than a silent pass.
/// </summary>
public sealed class DhKeyTests
{
    private static readonly string Folder = Path.Combine(Fixtures.Directory, "ffdh-keys");

    /// <summary>Inside the fixture certificates' validity (make-dh-keys.sh: issued 2026-12-07, the leaf for 397 days).</summary>
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The fixtures linted alone, copied out of the repository: inside it every other fixture would be read as context
    /// and share the scan's bound on primality tests (dh-params-unsafe's maxPrimes, taken in scan order).
    /// </summary>
    private static LintResult Lint()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        foreach (var file in Directory.GetFiles(Folder))
        {
            File.Copy(file, dir[Path.GetFileName(file)]);
            // git keeps no file mode, so a clone's keys are 644: give them the 600 openssl wrote, as a deployment would.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dir[Path.GetFileName(file)], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new LintEngine().Run(new LintRequest { WorkingDirectory = dir.Path, Paths = ["."], Now = Now, Environment = _ => null });
    }

    [Test]
    public void Each_defective_key_is_one_finding_and_the_sound_ones_none()
    {
        var result = Lint();
        string[] findings = [.. result.Findings.Where(f => !f.IsSuppressed)
            .Select(f => $"{f.Rule.Name} {f.Location.File.RelativePath}:{f.Location.StartLine}")
            .Order(StringComparer.Ordinal)];
        // make-dh-keys.sh itself is no certificate material: nothing is said of it.
        findings.ShouldBe([
            "dh-params-unsafe y-one.pub:1",
            "dh-params-unsafe y-outside.pub:1",
            "dh-params-weak dh1024-cert.pem:1",
            "dh-params-weak dh1024.der:1",
            "dh-params-weak dh1024.key:1",
            "key-orphan ffdhe2048.key:1",
            "key-orphan x942.key:1",
            "parse-error p-zero.key:1",
            "parse-error x-too-large.key:1",
            // No configuration says what the certificate is for: the note every leaf without a role gets.
            "role-unknown dh1024-cert.pem:1",
        ]);
        string Message(string rule, string file) => result.Findings.Single(f => f.Rule.Name == rule && f.Location.File.RelativePath.EndsWith(file, StringComparison.Ordinal)).Message;
        Message("dh-params-weak", "dh1024-cert.pem").ShouldEndWith("dh1024-cert.pem:1 holds 1024-bit Diffie-Hellman parameters, below 2048 bits: a precomputation breaks every key exchange in such a group (Logjam); use RFC 7919 ffdhe2048 or larger, or ECDHE only.");
        Message("dh-params-unsafe", "y-one.pub").ShouldEndWith("y-one.pub:1 holds 2048-bit PKCS#3 Diffie-Hellman parameters: the key's public value y is outside 2..p−2, so every shared secret made with it is 0, 1 or ±1.");
        Message("dh-params-unsafe", "y-outside.pub").ShouldEndWith("y-outside.pub:1 holds 2048-bit X9.42 Diffie-Hellman parameters: the key's public value y is not in the subgroup of order q (y^q mod p ≠ 1), so peers that check it refuse it.");
        Message("parse-error", "p-zero.key").ShouldContain("invalid PRIVATE KEY block: Diffie-Hellman key parameters: p is not positive.");
        Message("parse-error", "x-too-large.key").ShouldContain("invalid PRIVATE KEY block: Diffie-Hellman private key: x is not between 1 and p − 2.");
    }

    [Test]
    public void A_private_key_gets_the_public_key_openssl_derives_and_pairs_with_its_certificate()
    {
        var result = Lint();
        var keys = result.Inventory.Keys.ToDictionary(k => Path.GetFileName(k.Location.File.RelativePath));
        foreach (var (priv, pub) in new[] { ("ffdhe2048.key", "ffdhe2048.pub"), ("x942.key", "x942.pub") })
        {
            keys[priv].PublicKey.ShouldNotBeNull().Sha256.ShouldBe(keys[pub].PublicKey.ShouldNotBeNull().Sha256, priv);
            keys[priv].PublicKey!.Label.ShouldBe("DH 2048");
        }
        keys["dh1024.der"].PublicKey!.Sha256.ShouldBe(keys["dh1024.key"].PublicKey!.Sha256);
        var cert = result.Inventory.Certificates.Single(c => c.Location.File.RelativePath.EndsWith("dh1024-cert.pem", StringComparison.Ordinal));
        (cert.PublicKey.Algorithm, cert.PublicKey.SizeBits, cert.PublicKey.Sha256).ShouldBe((KeyAlgorithm.Dh, 1024, keys["dh1024.key"].PublicKey!.Sha256));
        // weak-key leaves a DH key to the parameter rules: one finding per defect.
        result.Findings.ShouldNotContain(f => f.Rule.Name == "weak-key");
    }

    [Test]
    public void A_private_key_in_a_group_longer_than_any_in_use_is_refused_before_any_exponentiation()
    {
        // p = 2^9000 + 1 (odd, 9,001 bits), g = 2, x = 3: refused by its length alone.
        var p = (System.Numerics.BigInteger.One << 9000) + 1;
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(DhKeys.Pkcs3Oid);
                using (writer.PushSequence())
                {
                    writer.WriteInteger(p);
                    writer.WriteInteger(2);
                }
            }
            var x = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            x.WriteInteger(3);
            writer.WriteOctetString(x.Encode());
        }
        var pem = System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString("PRIVATE KEY", writer.Encode()));
        var parsed = ContentParser.Parse(new SourceFile("/mem/dh.key", "dh.key", 0, null), pem, TestPasswords.None);
        parsed.Keys.ShouldBeEmpty();
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldBe("invalid PRIVATE KEY block: Diffie-Hellman private key: p is longer than 8,192 bits, beyond every group in use");
    }
}
