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
        var seeds = FuzzSeeds.For("der").ToDictionary(s => s.Name, s => s.Bytes);
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

    [TestCase("der")]
    [TestCase("sniff-pem")]
    public void Every_generated_seed_passes_its_harness(string harness)
    {
        var seeds = FuzzSeeds.For(harness).ToList();
        seeds.Count.ShouldBe(8);
        foreach (var (name, bytes) in seeds) Should.NotThrow(() => FuzzTargets.Run(harness, bytes), name);
    }
}
