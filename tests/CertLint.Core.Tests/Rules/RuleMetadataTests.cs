using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Rules;
using CertLint.Rules.Loading;
using static CertLint.Core.Tests.Rules.RuleTestKit;

namespace CertLint.Core.Tests.Rules;

/// <summary>pack, equivalents, effective and citation: parsed, and every mistake at file:line:column.</summary>
public class RuleMetadataTests
{
    private const string Head = "id: TST0001\nname: test-rule\ntitle: Test rule\nseverity: error\ncheck: { field: version, equals: 3 }\n";

    private static ConfigurationException Error(string yaml) => Should.Throw<ConfigurationException>(() => RuleParser.Parse("test.yml", yaml));

    [Test]
    public void Keys_are_read_into_the_descriptor()
    {
        var rule = RuleParser.Parse("test.yml", Head +
            "pack: acme\nequivalents: { zlint: [e_a, e_b], pkilint: X }\neffective: { from: 2020-09-30, until: 2030-01-01 }\n" +
            "citation: { source: RFC 5280, section: 4.2.1.6, text: 'MUST be critical' }\n");
        rule.Descriptor.Pack.ShouldBe("acme");
        rule.Descriptor.Equivalents["zlint"].ShouldBe(["e_a", "e_b"]);
        rule.Descriptor.Equivalents["pkilint"].ShouldBe(["X"]);
        rule.Descriptor.HasEquivalent("e_b").ShouldBeTrue();
        rule.Descriptor.HasEquivalent("zlint:E_A").ShouldBeTrue();
        rule.Descriptor.HasEquivalent("pkilint:e_a").ShouldBeFalse();
        rule.EffectiveFrom.ShouldBe(new DateTimeOffset(2020, 9, 30, 0, 0, 0, TimeSpan.Zero));
        rule.EffectiveUntil.ShouldBe(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        rule.Descriptor.Citation.ShouldBe(new Findings.RuleCitation("RFC 5280", "4.2.1.6", "MUST be critical", null));
        RuleParser.Parse("test.yml", Head).Descriptor.Pack.ShouldBe("custom");
    }

    [Test]
    public void A_lint_name_may_hold_single_spaces_as_its_linter_registers_it()
    {
        var rule = RuleParser.Parse("test.yml", Head + "equivalents: { zlint: ['e_excessively backdated'] }\n");
        rule.Descriptor.Equivalents["zlint"].ShouldBe(["e_excessively backdated"]);
        rule.Descriptor.HasEquivalent("zlint:e_excessively backdated").ShouldBeTrue();
        rule.Descriptor.HasEquivalent("e_excessively").ShouldBeFalse();
    }

    [TestCase("pack: Acme\n", 6, 7, "pack 'Acme' must be lower-case")]
    [TestCase("equivalents: [e_a]\n", 6, 14, "'equivalents' maps a linter")]
    [TestCase("equivalents: { zlint: [e_a, e_a] }\n", 6, 23, "'e_a' is listed twice")]
    [TestCase("equivalents: { zlint: ['bad  name'] }\n", 6, 23, "is not a lint name")]
    [TestCase("equivalents: { zlint: [' e_a'] }\n", 6, 23, "is not a lint name")]
    [TestCase("equivalents: { zlint: ['e_a '] }\n", 6, 23, "is not a lint name")]
    [TestCase("equivalents: { zlint: [\"e_a\\tb\"] }\n", 6, 23, "is not a lint name")]
    [TestCase("effective: now+3d\n", 6, 12, "'effective' must be a date such as 2027-12-31 or 2027-12-31T23:59:59Z, not 'now+3d'")]
    [TestCase("effective: March 2020\n", 6, 12, "'effective' must be a date such as 2027-12-31")]
    [TestCase("effective: { from: 2020-01-01, unti: 2021-01-01 }\n", 6, 32, "unknown key 'unti'")]
    [TestCase("effective: { from: 2021-01-01, until: 2020-01-01 }\n", 6, 12, "must be before")]
    [TestCase("citation: { source: RFC 5280 }\n", 6, 11, "text")]
    [TestCase("citation: { source: RFC 5280, text: x, url: 'not a url' }\n", 6, 45, "not an absolute URL")]
    public void Mistakes_point_at_their_line_and_column(string extra, int line, int column, string text)
    {
        var e = Error(Head + extra);
        (e.Line, e.Column).ShouldBe((line, column), e.Message);
        e.Problem.ShouldContain(text, Case.Insensitive);
    }

    [Test]
    public void A_built_in_rule_in_a_pack_folder_must_name_its_pack()
    {
        var missing = Should.Throw<ConfigurationException>(() => RuleParser.Parse("rules/rfc5280/x.yml", Head, builtIn: true));
        missing.Problem.ShouldContain("needs 'pack: rfc5280'");
        var wrong = Should.Throw<ConfigurationException>(() => RuleParser.Parse("rules/rfc5280/x.yml", Head + "pack: cabf-br\n", builtIn: true));
        (wrong.Line, wrong.Column).ShouldBe((6, 7));
        RuleParser.Parse("rules/rfc5280/x.yml", Head + "pack: rfc5280\n", builtIn: true).Descriptor.HelpUri.ShouldEndWith("rules/rfc5280/test-rule.md");
        RuleParser.Parse("rules/x.yml", Head, builtIn: true).Descriptor.Pack.ShouldBe("core");
    }

    [Test]
    public void Pack_selection_is_absolute_or_relative_to_the_defaults()
    {
        var packs = RuleCatalog.BuiltInPacks;
        PackSelection.Resolve(null, packs, null).Order().ShouldBe(["core", "rfc5280"]);
        PackSelection.Resolve(["+cabf-br"], packs, null).Order().ShouldBe(["cabf-br", "core", "rfc5280"]);
        PackSelection.Resolve(["-rfc5280"], packs, null).ShouldBe(["core"]);
        PackSelection.Resolve(["cabf-br"], packs, null).ShouldBe(["cabf-br"]);
        Should.Throw<UserErrorException>(() => PackSelection.Resolve(["rfc528"], packs, null)).Message.ShouldContain("did you mean 'rfc5280'");
        var e = Should.Throw<ConfigurationException>(() => PackSelection.Resolve(["nope"], packs, new CertLint.Configuration.ConfigOrigin(".certlint.yml", 3, 8)));
        (e.Line, e.Column).ShouldBe((3, 8));
    }

    [Test]
    public void Rules_of_a_pack_that_is_off_are_compiled_but_not_in_force()
    {
        var rule = RuleParser.Parse("rules/x/test.yml", Head + "pack: x\n");
        var on = RuleCatalog.Load([], [rule], [RuleCatalog.Recommended], new Dictionary<string, RuleOverride>());
        on.InForce.ShouldContain(r => r.Name == "test-rule"); // custom rules always run
        var builtIn = RuleParser.Parse("rules/cabf-br/t.yml", Head + "pack: cabf-br\n", builtIn: true);
        var off = RuleCatalog.Load([builtIn], [], [RuleCatalog.Recommended], new Dictionary<string, RuleOverride>());
        off.Rules.ShouldContain(r => r.Name == "test-rule");
        off.InForce.ShouldNotContain(r => r.Name == "test-rule");
        var selected = RuleCatalog.Load([builtIn], [], [RuleCatalog.Recommended], new Dictionary<string, RuleOverride>(), packsOn: new HashSet<string> { "cabf-br" });
        selected.InForce.ShouldContain(r => r.Name == "test-rule");
        selected.FindByEquivalent("nothing").ShouldBeEmpty();
    }
}
