using CertLint.Engine;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>Every error a rule file can have, with its exact line and column.</summary>
public class RuleErrorTests
{
    private const string Head = "id: TST0001\nname: test-rule\ntitle: Test rule\nseverity: error\n";

    private static ConfigurationException Error(string yaml, PrimitiveRegistry? registry = null) =>
        Should.Throw<ConfigurationException>(() => Compile(yaml, registry: registry));

    private static void ShouldBeAt(ConfigurationException e, int line, int column, string text)
    {
        (e.Line, e.Column).ShouldBe((line, column), e.Message);
        e.File.ShouldBe("test.yml");
        e.Message.ShouldStartWith($"test.yml:{line}:{column}: error: ");
        e.Problem.ShouldContain(text, Case.Insensitive);
    }

    [Test]
    public void Misspelt_top_level_key_suggests_the_right_one()
    {
        var e = Error(Head + "chekc:\n  field: key.size\n  min: 2048\n");
        ShouldBeAt(e, 5, 1, "unknown key 'chekc'");
        e.Suggestion.ShouldBe("check");
        e.Key.ShouldBe("chekc");
    }

    [Test]
    public void Misspelt_function_suggests_the_right_one()
    {
        var e = Error(Head + "check:\n  field: key.size\n  minn: 2048\n");
        ShouldBeAt(e, 7, 3, "unknown function 'minn'");
        e.Suggestion.ShouldBe("min");
    }

    [Test]
    public void Unknown_field_path_suggests_a_known_one()
    {
        var e = Error(Head + "check:\n  field: validity.notafer\n  before: now\n");
        ShouldBeAt(e, 6, 10, "unknown field 'validity.notafer'");
        e.Suggestion.ShouldBe("validity.notAfter");
    }

    [Test]
    public void Missing_required_key()
    {
        var e = Error("id: TST0001\nname: test-rule\nseverity: error\ncheck: { field: ca, equals: true }\n");
        ShouldBeAt(e, 1, 1, "missing required key 'title'");
    }

    [Test]
    public void Wrong_types_are_reported_at_the_value()
    {
        ShouldBeAt(Error(Head + "check:\n  field: key.size\n  min: big\n"), 7, 8, "must be a number");
        ShouldBeAt(Error(Head + "check:\n  field: ca\n  equals: 3\n"), 7, 11, "must be true or false");
        ShouldBeAt(Error(Head + "check:\n  field: eku\n  equals: x\n"), 7, 11, "list");
        ShouldBeAt(Error(Head + "tags: { a: b }\ncheck: { field: ca, equals: true }\n"), 5, 7, "'tags' must be a list");
        ShouldBeAt(Error(Head.Replace("severity: error", "severity: eror") + "check: { field: ca, equals: true }\n"), 4, 11, "did you mean 'error'");
    }

    [Test]
    public void Bad_regex_is_reported_at_the_pattern()
    {
        var e = Error(Head + "check:\n  field: subject.cn\n  pattern: '([a-z'\n");
        ShouldBeAt(e, 7, 12, "invalid regular expression");
    }

    [Test]
    public void Unknown_primitive_suggests_a_registered_one()
    {
        var registry = new PrimitiveRegistry([new FakePrimitive()]);
        var e = Error(Head + "check:\n  primitive: fake-chek\n", registry);
        ShouldBeAt(e, 6, 14, "unknown primitive 'fake-chek'");
        e.Suggestion.ShouldBe("fake-check");
    }

    [Test]
    public void Bad_primitive_parameters_name_type_and_range()
    {
        var registry = new PrimitiveRegistry([new FakePrimitive()]);
        var misspelt = Error(Head + "check:\n  primitive: fake-check\n  with:\n    dayz: 3\n", registry);
        ShouldBeAt(misspelt, 8, 5, "no parameter 'dayz'");
        misspelt.Suggestion.ShouldBe("days");
        ShouldBeAt(Error(Head + "check:\n  primitive: fake-check\n  with:\n    days: soon\n", registry), 8, 11, "must be an integer");
        ShouldBeAt(Error(Head + "check:\n  primitive: fake-check\n  with:\n    days: 5000\n", registry), 8, 11, "outside 0..3650");
        ShouldBeAt(Error(Head + "check:\n  primitive: fake-check\n  with:\n    mode: lax\n", registry), 8, 11, "not one of strict, relaxed");
    }

    [Test]
    public void Unknown_parameter_reference_suggests_a_declared_one()
    {
        var e = Error(Head + "parameters:\n  days: { type: integer, default: 30 }\ncheck:\n  field: validity.daysRemaining\n  min: ${dayz}\n");
        ShouldBeAt(e, 9, 8, "unknown parameter '${dayz}'");
        e.Suggestion.ShouldBe("days");
    }

    [Test]
    public void Parameter_default_outside_its_bounds()
    {
        var e = Error(Head + "parameters:\n  days: { type: integer, default: -1, minimum: 0 }\ncheck: { field: ca, equals: true }\n");
        ShouldBeAt(e, 6, 35, "below its minimum 0");
    }

    [Test]
    public void Field_of_another_subject_kind()
    {
        var e = Error(Head + "where: { kind: key }\ncheck:\n  field: san.dns\n  exists: true\n");
        ShouldBeAt(e, 7, 10, "this rule applies to key");
    }

    [Test]
    public void Two_functions_in_one_assertion()
    {
        var e = Error(Head + "check:\n  field: key.size\n  min: 1\n  max: 2\n");
        ShouldBeAt(e, 6, 3, "one function");
    }

    [Test]
    public void Unknown_placeholder_in_the_message()
    {
        var e = Error(Head + "check: { field: ca, equals: true }\nmessage: \"{{subjet}} is wrong\"\n");
        ShouldBeAt(e, 6, 10, "unknown placeholder '{{subjet}}'");
        e.Suggestion.ShouldBe("subject");
    }

    [Test]
    public void Invalid_yaml_has_a_position()
    {
        var e = Should.Throw<ConfigurationException>(() => RuleParser.Parse("test.yml", Head + "check: [a, b\n"));
        e.Line.ShouldBeGreaterThanOrEqualTo(5);
        e.Problem.ShouldStartWith("invalid YAML");
    }

    [Test]
    public void Duplicate_id_and_name_across_files()
    {
        var a = RuleParser.Parse("a.yml", RuleYaml("{ field: ca, equals: true }"));
        var b = RuleParser.Parse("b.yml", RuleYaml("{ field: ca, equals: true }").Replace("name: test-rule", "name: other-rule"));
        var c = RuleParser.Parse("c.yml", RuleYaml("{ field: ca, equals: true }").Replace("TST0001", "TST0002"));
        var dupId = Should.Throw<ConfigurationException>(() => CertLint.Rules.RuleCatalog.Load([], [a, b], [], new Dictionary<string, CertLint.Configuration.RuleOverride>()));
        (dupId.File, dupId.Line, dupId.Column).ShouldBe(("b.yml", 1, 5));
        dupId.Problem.ShouldContain("duplicate rule id 'TST0001'");
        var dupName = Should.Throw<ConfigurationException>(() => CertLint.Rules.RuleCatalog.Load([], [a, c], [], new Dictionary<string, CertLint.Configuration.RuleOverride>()));
        (dupName.File, dupName.Line, dupName.Column).ShouldBe(("c.yml", 2, 7));
        dupName.Problem.ShouldContain("duplicate rule name 'test-rule'");
    }
}
