using CertLint.Engine;
using CertLint.Rules.Compilation;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>`${param}` substitution (typed, overridable from config) and message templates.</summary>
public class ParameterAndMessageTests
{
    private const string Expiring = """
        id: TST0103
        name: expiring
        title: Expiring
        severity: warning
        parameters:
          days: { type: integer, default: 30, minimum: 0 }
          issuers: { type: list, default: [Partner CA, Other CA] }
        check:
          field: validity.daysRemaining
          min: ${days}
        message: "{{subject}} expires on {{validity.notAfter}}, in {{daysRemaining}} days (window {{days}})"
        """;

    [Test]
    public void Parameter_default_is_substituted_with_its_type()
    {
        var cert = Cert(cn: "web", notAfter: RuleTestKit.Now.AddDays(20));
        var findings = Run(Expiring, cert);
        findings.Count.ShouldBe(1);
        findings[0].Message.ShouldBe("CN=web expires on 2026-06-21T12:00:00Z, in 20 days (window 30)");
        Run(Expiring, Cert(notAfter: RuleTestKit.Now.AddDays(40))).ShouldBeEmpty();
    }

    [Test]
    public void Config_override_changes_the_parameter()
    {
        var rule = Compile(Expiring, new Dictionary<string, object?> { ["days"] = 10L });
        rule.Parameters["days"].ShouldBe(10L);
        Run(rule, InventoryOf(Cert(notAfter: RuleTestKit.Now.AddDays(20)))).ShouldBeEmpty();
        Run(rule, InventoryOf(Cert(notAfter: RuleTestKit.Now.AddDays(5))))[0].Message.ShouldEndWith("(window 10)");
    }

    [Test]
    public void Bad_override_is_an_error()
    {
        Should.Throw<ConfigurationException>(() => Compile(Expiring, new Dictionary<string, object?> { ["days"] = "soon" }))
            .Problem.ShouldContain("must be integer");
        Should.Throw<ConfigurationException>(() => Compile(Expiring, new Dictionary<string, object?> { ["days"] = -3L }))
            .Problem.ShouldContain("below its minimum");
        Should.Throw<ConfigurationException>(() => Compile(Expiring, new Dictionary<string, object?> { ["dayz"] = 3L }))
            .Suggestion.ShouldBe("days");
    }

    [Test]
    public void List_parameter_feeds_in()
    {
        var yaml = Expiring.Replace("field: validity.daysRemaining\n  min: ${days}", "field: issuer.cn\n  in: ${issuers}");
        Run(yaml, Cert(issuerCn: "other ca")).ShouldBeEmpty();
        Run(yaml, Cert(issuerCn: "Evil CA")).Count.ShouldBe(1);
        var narrowed = Compile(yaml, new Dictionary<string, object?> { ["issuers"] = (IReadOnlyList<string>)["Evil CA"] });
        Run(narrowed, InventoryOf(Cert(issuerCn: "Evil CA"))).ShouldBeEmpty();
    }

    [Test]
    public void Sections_write_their_text_only_when_the_value_says_so()
    {
        var yaml = Expiring.Replace("message: \"{{subject}} expires on {{validity.notAfter}}, in {{daysRemaining}} days (window {{days}})\"",
            "message: \"{{subject}}{{#san}} names {{san}}{{/san}}{{^san}} names no host{{/san}}{{#ca}}, a CA{{/ca}}{{^ca}}{{#days}}, window {{days}}{{/days}}{{/ca}}\"");
        Run(yaml, Cert(cn: "web", notAfter: RuleTestKit.Now.AddDays(20)))[0].Message.ShouldBe("CN=web names no host, window 30");
        Run(yaml, Cert(cn: "web", notAfter: RuleTestKit.Now.AddDays(20), dns: ["a.test", "b.test"]))[0].Message.ShouldBe("CN=web names a.test, b.test, window 30");
    }

    private const string InAcme = """
        id: TST0104
        name: in-acme
        title: In acme
        severity: warning
        check:
          all:
            - { field: subject.cn, pattern: '^[a-z]' }
            - field: san.entries
              QUANTIFIER: { field: value, pattern: '\.acme\.test$' }
        message: "{{subject}}:{{#failing}} {{type}} {{value}} ({{length}} chars, of {{subject.cn}}){{/failing}}{{^failing}} CN{{/failing}}; all:{{#san.entries}} [{{value}}]{{/san.entries}}"
        """;

    [Test]
    public void Sections_over_records_repeat_per_element_and_failing_names_the_element_that_broke_the_check()
    {
        CertLint.Model.CertificateInfo Leaf(string cn, params string[] dns) =>
            CertLint.Tests.Pki.TestScan.Certificate(CertLint.Tests.Pki.TestPki.CreateSelfSigned(cn, o => o.Dns(dns)), FileAt("certs/x.pem"));
        var each = InAcme.Replace("QUANTIFIER", "each");
        Run(each, Leaf("x", "a.acme.test", "b.other.test", "c.other.test")).Single().Message
            .ShouldBe("CN=x: dns b.other.test (12 chars, of x); all: [a.acme.test] [b.other.test] [c.other.test]");
        Run(each, Leaf("x", "a.acme.test")).ShouldBeEmpty();
        // The first member of all fails, not a quantifier: no failing element.
        Run(each, Leaf("X", "b.other.test")).Single().Message.ShouldBe("CN=X: CN; all: [b.other.test]");
        // none: the first element that matches is the failing one.
        Run(InAcme.Replace("QUANTIFIER", "none"), Leaf("x", "b.other.test", "a.acme.test", "d.acme.test")).Single().Message
            .ShouldBe("CN=x: dns a.acme.test (11 chars, of x); all: [b.other.test] [a.acme.test] [d.acme.test]");
        // A check that cannot name a failing element does not offer {{failing}}.
        var plain = InAcme.Replace("QUANTIFIER", "any");
        Should.Throw<ConfigurationException>(() => Compile(plain)).Problem.ShouldContain("unknown placeholder '{{failing}}'");
    }

    [TestCase("{{#san}}open", "section 'san' in message is not closed")]
    [TestCase("{{/san}}", "closes no open section")]
    [TestCase("{{#san}}{{/ca}}", "closes no open section (open: 'san')")]
    [TestCase("{{#sna}}x{{/sna}}", "unknown placeholder '{{sna}}'")]
    public void Broken_sections_are_load_errors(string message, string problem)
    {
        var yaml = Expiring.Replace("message: \"{{subject}} expires on {{validity.notAfter}}, in {{daysRemaining}} days (window {{days}})\"", $"message: \"{message}\"");
        Should.Throw<ConfigurationException>(() => Compile(yaml)).Problem.ShouldContain(problem);
    }

    [Test]
    public void Parameter_inside_text_is_interpolated()
    {
        var yaml = Expiring.Replace("field: validity.daysRemaining\n  min: ${days}", "field: subject.cn\n  pattern: '^x${days}$'");
        Run(yaml, Cert(cn: "x30")).ShouldBeEmpty();
        Run(yaml, Cert(cn: "x31")).Count.ShouldBe(1);
    }

    [Test]
    public void Primitive_violation_values_fill_the_template()
    {
        var registry = new PrimitiveRegistry([new FakePrimitive()]);
        var rule = Compile(
            "id: TST0001\nname: test-rule\ntitle: T\nseverity: note\ncheck:\n  primitive: fake-check\n  with: { days: 90, mode: relaxed }\n" +
            "message: '{{left}} days left ({{mode}}); {{message}}; key {{key.size}}'\n", registry: registry);
        var findings = Run(rule, InventoryOf(Cert(notAfter: RuleTestKit.Now.AddDays(50))));
        findings.Single().Message.ShouldBe("50 days left (relaxed); only 50 days left; key 2048");
        findings[0].Severity.ShouldBe(CertLint.Findings.Severity.Note);
        Run(rule, InventoryOf(Cert(notAfter: RuleTestKit.Now.AddDays(100)))).ShouldBeEmpty();
    }

    [Test]
    public void Primitive_without_message_uses_the_violation_message()
    {
        var registry = new PrimitiveRegistry([new FakePrimitive()]);
        var rule = Compile("id: TST0001\nname: test-rule\ntitle: T\nseverity: note\ncheck: { primitive: fake-check }\n", registry: registry);
        Run(rule, InventoryOf(Cert(notAfter: RuleTestKit.Now.AddDays(10)))).Single().Message.ShouldBe("only 10 days left");
    }
}
