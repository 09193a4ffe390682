using CertLint.Fuzz;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tests.Fuzzing;

/// <summary>
/// The seeds the fuzz harnesses make themselves (<see cref="FuzzSeeds"/>) reach the private-key audit, so a campaign
/// starts from the structures that once hung it (a PKCS#8 EC key naming its curve twice), and pass their harness.
/// </summary>
public sealed class FuzzSeedTests
{
    [Test]
    public void Every_generated_der_seed_is_a_key_whose_numbers_the_audit_checks()
    {
        var seeds = FuzzSeeds.For("der").Where(s => s.Name.StartsWith("gen-ec-", StringComparison.Ordinal) || s.Name.StartsWith("gen-rsa-", StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => s.Bytes);
        var verdicts = seeds.ToDictionary(s => s.Key, s =>
        {
            var run = Task.Run(() => KeyParser.ParseDer(s.Value, new SourceLocation(new SourceFile("/seed", s.Key, 0, null)), [""]));
            run.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue($"{s.Key}: the audit of one key takes milliseconds");
            return run.Result?.Verdict;
        });

        verdicts.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "gen-ec-pkcs8-both-curves.der", "gen-ec-pkcs8-inner-curve.der", "gen-ec-pkcs8-wrapper-curve.der", "gen-ec-sec1-curve-point.der",
            "gen-ec-sec1-no-point.der", "gen-rsa-pkcs1-wrong-crt.der", "gen-rsa-pkcs1.der", "gen-rsa-pkcs8.der"]);
        foreach (var (name, verdict) in verdicts)
        {
            verdict.ShouldNotBeNull(name);
            verdict.Flaw.ShouldBe(name == "gen-rsa-pkcs1-wrong-crt.der" ? PrivateKeyFlaw.WrongCrtCoefficient : null, name);
        }
    }

    [TestCase("der", 18)]
    [TestCase("sniff-pem", 33)]
    [TestCase("pkcs", 15)]
    public void Every_generated_seed_passes_its_harness(string harness, int count)
    {
        var seeds = FuzzSeeds.For(harness).ToList();
        seeds.Count.ShouldBe(count);
        foreach (var (name, bytes) in seeds) Should.NotThrow(() => FuzzTargets.Run(harness, bytes), name);
    }

    /// <summary>
    /// The seeds of the newer formats reach their parsers, not an early "unrecognised content": what the content parser
    /// makes of each (objects and issue kinds). The PKCS#12 files whose MacData was rewritten no longer verify; those
    /// whose MAC is a digest OID with the wrong value (MD5, SHA-224) do not verify; PBMAC1 without its parameters and an unknown digest are parse errors, not silent.
    /// </summary>
    [Test]
    public void Every_format_seed_is_read_by_the_parser_of_its_format()
    {
        var seen = FuzzSeeds.For("sniff-pem").Where(s => !s.Name.StartsWith("gen-ec-", StringComparison.Ordinal) && !s.Name.StartsWith("gen-rsa-", StringComparison.Ordinal))
            .ToDictionary(s => s.Name, s => Summary(ContentParser.Parse(new SourceFile("/seed", s.Name, 0, null), s.Bytes, new Passwords())));

        seen.ShouldBe(new Dictionary<string, string>
        {
            ["gen-crl-empty.pem"] = "crl 0 entries",
            ["gen-crl-entries.pem"] = "crl 3 entries",
            ["gen-ml-kem-512-spki.pem"] = "ML-KEM-512 public key",
            ["gen-ml-kem-512-SeedOnly.pem"] = "ML-KEM-512 private key",
            ["gen-ml-kem-512-EncodingOnly.pem"] = "ML-KEM-512 private key",
            ["gen-ml-kem-512-SeedAndEncoding.pem"] = "ML-KEM-512 private key",
            ["gen-ml-dsa-44-spki.pem"] = "ML-DSA-44 public key",
            ["gen-ml-dsa-44-SeedOnly.pem"] = "ML-DSA-44 private key",
            ["gen-ml-dsa-44-EncodingOnly.pem"] = "ML-DSA-44 private key",
            ["gen-ml-dsa-44-SeedAndEncoding.pem"] = "ML-DSA-44 private key",
            ["gen-p12-mac-sha256-2048.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-sha384-1.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-sha512-10.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-no-mac.p12"] = "Pkcs12, RSA 1024 private key, cert",
            ["gen-p12-mac-pbmac1-sha256.p12"] = "Pkcs12, RSA 1024 private key, cert",
            // These seeds keep the SHA-1 MAC value under another digest's OID, so the MAC does not verify: a wrong password.
            ["gen-p12-mac-md5.p12"] = "Pkcs12, PasswordRequired",
            ["gen-p12-mac-sha224.p12"] = "Pkcs12, PasswordRequired",
            ["gen-p12-mac-pbmac1.p12"] = "Pkcs12, ParseError",
            ["gen-p12-mac-unknown-oid.p12"] = "Pkcs12, ParseError",
            ["gen-p12-mac-default-iterations.p12"] = "Pkcs12, PasswordRequired",
            ["gen-keystore.jks"] = "Jks, RSA 1024 private key, cert",
            ["gen-truststore.jks"] = "Jks, cert",
            ["gen-truststore.jceks"] = "Jks, cert",
            // A stand-in SealedObject (zeros after its class descriptor tag) the walk cannot step over: a parse error, no longer "password required".
            ["gen-secret-entry.jceks"] = "Jks, ParseError",
            ["gen-truststore.bks"] = "Bks, cert, PasswordRequired",
        }, ignoreOrder: true);
    }

    private static string Summary(ParsedFile file) => string.Join(", ", new[] { file.Kind is FileKind.Pem ? null : file.Kind.ToString() }
        .Concat(file.Keys.Select(k => k.Label))
        .Concat(file.Certificates.Select(_ => "cert"))
        .Concat(file.Crls.Select(c => $"crl {c.Revoked.Count} entries"))
        .Concat(file.Issues.Select(i => i.Kind.ToString())).OfType<string>());

    private sealed class Passwords : IPasswordSource
    {
        public IReadOnlyList<string> CandidatesFor(SourceFile file) => [""];
        public string HintFor(SourceFile file) => "";
        public long MaxKdfIterations => 4096;
        public KdfBudget KdfBudget { get; } = new(64 * 4096);
    }
}
