using System.Text.Json;
using System.Xml.Linq;
using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests;

/// <summary>
/// Not applicable / not effective objects (issue 15) through the real command line: with -v the JSON report lists,
/// per rule, exactly the objects it skipped and JUnit has one skipped case per (rule, object); without -v neither
/// appears; either way the findings, the exit code and the SARIF are the same (they are never findings).
/// </summary>
public class SkippedObjectsCliTests
{
    private static readonly DateTimeOffset Old = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private TempDirectory _dir = null!;

    [SetUp]
    public void MakeDir()
    {
        _dir = new TempDirectory();
        Directory.CreateDirectory(_dir["rules"]);
        Directory.CreateDirectory(_dir[".git"]);
        // Only these rules run (every built-in pack off; rules from the user's folders always load).
        // Applies to leaves only: the CA is not applicable.
        Rule("leaf-v3.yml", "ACME101", "acme-leaf-v3", "where: { kind: certificate, leaf: true }\ncheck: { field: version, equals: 3 }");
        // Binds certificates issued from 2020-09-30: the 2019 leaf is not effective.
        Rule("young-v3.yml", "ACME102", "acme-young-v3", "effective: '2020-09-30'\nwhere: { kind: certificate }\ncheck: { field: version, equals: 3 }");
        // Fails on every leaf, so the findings and the exit code can be compared with and without -v.
        Rule("leaf-cn.yml", "ACME103", "acme-leaf-cn", "where: { kind: certificate, leaf: true }\ncheck: { field: subject.cn, equals: nobody }");
    }

    [TearDown]
    public void RemoveDir() => _dir.Dispose();

    private void Rule(string file, string id, string name, string body) => File.WriteAllText(_dir["rules/" + file],
        $"id: {id}\nname: {name}\ntitle: {name}\nseverity: error\nmessage: '{{{{subject}}}} fails {name}'\n{body}\n");

    private sealed record Run(CliRunner.Outcome Outcome, JsonElement Json, XDocument JUnit, string Sarif)
    {
        public JsonElement RuleEntry(string id) => Json.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

        /// <summary>(path, startLine, kind, id) of one rule's listed objects for a reason ("notApplicable", "notEffective").</summary>
        public string[] Listed(string id, string reason) => [.. RuleEntry(id).GetProperty(reason + "Objects").EnumerateArray()
            .Select(o => $"{o.GetProperty("path").GetString()}:{o.GetProperty("startLine").GetInt32()} {o.GetProperty("object").GetProperty("kind").GetString()} {o.GetProperty("object").GetProperty("id").GetString()}")];

        public IEnumerable<XElement> SkippedCases(string rule) => JUnit.Descendants("testcase")
            .Where(c => (string?)c.Attribute("classname") == "certlint." + rule && c.Element("skipped") is not null);

        public string[] Findings => [.. Json.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()} {f.GetProperty("rule").GetString()} {f.GetProperty("message").GetString()}")];
    }

    private Run Lint(bool verbose, string path = "certs")
    {
        string[] args = [path, "--rules", "rules", "--pack=-core", "--pack=-rfc5280", "--now", "2026-06-01", "--json", "out/r.json", "--junit", "out/r.xml", "--sarif", "out/r.sarif"];
        var outcome = CliRunner.InProcess(_dir.Path, null, verbose ? [.. args, "-v"] : args);
        outcome.Error.ShouldNotContain("   at ");
        File.Exists(_dir["out/r.json"]).ShouldBeTrue($"exit {outcome.ExitCode}: {outcome.Error}");
        using var json = JsonDocument.Parse(File.ReadAllText(_dir["out/r.json"]));
        // Only the run's time differs between two runs.
        var sarif = System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(_dir["out/r.sarif"]), "\"(startTimeUtc|endTimeUtc)\": \"[^\"]*\"", "");
        return new Run(outcome, json.RootElement.Clone(), XDocument.Load(_dir["out/r.xml"]), sarif);
    }

    private (TestCertificate Root, TestCertificate Leaf, TestCertificate OldLeaf) WriteTree()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var leaf = root.Issue("api.acme.test");
        var old = root.Issue("old.acme.test", o => o.Valid(Old, Old.AddYears(10)));
        TestPki.WritePem(_dir.Path, "certs/ca.pem", root);
        TestPki.WritePem(_dir.Path, "certs/leaf.pem", leaf);
        TestPki.WritePem(_dir.Path, "certs/old.pem", old);
        return (root, leaf, old);
    }

    [Test]
    public void With_v_the_json_report_lists_exactly_the_objects_each_rule_skipped()
    {
        var (root, _, old) = WriteTree();

        var run = Lint(verbose: true);

        run.Outcome.ExitCode.ShouldBe(1, run.Outcome.Error);
        run.Listed("ACME101", "notApplicable").ShouldBe([$"certs/ca.pem:1 certificate {root.Sha256}"]);
        run.Listed("ACME101", "notEffective").ShouldBeEmpty();
        run.Listed("ACME102", "notApplicable").ShouldBeEmpty();
        run.Listed("ACME102", "notEffective").ShouldBe([$"certs/old.pem:1 certificate {old.Sha256}"]);
        run.Listed("ACME103", "notApplicable").ShouldBe([$"certs/ca.pem:1 certificate {root.Sha256}"]);
        var na = run.RuleEntry("ACME101").GetProperty("notApplicableObjects")[0];
        na.GetProperty("object").GetProperty("label").GetString()!.ShouldStartWith("CN=Acme Root");
        na.GetProperty("endLine").GetInt32().ShouldBeGreaterThan(1);
        foreach (var id in new[] { "ACME101", "ACME102", "ACME103" })
        {
            run.RuleEntry(id).GetProperty("notApplicableOmitted").GetInt32().ShouldBe(0);
            run.RuleEntry(id).GetProperty("notEffectiveOmitted").GetInt32().ShouldBe(0);
        }
        run.RuleEntry("ACME101").GetProperty("notApplicable").GetInt32().ShouldBe(1);
        run.RuleEntry("ACME102").GetProperty("notEffective").GetInt32().ShouldBe(1);
        // The console says so in one line and points to the reports.
        run.Outcome.Out.ShouldContain("Not checked (never findings): 2 rule/object pairs not applicable, 1 not effective; --json and --junit list them per rule.");
    }

    [Test]
    public void With_v_junit_has_one_skipped_case_per_rule_and_skipped_object_and_without_it_none()
    {
        var (root, _, old) = WriteTree();

        var verbose = Lint(verbose: true);
        var plain = Lint(verbose: false);

        string[] Cases(Run r, string rule) => [.. r.SkippedCases(rule).Select(c =>
            $"{c.Parent!.Attribute("name")!.Value} | {c.Attribute("name")!.Value} | {c.Element("skipped")!.Attribute("type")!.Value} | {c.Element("skipped")!.Attribute("message")!.Value}")];
        Cases(verbose, "acme-leaf-v3").ShouldBe([$"certs/ca.pem | acme-leaf-v3: CN=Acme Root, serial {root.Certificate.SerialNumber} (certs/ca.pem) | not-applicable | not applicable"], customMessage: string.Join("\n", Cases(verbose, "acme-leaf-v3")));
        Cases(verbose, "acme-young-v3").ShouldBe([$"certs/old.pem | acme-young-v3: CN=old.acme.test, serial {old.Certificate.SerialNumber} (certs/old.pem) | not-effective | not effective (issued before 2020-09-30)"], customMessage: string.Join("\n", Cases(verbose, "acme-young-v3")));
        Cases(verbose, "acme-leaf-cn").Length.ShouldBe(1);
        // The suites count them as skipped; the checked cases are unchanged.
        Suite(verbose, "certs/ca.pem").Attribute("skipped")!.Value.ShouldBe("2");
        Suite(verbose, "certs/old.pem").Attribute("skipped")!.Value.ShouldBe("1");
        Suite(plain, "certs/ca.pem").Attribute("skipped")!.Value.ShouldBe("0");
        plain.JUnit.Descendants("skipped").ShouldBeEmpty();
        CheckedCases(verbose).ShouldBe(CheckedCases(plain));
        CheckedCases(plain).Length.ShouldBe(6); // leaf-v3 and leaf-cn on the two leaves, young-v3 on the root and the leaf
    }

    [Test]
    public void Without_v_the_lists_are_absent_and_findings_exit_code_and_sarif_do_not_change()
    {
        WriteTree();

        var verbose = Lint(verbose: true);
        var plain = Lint(verbose: false);

        foreach (var id in new[] { "ACME101", "ACME102", "ACME103" })
        {
            var entry = plain.RuleEntry(id);
            foreach (var key in new[] { "notApplicableObjects", "notApplicableOmitted", "notEffectiveObjects", "notEffectiveOmitted" })
                entry.TryGetProperty(key, out _).ShouldBeFalse(key);
        }
        plain.Outcome.ExitCode.ShouldBe(1);
        verbose.Outcome.ExitCode.ShouldBe(plain.Outcome.ExitCode);
        plain.Findings.ShouldBe([
            "certs/leaf.pem:1 acme-leaf-cn CN=api.acme.test fails acme-leaf-cn",
            "certs/old.pem:1 acme-leaf-cn CN=old.acme.test fails acme-leaf-cn",
        ]);
        verbose.Findings.ShouldBe(plain.Findings);
        verbose.Json.GetProperty("summary").GetRawText().ShouldBe(plain.Json.GetProperty("summary").GetRawText());
        verbose.Sarif.ShouldBe(plain.Sarif);
        plain.Outcome.Out.ShouldNotContain("Not checked");
    }

    [Test]
    public void Objects_outside_the_given_paths_are_not_listed()
    {
        WriteTree();
        // Only the leaf is reported on: the root's file lends the issuer and the old leaf is merely in the repository.
        var run = Lint(verbose: true, "certs/leaf.pem");

        run.Listed("ACME101", "notApplicable").ShouldBeEmpty();
        run.Listed("ACME102", "notEffective").ShouldBeEmpty();
        // The counts cover the same objects as the lists: the root and the old leaf are outside the given paths.
        run.RuleEntry("ACME101").GetProperty("notApplicable").GetInt32().ShouldBe(0);
        run.RuleEntry("ACME102").GetProperty("notEffective").GetInt32().ShouldBe(0);
        run.Findings.ShouldBe(["certs/leaf.pem:1 acme-leaf-cn CN=api.acme.test fails acme-leaf-cn"]);
    }

    [Test]
    public void Past_200_objects_per_rule_the_rest_are_counted_not_listed()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var leaves = Enumerable.Range(1, 205).Select(i => root.Issue($"host{i:000}.acme.test")).ToArray();
        TestPki.WritePem(_dir.Path, "certs/many.pem", leaves);
        TestPki.WritePem(_dir.Path, "certs/ca.pem", root);
        Rule("ca-only.yml", "ACME104", "acme-ca-only", "where: { kind: certificate, leaf: false }\ncheck: { field: version, equals: 3 }");

        var run = Lint(verbose: true);

        var listed = run.Listed("ACME104", "notApplicable");
        listed.Length.ShouldBe(200);
        // In report order: the first 200 certificates of the file, by line.
        listed.Select(l => l.Split(' ')[2]).ShouldBe(leaves.Take(200).Select(l => l.Sha256));
        run.RuleEntry("ACME104").GetProperty("notApplicableOmitted").GetInt32().ShouldBe(5);
        run.RuleEntry("ACME104").GetProperty("notApplicable").GetInt32().ShouldBe(205);
        var cases = run.SkippedCases("acme-ca-only").ToList();
        cases.Count.ShouldBe(201);
        cases[^1].Attribute("name")!.Value.ShouldBe("acme-ca-only: 5 more objects not listed (certs/many.pem)");
        cases[^1].Element("skipped")!.Attribute("message")!.Value.ShouldBe("not applicable: 5 more objects not listed (at most 200 are listed per rule)");
    }

    [Test]
    public void Objects_outside_the_given_paths_do_not_use_up_the_200()
    {
        var root = TestPki.CreateRoot("Acme Root");
        // Sorted before the given file and skipped by the same rule: listed, they would take every place.
        TestPki.WritePem(_dir.Path, "certs/a-other.pem", [.. Enumerable.Range(1, 210).Select(i => root.Issue($"other{i:000}.acme.test"))]);
        var leaves = Enumerable.Range(1, 3).Select(i => root.Issue($"host{i}.acme.test")).ToArray();
        TestPki.WritePem(_dir.Path, "certs/many.pem", leaves);
        TestPki.WritePem(_dir.Path, "certs/ca.pem", root);
        Rule("ca-only.yml", "ACME104", "acme-ca-only", "where: { kind: certificate, leaf: false }\ncheck: { field: version, equals: 3 }");

        var run = Lint(verbose: true, "certs/many.pem");

        run.Listed("ACME104", "notApplicable").ShouldBe(leaves.Select(l => $"certs/many.pem:{Line(l, leaves)} certificate {l.Sha256}"));
        run.RuleEntry("ACME104").GetProperty("notApplicableOmitted").GetInt32().ShouldBe(0);
    }

    /// <summary>The first line of a certificate's PEM block in a file of PEM blocks written in order.</summary>
    private static int Line(TestCertificate cert, TestCertificate[] file) =>
        1 + file.TakeWhile(c => c != cert).Sum(c => c.Pem.Count(ch => ch == '\n'));

    private static XElement Suite(Run run, string path) => run.JUnit.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == path);

    private static string[] CheckedCases(Run run) => [.. run.JUnit.Descendants("testcase").Where(c => c.Element("skipped") is null)
        .Select(c => c.Attribute("name")!.Value + (c.Element("failure") is null ? " pass" : " fail"))];
}
