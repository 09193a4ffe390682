using CertLint.Engine;
using CertLint.Model;
using CertLint.Tests.Pki;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>
/// A string list's element compared with a field of the subject (`each: { in: { field: $.PATH } }`): the same
/// comparison a record's field has (`each: { field: value, in: { field: $.PATH } }`), in custom and built-in rules alike.
/// </summary>
public class ElementComparisonTests
{
    private static CertificateInfo Leaf(Action<CertOptions> configure) =>
        TestScan.Certificate(TestPki.CreateSelfSigned("leaf.acme.test", configure), FileAt("certs/x.pem"));

    private const string EveryDnsNameAlsoAnEmailDomain = "field: san.dns\neach: { in: { field: $.san.email } }";

    [Test]
    public void An_element_is_compared_with_the_subjects_list()
    {
        var covered = Leaf(o => o.Dns("a.test").Email("a.test"));
        var uncovered = Leaf(o => o.Dns("a.test", "b.test").Email("a.test"));
        Fires(EveryDnsNameAlsoAnEmailDomain, covered).ShouldBeFalse();
        Fires(EveryDnsNameAlsoAnEmailDomain, uncovered).ShouldBeTrue();
        // The same rule through a record's field gives the same verdicts.
        const string viaRecords = "field: san.entries\neach: { any: [ { not: { field: type, equals: dns } }, { field: value, in: { field: $.san.email } } ] }";
        Fires(viaRecords, covered).ShouldBeFalse();
        Fires(viaRecords, uncovered).ShouldBeTrue();
    }

    [Test]
    public void Any_and_none_on_elements_take_a_field_too()
    {
        const string anyIsAnEmailDomain = "field: san.dns\nany: { in: { field: $.san.email } }";
        Fires(anyIsAnEmailDomain, Leaf(o => o.Dns("a.test", "b.test").Email("b.test"))).ShouldBeFalse();
        Fires(anyIsAnEmailDomain, Leaf(o => o.Dns("a.test", "b.test").Email("c.test"))).ShouldBeTrue();
        const string noneIsTheCommonName = "field: san.dns\nnone: { equals: { field: $.subject.cn } }";
        Fires(noneIsTheCommonName, Leaf(o => o.Dns("a.test"))).ShouldBeFalse();
        Fires(noneIsTheCommonName, Leaf(o => o.Dns("a.test", "leaf.acme.test"))).ShouldBeTrue();
    }

    [Test]
    public void An_element_field_without_the_subject_prefix_is_an_error_at_its_line_and_column()
    {
        var e = Should.Throw<ConfigurationException>(() => Compile(RuleYaml("field: san.dns\neach: { in: { field: san.email } }")));
        e.Problem.ShouldBe("a list's element has no fields: name the subject's field as '$.san.email'");
        (e.File, e.Line, e.Column).ShouldBe(("test.yml", 7, 24));
        e.Suggestion.ShouldBe("$.san.email");
    }

    [Test]
    public void An_element_compared_with_a_field_of_the_wrong_type_is_an_error()
    {
        var e = Should.Throw<ConfigurationException>(() => Compile(RuleYaml("field: san.dns\neach: { in: { field: $.san.count } }")));
        e.Problem.ShouldBe("'in' on field 'element': needs a string field and a list field");
    }
}
