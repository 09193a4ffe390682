using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CertLint.Rules.Compilation;
using CertLint.Configuration.Yaml;
using CertLint.Engine;
using CertLint.Rules.Loading;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>A rule file from a hostile pull request must not hang CI, eat memory or run code.</summary>
public class HostileRuleTests
{
    private static readonly string Evil = new string('a', 40) + "!";

    [Test]
    public void Catastrophic_pattern_runs_in_linear_time()
    {
        var sw = Stopwatch.StartNew();
        var findings = Run(RuleYaml("field: subject.cn\npattern: '^(a+)+$'"), Cert(cn: Evil));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        findings.Count.ShouldBe(1);
        findings[0].Message.ShouldBe("Test rule");
    }

    [Test]
    public void Catastrophic_pattern_needing_backtracking_times_out_into_a_clear_finding()
    {
        // The lookahead forces the backtracking engine, where (a+)+$ is exponential: the time-out must stop it.
        var sw = Stopwatch.StartNew();
        var findings = Run(RuleYaml("field: subject.cn\npattern: '^(?=a)(a+)+$'"), Cert(cn: Evil));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        findings.Count.ShouldBe(1);
        findings[0].Message.ShouldContain("timed out");
        findings[0].Message.ShouldContain("test-rule");
    }

    [Test]
    public void A_timed_out_pattern_fails_fast_on_every_later_subject()
    {
        var certs = Enumerable.Range(0, 200).Select(i => Cert(cn: Evil, sha256: $"{i:D3}", path: $"c{i:D3}.crt")).ToArray();
        var sw = Stopwatch.StartNew();
        var findings = Run(RuleYaml("field: subject.cn\npattern: '^(?=a)(a+)+$'"), certs);
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10)); // 200 time-outs in a row would take 40 s
        findings.Count.ShouldBe(200);
        findings.ShouldAllBe(f => f.Message.Contains("timed out"));
    }

    [Test]
    public void A_linear_pattern_carries_no_time_out_that_a_loaded_machine_could_trip()
    {
        var linear = RegexFactory.Create("^(a+)+$", out var error);
        error.ShouldBeNull();
        linear.Options.HasFlag(RegexOptions.NonBacktracking).ShouldBeTrue();
        linear.MatchTimeout.ShouldBe(Regex.InfiniteMatchTimeout);
        var backtracking = RegexFactory.Create("^(?=a)(a+)+$", out error);
        error.ShouldBeNull();
        backtracking.Options.HasFlag(RegexOptions.NonBacktracking).ShouldBeFalse();
        backtracking.MatchTimeout.ShouldBe(RegexFactory.Timeout);
    }

    [Test]
    public void Catastrophic_pattern_on_a_long_hostile_value_terminates_with_the_right_answer()
    {
        // 100,000 characters: exponential for a backtracking engine, linear (milliseconds) for NonBacktracking.
        var hostile = new string('a', 100_000);
        var sw = Stopwatch.StartNew();
        Run(RuleYaml("field: subject.cn\npattern: '^(a|aa)+$'"), Cert(cn: hostile)).ShouldBeEmpty();
        var findings = Run(RuleYaml("field: subject.cn\npattern: '^(a|aa)+$'"), Cert(cn: hostile + "!"));
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20)); // termination, not speed: typically well under a second
        findings.Count.ShouldBe(1);
        findings[0].Message.ShouldBe("Test rule");
    }

    [Test]
    public void No_built_in_rule_needs_the_backtracking_engine()
    {
        // Built-in patterns must not depend on a wall-clock limit: each must compile for the linear engine.
        var patterns = new List<(string File, string Pattern)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DocExamples.RepoRoot, "rules"), "*.yml", SearchOption.AllDirectories))
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            foreach (var doc in stream.Documents) Collect(doc.RootNode, Path.GetFileName(file), patterns);
        }
        patterns.Count.ShouldBeGreaterThan(50);
        foreach (var (file, pattern) in patterns)
        {
            var regex = RegexFactory.Create(pattern, out var error);
            error.ShouldBeNull($"{file}: {pattern}");
            regex.Options.HasFlag(RegexOptions.NonBacktracking).ShouldBeTrue($"{file}: {pattern} needs the backtracking engine");
        }
    }

    private static void Collect(YamlDotNet.RepresentationModel.YamlNode node, string file, List<(string, string)> patterns)
    {
        switch (node)
        {
            case YamlDotNet.RepresentationModel.YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "pattern" } && value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } p })
                    {
                        patterns.Add((file, p));
                    }
                    else
                    {
                        Collect(value, file, patterns);
                    }
                }
                break;
            case YamlDotNet.RepresentationModel.YamlSequenceNode seq:
                foreach (var child in seq.Children) Collect(child, file, patterns);
                break;
        }
    }

    [Test]
    public void Alias_bomb_is_rejected()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            sb.Append($"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
        }
        var e = Should.Throw<ConfigurationException>(() => RuleParser.Parse("bomb.yml", sb.ToString()));
        e.Problem.ShouldContain("alias bomb");
    }

    [TestCase("a: &x [1, 2]\n*x : 3\n", 2, 1, "a YAML alias cannot be a mapping key here")]
    [TestCase("*x : &x [1, 2]\n", 1, 1, "a YAML alias cannot be a mapping key here")]
    [TestCase("a: *x\nb: &x [1, 2]\n", 1, 4, "a YAML alias refers to an anchor not defined before it")]
    public void Alias_keys_and_forward_aliases_are_config_errors_at_their_position(string text, int line, int column, string problem)
    {
        // Found by the CI fuzz smoke: a key referring to an anchor defined after it overflowed the stack in YamlDotNet.
        var e = Should.Throw<ConfigurationException>(() => SafeYaml.Load("alias.yml", text));
        (e.Line, e.Column, e.Problem).ShouldBe((line, column, problem));
        Should.NotThrow(() => SafeYaml.Load("ok.yml", "a: &x [1, 2]\nb: *x\nc: { d: *x }\n"));
    }

    [Test]
    public void Too_many_aliases_are_rejected_before_loading()
    {
        var text = "a: &a x\nb: [" + string.Join(", ", Enumerable.Repeat("*a", 150)) + "]\n";
        var e = Should.Throw<ConfigurationException>(() => SafeYaml.Load("many.yml", text));
        e.Problem.ShouldContain("more than 100 YAML aliases");
        e.Line.ShouldBe(2);
    }

    [Test]
    public void Huge_file_is_rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"certlint-huge-{Guid.NewGuid():N}.yml");
        try
        {
            File.WriteAllText(path, "description: \"" + new string('x', SafeYaml.MaxBytes + 10) + "\"\n");
            var e = Should.Throw<ConfigurationException>(() => RuleLoader.LoadFile(path));
            e.Problem.ShouldContain("the limit is 1048576 bytes");
            (e.Line, e.Column).ShouldBe((1, 1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Deep_nesting_is_rejected_with_its_position()
    {
        var text = "check: " + new string('[', 200) + new string(']', 200) + "\n";
        var e = Should.Throw<ConfigurationException>(() => RuleParser.Parse("deep.yml", text));
        e.Problem.ShouldContain("nesting deeper than 64");
        e.Line.ShouldBe(1);
        e.Column.ShouldBe(8 + 63); // the top-level mapping is level 1, so the 64th bracket is level 65
    }

    [Test]
    public void Yaml_tags_naming_types_are_rejected()
    {
        var e = Should.Throw<ConfigurationException>(() => RuleParser.Parse("tag.yml",
            "id: TST0001\nname: t\ntitle: T\nseverity: error\ncheck: !System.Diagnostics.Process { field: ca, equals: true }\n"));
        e.Problem.ShouldBe("a YAML tag is not allowed here (its text is not shown): rule and config files are plain data");
        (e.Line, e.Column).ShouldBe((5, 8));
        Should.NotThrow(() => SafeYaml.Load("ok.yml", "a: !!str 123\n"));
    }

    [Test]
    public void Type_names_in_a_rule_are_only_text()
    {
        // A YAML tag naming a .NET type must not instantiate anything; the rule is rejected as an unknown primitive.
        var e = Should.Throw<ConfigurationException>(() => Compile(
            "id: TST0001\nname: test-rule\ntitle: T\nseverity: error\ncheck:\n  primitive: System.Diagnostics.Process\n"));
        e.Problem.ShouldContain("unknown primitive 'System.Diagnostics.Process'");
    }
}
