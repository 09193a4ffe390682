using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Evaluation;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Configuration;

/// <summary>A repository with .certlint.yml and a custom rule folder: resolve, load, evaluate, as the engine does.</summary>
public class EndToEndConfigTests
{
    private static readonly DateTimeOffset Clock = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Config_rules_parameters_severity_and_suppressions_work_together()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir[".certlint/rules"]);
        File.WriteAllText(dir[".certlint/rules/rsa-3072.yml"], Rules.DocExamples.Rule("ACME003"));
        File.WriteAllText(dir[".certlint/rules/rsa-3072.md"], "# rsa-3072\nOur RSA policy.\n");
        File.WriteAllText(dir[".certlint.yml"], """
            extends: builtin:none
            rules:
              directories: [.certlint/rules]
              rsa-3072: { severity: warning, parameters: { minBits: 4096 } }
            suppressions:
              - rule: ACME003
                path: "legacy/**"
                reason: Replaced in Q3
                expires: 2026-09-30
              - rule: rsa-3072
                path: "old/**"
                reason: Should have been replaced
                expires: 2026-01-31
            """);
        var settings = SettingsResolver.Resolve(new LintRequest { WorkingDirectory = dir.Path }, new FixedTime(Clock));
        var catalog = RuleCatalog.Load(settings);
        var rule = catalog.InForce.Single();
        (rule.Name, rule.Severity, rule.Parameters["minBits"]).ShouldBe(("rsa-3072", Severity.Warning, (object?)4096L));
        rule.Descriptor.Documentation.ShouldContain("Our RSA policy.");
        // No file:// link (broken on GitHub, discloses the machine's paths): the page travels as the documentation.
        rule.Descriptor.HelpUri.ShouldBeEmpty();

        var ca = TestPki.CreateRoot("CN=Root");
        CertLint.Model.CertificateInfo Make(string path, int bits) => CertLint.Parsing.CertificateParser.Parse(
            ca.Issue("CN=" + path, o => o.Rsa(bits)).Der, new CertLint.Model.SourceLocation(FileAt(path)), CertLint.Model.ObjectFormat.Der);
        var inventory = InventoryOf(Make("legacy/a.crt", 3072), Make("old/b.crt", 3072), Make("new/c.crt", 4096));
        var result = RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings });

        result.Findings.Select(f => (f.Location.File.RelativePath, f.IsSuppressed)).ShouldBe([("legacy/a.crt", true), ("old/b.crt", false)]);
        result.Findings[0].Suppression!.Reason.ShouldBe("Replaced in Q3");
        result.Findings[0].Suppression!.Source.ShouldBe(".certlint.yml:6");
        result.Notices.Single().ShouldStartWith("suppression of rsa-3072 (path old/**) from .certlint.yml:10 expired on 2026-01-31");
        result.Checks.Count.ShouldBe(3);
    }

    [Test]
    public void Findings_outside_the_given_paths_do_not_use_up_the_caps()
    {
        // The root lends issuers and keys beyond the given paths; its other files' findings are evaluated but not
        // reported, so they must not take the per-rule places of the file asked about (seen: a fixture in a large
        // repository lost its finding to files sorted before it).
        using var dir = new TempDirectory();
        File.WriteAllText(dir[".certlint.yml"], "limits:\n  findingsPerRule: 1\n");
        var ca = TestPki.CreateRoot("CN=Root");
        foreach (var path in new[] { "a/one.pem", "a/two.pem", "z/asked.pem" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir[path])!);
            File.WriteAllText(dir[path], ca.Issue("CN=" + path, o => o.Valid(Clock.AddYears(-2), Clock.AddYears(-1))).Pem);
        }
        var result = new LintEngine(new FixedTime(Clock)).Run(new LintRequest { WorkingDirectory = dir.Path, Paths = [dir["z/asked.pem"]], Now = Clock });
        result.Findings.Where(f => f.Rule.Name == "cert-expired").Select(f => (f.Location.File.RelativePath, f.Message.Contains("more")))
            .ShouldBe([("z/asked.pem", false)]);

        // The whole root: the cap holds (one finding, then one "N more" standing for the rest).
        var all = new LintEngine(new FixedTime(Clock)).Run(new LintRequest { WorkingDirectory = dir.Path, Now = Clock });
        all.Findings.Count(f => f.Rule.Name == "cert-expired").ShouldBe(2);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
