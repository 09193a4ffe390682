using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests.Validation;

/// <summary>
/// NIST's Public Key Interoperability Test Suite (PKITS, "Public Key Interoperability Test Suite Certification Path
/// Validation", version 1.0.1), the reference suite for RFC 5280 §6 path validation, through the real command line.
/// The data is not copied into this repository: it comes from Debian's python3-cryptography-vectors package (PKITS_data:
/// 405 certificates, 173 CRLs), which .ci/run installs. Every certificate and CRL is linted in one run with the suite's
/// trust anchor as --ca, as a repository holding a whole PKI would be, at a date inside every certificate's validity.
///
/// Each end-entity certificate is one test: PKITS names it Valid… or Invalid… after its outcome under the default
/// settings (any policy acceptable, no explicit policy required); the 4.8 policy tests that have no such prefix are
/// valid under those settings except the six listed in <see cref="InvalidWithoutPrefix"/> (PKITS §4.8.4, 4.8.5, 4.8.7,
/// 4.8.8, 4.8.9, 4.8.12). A test "rejects" when CertLint reports a path finding on the end-entity certificate's file.
/// The tests CertLint does not yet decide as PKITS does are listed, each with why, in <see cref="KnownGaps"/>; the
/// test fails when one of them starts to agree, so the list stays exact.
/// </summary>
public class PkitsTests
{
    private const string DataDir = "/usr/lib/python3/dist-packages/cryptography_vectors/x509/PKITS_data";

    /// <summary>The rules that report a failed step of path validation (docs/chains.md).</summary>
    private static readonly HashSet<string> PathRules =
    [
        "chain-invalid", "chain-incomplete", "cert-expired", "cert-not-yet-valid", "cert-revoked", "revocation-unknown",
        "issuer-not-ca", "path-length-exceeded", "name-constraints-violated", "unknown-critical-extension", "policy-not-satisfied",
    ];

    private static readonly HashSet<string> InvalidWithoutPrefix =
    [
        "DifferentPoliciesTest4EE", "DifferentPoliciesTest5EE", "DifferentPoliciesTest7EE", "DifferentPoliciesTest8EE",
        "DifferentPoliciesTest9EE", "DifferentPoliciesTest12EE",
    ];

    /// <summary>PKITS tests CertLint decides differently today, and why (none: all 223 agree).</summary>
    private static readonly Dictionary<string, string> KnownGaps = new(StringComparer.Ordinal);

    private static readonly Lazy<(Dictionary<string, string[]> Rejections, string[] Tests)> Run = new(LintSuite);

    private static (Dictionary<string, string[]> Rejections, string[] Tests) LintSuite()
    {
        using var dir = new TempDirectory();
        var certs = Directory.CreateDirectory(Path.Combine(dir.Path, "pki")).FullName;
        var trust = Directory.CreateDirectory(Path.Combine(dir.Path, "trust")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(DataDir, "certs"), "*.crt"))
        {
            var name = Path.GetFileName(file);
            File.Copy(file, Path.Combine(name == "TrustAnchorRootCertificate.crt" ? trust : certs, name));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(DataDir, "crls"), "*.crl")) File.Copy(file, Path.Combine(certs, Path.GetFileName(file)));

        var run = LintRun.In(dir.Path, "pki", "--ca", "trust/TrustAnchorRootCertificate.crt");

        run.ExitCode.ShouldBe(1, run.Outcome.Error);
        var tests = Directory.GetFiles(certs, "*EE.crt").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal).ToArray();
        var rejections = run.Findings.Where(f => PathRules.Contains(f.Rule))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f.Path))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).ToArray());
        return (rejections, tests);
    }

    [OneTimeSetUp]
    public void RequireData()
    {
        if (Directory.Exists(DataDir)) return;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail($"PKITS data not found at {DataDir} (.ci/run installs python3-cryptography-vectors)");
        Assert.Ignore("PKITS data not installed (apt-get install python3-cryptography-vectors)");
    }

    [Test]
    public void The_suite_has_its_223_end_entity_tests() => Run.Value.Tests.Length.ShouldBe(223);

    [Test]
    public void Every_test_outside_the_known_gaps_is_decided_as_PKITS_expects()
    {
        var (rejections, tests) = Run.Value;
        var wrong = tests.Where(t => !KnownGaps.ContainsKey(t) && rejections.ContainsKey(t) != ExpectedInvalid(t))
            .Select(t => $"{t}: expected {(ExpectedInvalid(t) ? "invalid" : "valid")}, CertLint {(rejections.TryGetValue(t, out var r) ? "rejects (" + string.Join(", ", r) + ")" : "accepts")}")
            .ToList();
        wrong.ShouldBeEmpty();
    }

    [Test]
    public void Every_known_gap_still_differs()
    {
        var (rejections, tests) = Run.Value;
        KnownGaps.Keys.Except(tests).ShouldBeEmpty("not PKITS tests");
        KnownGaps.Keys.Where(t => rejections.ContainsKey(t) == ExpectedInvalid(t)).ShouldBeEmpty("these now agree with PKITS: remove them from KnownGaps");
    }

    private static bool ExpectedInvalid(string test) => test.StartsWith("Invalid", StringComparison.Ordinal) || InvalidWithoutPrefix.Contains(test);
}
