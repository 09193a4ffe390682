using CertLint.Rules;
using CertLint.Rules.Fields;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Rules;

/// <summary>`rules validate` diagnostics, the built-in catalog, and the field reference in the docs.</summary>
public class ValidatorTests
{
    [Test]
    public void Validate_reports_each_bad_file_with_position_key_and_suggestion()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["good.yml"], DocExamples.Rule("ACME005"));
        File.WriteAllText(dir["bad.yml"], DocExamples.Rule("ACME004").Replace("before:", "befre:"));
        File.WriteAllText(dir["worse.yml"], DocExamples.Rule("ACME003").Replace("title:", "titel:"));
        var diagnostics = RuleValidator.Validate([dir.Path]);
        diagnostics.Count.ShouldBe(2);
        var bad = diagnostics.Single(d => d.File.EndsWith("bad.yml", StringComparison.Ordinal));
        (bad.Line, bad.Column, bad.Key, bad.Suggestion).ShouldBe((8, 3, "befre", "before"));
        bad.ToString().ShouldEndWith("bad.yml:8:3: error: unknown function 'befre' (did you mean 'before'?)");
        var worse = diagnostics.Single(d => d.File.EndsWith("worse.yml", StringComparison.Ordinal));
        (worse.Line, worse.Key, worse.Suggestion).ShouldBe((3, "titel", "title"));
    }

    [Test]
    public void Validate_checks_a_config_against_the_rules_it_names()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["rules"]);
        File.WriteAllText(dir["rules/acme-eku.yml"], DocExamples.Rule("ACME005"));
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  directories: [rules]\n  acme-ekuu: off\n");
        var d = RuleValidator.Validate([], dir[".certlint.yml"]).Single();
        (d.Line, d.Column, d.Suggestion).ShouldBe((3, 3, "acme-eku"));
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  directories: [rules]\n  acme-eku: note\n");
        RuleValidator.Validate([], dir[".certlint.yml"]).ShouldBeEmpty();
    }

    [Test]
    public void The_init_template_and_the_documented_config_validate_against_the_built_in_rules()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir["template.yml"], CertLint.Configuration.ConfigTemplate.Text);
        RuleValidator.Validate([], dir["template.yml"]).ShouldBeEmpty();
        Directory.CreateDirectory(dir[".certlint/rules"]);
        File.WriteAllText(dir["documented.yml"], DocExamples.Config);
        RuleValidator.Validate([], dir["documented.yml"]).ShouldBeEmpty();
    }

    [Test]
    public void Built_in_rules_load_and_compile()
    {
        var catalog = RuleCatalog.LoadBuiltIn();
        var files = Directory.EnumerateFiles(Path.Combine(DocExamples.RepoRoot, "rules"), "*.yml").Count();
        catalog.Rules.Count(r => r.Descriptor.Pack == "core").ShouldBe(files);
        catalog.Rules.ShouldAllBe(r => r.Descriptor.HelpUri == CertLint.Rules.Loading.RuleLoader.HelpBase + (r.Descriptor.Pack == "core" ? "" : r.Descriptor.Pack + "/") + r.Name + ".md");
        catalog.Rules.ShouldAllBe(r => r.Descriptor.IsBuiltIn && r.Descriptor.Documentation.Length > 0);
    }

    [Test]
    public void Every_field_is_in_the_reference()
    {
        var doc = File.ReadAllText(Path.Combine(DocExamples.RepoRoot, "docs", "writing-rules.md"));
        var missing = FieldCatalog.All.Select(f => f.Path)
            .Where(p => !FieldReference.IsAttributeVariant(p))
            .Where(p => !doc.Contains($"| `{p}` |", StringComparison.Ordinal)).ToArray();
        missing.ShouldBeEmpty();
        foreach (var attr in Names.DnAttributes.Keys) doc.ShouldContain($"`{attr}`");
    }
}
