using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Tests.BuiltInRules;

/// <summary>parse-error and password-required through the compiled rules.</summary>
public sealed class InputRuleTests
{
    private static PrimitiveHarness WithIssues(params (ParseIssueKind Kind, int Line, string Message)[] issues)
    {
        var h = new PrimitiveHarness();
        var file = PrimitiveHarness.File("broken/mixed.pem");
        h.ExtraFiles.Add(new ParsedFile
        {
            File = file,
            Kind = FileKind.Pem,
            Issues = issues.Select(i => new ParseIssue(i.Kind, new SourceLocation(file, i.Line, i.Line + 3), i.Message)).ToArray(),
        });
        h.ExtraFiles.Add(new ParsedFile { File = PrimitiveHarness.File("ok/empty.pem"), Kind = FileKind.Pem });
        return h;
    }

    [Test]
    public void Parse_error_reports_each_broken_block_at_its_line()
    {
        var h = WithIssues((ParseIssueKind.ParseError, 4, "bad base64"), (ParseIssueKind.Unreadable, 1, "permission denied"));
        var findings = BuiltInRuleRunner.Lint(h, "parse-error");
        findings.Select(f => f.Location.StartLine).ShouldBe([4, 1], ignoreOrder: true);
        findings.ShouldAllBe(f => f.Severity == Severity.Error && f.Location.File.RelativePath == "broken/mixed.pem");
        findings.ShouldContain(f => f.Message == "broken/mixed.pem:4 cannot be parsed: bad base64. Fix or regenerate the file, or exclude it if it is not a certificate.");
        BuiltInRuleRunner.Lint(h, "password-required").ShouldBeEmpty();
    }

    [Test]
    public void Password_required_is_a_note_and_not_a_parse_error()
    {
        var h = WithIssues((ParseIssueKind.PasswordRequired, 1, "no password in CERTLINT_PASSWORD opened it"));
        var f = BuiltInRuleRunner.Lint(h, "password-required").ShouldHaveSingleItem();
        f.Severity.ShouldBe(Severity.Note);
        f.Message.ShouldContain("CERTLINT_PASSWORD");
        BuiltInRuleRunner.Lint(h, "parse-error").ShouldBeEmpty();
    }

    [Test]
    public void Clean_files_have_no_input_findings() =>
        BuiltInRuleRunner.Lint(WithIssues()).Where(f => f.Rule.Name is "parse-error" or "password-required").ShouldBeEmpty();
}
