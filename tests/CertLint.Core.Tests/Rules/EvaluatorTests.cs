using System.Diagnostics;
using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Evaluation;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>Evaluation order, severity, suppressions and speed.</summary>
public class EvaluatorTests
{
    private static readonly CompiledRule WeakKey = Compile(RuleYaml("field: key.size\nmin: 3072").Replace("TST0001", "TST0002").Replace("test-rule", "weak"));
    private static readonly CompiledRule NoEku = Compile(RuleYaml("field: eku\nexists: true"));

    [Test]
    public void Output_order_is_path_line_rule_object_whatever_the_input_order()
    {
        var certs = Enumerable.Range(0, 50).Select(i => Cert(sha256: $"c{i:D2}", path: $"d{49 - i:D2}.crt")).ToArray();
        var inventory = InventoryOf(certs);
        var result = RuleEvaluator.Evaluate(inventory, [WeakKey, NoEku], Context(inventory));
        result.Findings.Count.ShouldBe(100);
        result.Findings[0].Location.File.RelativePath.ShouldBe("d00.crt");
        result.Findings[0].Rule.Id.ShouldBe("TST0001");
        result.Findings[1].Rule.Id.ShouldBe("TST0002");
        var again = RuleEvaluator.Evaluate(inventory, [NoEku, WeakKey], Context(inventory));
        again.Findings.Select(f => f.Fingerprint).ShouldBe(result.Findings.Select(f => f.Fingerprint));
        result.Checks.Count.ShouldBe(100);
    }

    [Test]
    public void File_subjects_carry_parse_issues_and_violations_refine_the_location()
    {
        var file = FileAt("certs/broken.pem");
        var parsed = new CertLint.Model.ParsedFile
        {
            File = file,
            Issues =
            [
                new(CertLint.Model.ParseIssueKind.ParseError, new CertLint.Model.SourceLocation(file, 12, 14), "bad base64"),
                new(CertLint.Model.ParseIssueKind.ParseError, new CertLint.Model.SourceLocation(file, 3, 5), "truncated"),
            ],
        };
        var inventory = InventoryOf([], [], null, [parsed]);
        var rule = Compile("id: TST0001\nname: test-rule\ntitle: T\nseverity: error\ncheck: { primitive: issues }\nmessage: '{{path}}: {{message}}'\n",
            registry: new CertLint.Rules.Compilation.PrimitiveRegistry([new IssuesPrimitive()]));
        var result = RuleEvaluator.Evaluate(inventory, [rule], Context(inventory));
        result.Findings.Select(f => (f.Location.StartLine, f.Message)).ShouldBe([(3, "certs/broken.pem: truncated"), (12, "certs/broken.pem: bad base64")]);
        result.Findings.ShouldAllBe(f => f.Subject.Kind == SubjectKind.File && f.Subject.ObjectId == "certs/broken.pem");
        result.Checks.Single().Subject.Location.StartLine.ShouldBe(1);
    }

    /// <summary>Reports each parse issue of a file at its own lines, as the parse-error primitive does.</summary>
    private sealed class IssuesPrimitive : ICheckPrimitive
    {
        public string Name => "issues";
        public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
        public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

        public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
            subject.File.Issues.Select(i => new Violation(new Dictionary<string, object?>(), i.Location, i.Message));
    }

    [Test]
    public void Effective_severity_and_off()
    {
        var inventory = InventoryOf(Cert());
        RuleEvaluator.Evaluate(inventory, [WeakKey.WithSeverity(Severity.Note)], Context(inventory)).Findings.Single().Severity.ShouldBe(Severity.Note);
        var off = RuleEvaluator.Evaluate(inventory, [WeakKey.WithSeverity(Severity.None)], Context(inventory));
        off.Findings.ShouldBeEmpty();
        off.Checks.ShouldBeEmpty();
    }

    [Test]
    public void Suppression_by_path_glob_and_by_sha256()
    {
        var a = Cert(sha256: new string('a', 64), path: "test/fixtures/a.crt");
        var b = Cert(sha256: new string('b', 64), path: "certs/b.crt");
        var inventory = InventoryOf(a, b);
        var settings = Settings([
            new SuppressionEntry("weak", "test/**", null, "fixtures", null, ".certlint.yml:3"),
            new SuppressionEntry("TST0001", null, "BB:" + new string('b', 62), "legacy", null, ".certlint.yml:7"),
        ]);
        var findings = RuleEvaluator.Evaluate(inventory, [WeakKey, NoEku], Context(inventory, settings)).Findings;
        var state = findings.ToDictionary(f => (f.Location.File.RelativePath, f.Rule.Name), f => f.Suppression?.Reason);
        state[("test/fixtures/a.crt", "weak")].ShouldBe("fixtures");
        state[("test/fixtures/a.crt", "test-rule")].ShouldBeNull();
        state[("certs/b.crt", "weak")].ShouldBeNull();
        state[("certs/b.crt", "test-rule")].ShouldBe("legacy");
    }

    [Test]
    public void Suppression_stops_working_after_it_expires_and_says_so()
    {
        var inventory = InventoryOf(Cert(path: "certs/a.crt"));
        var on = new SuppressionEntry("weak", "certs/**", null, "until renewal", DateOnly.FromDateTime(RuleTestKit.Now.UtcDateTime), ".certlint.yml:3");
        var expired = on with { Expires = DateOnly.FromDateTime(RuleTestKit.Now.UtcDateTime).AddDays(-1) };

        var stillValid = RuleEvaluator.Evaluate(inventory, [WeakKey], Context(inventory, Settings([on])));
        stillValid.Findings.Single().IsSuppressed.ShouldBeTrue();
        stillValid.Notices.ShouldBeEmpty();

        var past = RuleEvaluator.Evaluate(inventory, [WeakKey], Context(inventory, Settings([expired])));
        past.Findings.Single().IsSuppressed.ShouldBeFalse();
        past.Notices.Single().ShouldContain("expired on 2026-05-31 and no longer applies");
    }

    [Test]
    public void Ten_thousand_certificates_by_twenty_rules_evaluate_quickly()
    {
        var certs = Enumerable.Range(0, 10_000).Select(i => Cert(sha256: $"{i:D5}", path: $"certs/{i % 100}/c{i}.crt", bits: i % 2 == 0 ? 2048 : 4096,
            dns: [$"h{i}.acme.internal"], eku: [CertLint.Model.Oids.ServerAuth])).ToArray();
        var inventory = InventoryOf(certs);
        string[] checks =
        [
            "field: key.size\nmin: 3072", "field: san.dns\nall: { pattern: '\\.acme\\.internal$' }", "field: eku.names\ncontains: serverAuth",
            "field: validity.notAfter\nbefore: 2027-12-31", "field: issuer.cn\nequals: Partner CA",
        ];
        var rules = Enumerable.Range(0, 20).Select(i => Compile(RuleYaml(checks[i % checks.Length], "leaf: true")
            .Replace("TST0001", $"TST{i + 100:D4}").Replace("test-rule", $"rule-{i}"))).ToArray();
        RuleEvaluator.Evaluate(inventory, rules, Context(inventory)); // warm-up (JIT, regex)
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var result = RuleEvaluator.Evaluate(inventory, rules, Context(inventory));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        result.Checks.Count.ShouldBe(200_000);
        // Four rules fail on 5,000 certificates each; each is capped at the per-rule limit plus one "N more" finding.
        result.Findings.Count.ShouldBe(4 * (CertLint.Configuration.ScanLimits.MaxFindingsPerRule + 1));
        // ~100-150 ms of CPU. CPU time, not wall time (shared boxes); the bound (≥ 20x typical) only proves termination.
        cpu.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        TestContext.Out.WriteLine($"10,000 certs x 20 rules: {cpu.TotalMilliseconds:F0} ms CPU");
    }
}
