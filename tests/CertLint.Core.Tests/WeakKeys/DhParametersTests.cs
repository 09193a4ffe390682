using CertLint.Core.Tests.Hostile;
using CertLint.Core.Tests.Parsing;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.WeakKeys;

/// <summary>
/// Diffie-Hellman parameter files (tests/fixtures/dh-params, make-dh-params.sh: openssl's named group, a fresh 1024-bit
/// safe prime, X9.42 parameters with q, the same p and g without q, g = 1, a composite p, and the short and X9.42 sets
/// again in DER), linted by the real engine:
/// exactly the short group is dh-params-weak and exactly the broken groups are dh-params-unsafe.
/// </summary>
public sealed class DhParametersTests
{
    private static readonly string Folder = Path.Combine(Fixtures.Directory, "dh-params");

    [Test]
    public void Each_defective_parameter_set_is_one_finding_and_the_sound_ones_none()
    {
        var result = BoundedLint.Run(Folder, ".");
        static string Local(string f) => f.Replace("tests/fixtures/dh-params/", "", StringComparison.Ordinal);
        // The DER copy of the short group is read as the PEM one is (no label: told by its INTEGERs).
        result.Of("dh-params-weak").Select(Local).ShouldBe([
            "dh1024.der:1 dh1024.der:1 holds 1024-bit Diffie-Hellman parameters, below 2048 bits: a precomputation breaks every key exchange in such a group (Logjam); "
            + "use RFC 7919 ffdhe2048 or larger, or ECDHE only.",
            "dh1024.pem:1 dh1024.pem:1 holds 1024-bit Diffie-Hellman parameters, below 2048 bits: a precomputation breaks every key exchange in such a group (Logjam); "
            + "use RFC 7919 ffdhe2048 or larger, or ECDHE only.",
        ]);
        result.Of("dh-params-unsafe").Select(Local).ShouldBe([
            "composite.pem:1 composite.pem:1 holds 2048-bit PKCS#3 Diffie-Hellman parameters: p is not a safe prime ((p − 1)/2 is divisible by 3, so the group has a subgroup of order 3).",
            "g1.pem:1 g1.pem:1 holds 2048-bit PKCS#3 Diffie-Hellman parameters: g = 1 is outside 2..p−2, so every shared secret is 1 or ±1.",
            "no-q-2048.pem:1 no-q-2048.pem:1 holds 2048-bit PKCS#3 Diffie-Hellman parameters: p is not a safe prime ((p − 1)/2 is divisible by 3, so the group has a subgroup of order 3).",
        ]);
        // ffdhe2048 (a named group), the X9.42 set with its q, and the fresh safe prime's structure are sound; nothing else is said.
        result.Findings.Where(f => !f.IsSuppressed).Select(f => f.Rule.Name).Distinct().Order().ShouldBe(["dh-params-unsafe", "dh-params-weak"]);
    }

    [Test]
    public void Parameters_are_read_in_both_encodings_and_a_huge_prime_is_refused_before_any_arithmetic()
    {
        var x942 = ContentParser.Parse(Fixtures.Source("dh-params/x942-2048.pem"), Fixtures.Bytes("dh-params/x942-2048.pem"), TestPasswords.None);
        var d = x942.DhParameters.ShouldHaveSingleItem();
        (d.Bits, d.Encoding, d.Q is not null).ShouldBe((2048, "X9.42", true));
        // In DER, (p, g, q, j) is X9.42 and (p, g) PKCS#3, as their PEM labels would say.
        foreach (var (name, encoding, hasQ) in new[] { ("x942-2048.der", "X9.42", true), ("dh1024.der", "PKCS#3", false) })
        {
            var der = ContentParser.Parse(Fixtures.Source("dh-params/" + name), Fixtures.Bytes("dh-params/" + name), TestPasswords.None);
            der.Issues.ShouldBeEmpty(name);
            var p = der.DhParameters.ShouldHaveSingleItem(name);
            (p.Encoding, p.Q is not null).ShouldBe((encoding, hasQ), name);
        }
        var file = new SourceFile("/mem/dh.pem", "dh.pem", 0, null);
        var huge = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (huge.PushSequence())
        {
            huge.WriteInteger(System.Numerics.BigInteger.One << 20_000);
            huge.WriteInteger(2);
        }
        var pem = System.Text.Encoding.ASCII.GetBytes(System.Security.Cryptography.PemEncoding.WriteString("DH PARAMETERS", huge.Encode()));
        var parsed = ContentParser.Parse(file, pem, TestPasswords.None);
        parsed.DhParameters.ShouldBeEmpty();
        parsed.Issues.ShouldHaveSingleItem().Message.ShouldBe("invalid DH PARAMETERS block: p is longer than 16384 bits");
    }

    [Test]
    public void Past_maxPrimes_the_cheap_checks_still_run_and_the_first_prime_left_out_says_so()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        foreach (var name in new[] { "dh1024.pem", "x942-2048.pem" }) File.Copy(Path.Combine(Folder, name), dir[name]);
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  dh-params-weak: { severity: off }\n  dh-params-unsafe:\n    parameters: { maxPrimes: 1 }\n");
        var result = BoundedLint.Run(dir.Path, ".");
        result.Of("dh-params-unsafe").ShouldBe([
            "x942-2048.pem:1 x942-2048.pem:1 holds 2048-bit X9.42 Diffie-Hellman parameters: the primality tests stopped here (the first 1 distinct primes of the scan were tested, "
            + "maxPrimes; this and the rest got the cheap checks only, raise maxPrimes for dh-params-unsafe in .certlint.yml).",
        ]);
    }

    [Test]
    public void When_part_of_a_repository_is_scanned_its_primes_are_tested_before_those_of_the_rest()
    {
        // a-context/ sorts before the scanned scan/; with maxPrimes 1 the one prime tested must be the scanned file's:
        // X9.42 parameters with x942-2048.pem's p and q but g = 2, whose order is not q (only the tested primes are checked so).
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        Directory.CreateDirectory(dir[".git"]);
        Directory.CreateDirectory(dir["a-context"]);
        Directory.CreateDirectory(dir["scan"]);
        File.Copy(Path.Combine(Folder, "dh1024.pem"), dir["a-context/dh1024.pem"]);
        var x942 = ContentParser.Parse(Fixtures.Source("dh-params/x942-2048.pem"), Fixtures.Bytes("dh-params/x942-2048.pem"), TestPasswords.None).DhParameters.Single();
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(x942.P);
            writer.WriteInteger(2);
            writer.WriteInteger(x942.Q!.Value);
        }
        File.WriteAllText(dir["scan/bad-g.pem"], System.Security.Cryptography.PemEncoding.WriteString("X9.42 DH PARAMETERS", writer.Encode()));
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  dh-params-weak: { severity: off }\n  dh-params-unsafe:\n    parameters: { maxPrimes: 1 }\n");
        var result = new CertLint.Engine.LintEngine().Run(new CertLint.Engine.LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = ["scan"],
            Now = CertLint.Tests.Pki.TestPki.DefaultNow,
            Environment = _ => null,
        });
        // The context file is the first left out: its "stopped here" is not the scan's to report.
        result.Of("dh-params-unsafe").ShouldBe([
            "scan/bad-g.pem:1 scan/bad-g.pem:1 holds 2048-bit X9.42 Diffie-Hellman parameters: g does not have order q (g^q mod p ≠ 1), so the subgroup check peers make fails.",
        ]);
    }
}
