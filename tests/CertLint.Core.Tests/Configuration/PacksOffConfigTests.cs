using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Configuration;

/// <summary>
/// A lint leaves the rules of packs that are off unparsed, but the configuration may still name them: the outcome
/// (rules in force, accepted names, errors with suggestions) must be what it is with every pack loaded.
/// </summary>
public class PacksOffConfigTests
{
    private static readonly DateTimeOffset Clock = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static RuleCatalog Load(string config, bool everyPack = false)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir[".certlint.yml"], config);
        var settings = SettingsResolver.Resolve(new LintRequest { WorkingDirectory = dir.Path }, new FixedTime(Clock));
        return RuleCatalog.Load(settings, everyPack: everyPack);
    }

    [Test]
    public void Rules_in_force_are_the_same_whether_or_not_the_packs_that_are_off_are_loaded()
    {
        const string config = "packs: [core]\n";
        var lazy = Load(config);
        var full = Load(config, everyPack: true);
        lazy.InForce.Select(r => r.Id).ShouldBe(full.InForce.Select(r => r.Id));
        lazy.InForce.ShouldAllBe(r => r.Descriptor.Pack == "core");
        full.Rules.Select(r => r.Descriptor.Pack).Distinct().Order().ShouldBe(["cabf-br", "cabf-cs", "cabf-smime", "community", "core", "etsi", "rfc5280", "root-programs"]);
    }

    [Test]
    public void A_rule_of_a_pack_that_is_off_can_be_configured_and_suppressed()
    {
        // cabf-br is off; naming its rules is legitimate (ready for when it is turned on) and changes nothing now.
        var catalog = Load("""
            packs: [core]
            rules:
              cabf-aia-critical: warning
            suppressions:
              - rule: aia-critical
                path: "legacy/**"
                reason: Old CA
            """);
        catalog.InForce.ShouldNotContain(r => r.Name == "cabf-aia-critical" || r.Name == "aia-critical");
        catalog.Find("cabf-aia-critical")!.Severity.ShouldBe(Severity.Warning);
    }

    [Test]
    public void A_misspelt_rule_name_is_the_same_error_with_the_same_suggestion()
    {
        var e = Should.Throw<ConfigurationException>(() => Load("packs: [core]\nrules:\n  cabf-aia-critcal: warning\n"));
        e.Message.ShouldContain("unknown rule 'cabf-aia-critcal' in 'rules' (did you mean 'cabf-aia-critical'?)");
        var s = Should.Throw<ConfigurationException>(() => Load("packs: [core]\nsuppressions:\n  - rule: aia-critcal\n    path: \"legacy/**\"\n    reason: x\n"));
        s.Message.ShouldContain("suppression names unknown rule 'aia-critcal' (did you mean 'aia-critical'?)");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
