using CertLint.Action.Tests;
using CertLint.Findings;
using Microsoft.Build.Framework;

namespace CertLint.MSBuild.Tests;

/// <summary>How findings of each severity map to MSBuild errors, warnings and messages, whatever the engine found.</summary>
public class FindingLoggerTests
{
    private static readonly string FilePath = Path.Combine(FakeResults.Root, "certs/a.pem");

    [Test]
    public void Failing_findings_are_errors_with_code_file_line_and_help_link()
    {
        var (engine, ok) = Run(Severity.Error, Finding("CL0101", "cert-expired", Severity.Error, line: 12, endLine: 30));

        ok.ShouldBeFalse();
        var error = engine.Errors.ShouldHaveSingleItem();
        (error.Code, error.File, error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber)
            .ShouldBe(("CL0101", FilePath, 12, 1, 0, 0));
        error.HelpLink.ShouldBe("https://example.test/rules/cert-expired");
        error.HelpKeyword.ShouldBe("cert-expired");
        error.Message.ShouldBe("cert-expired message");
        error.Subcategory.ShouldBeNull();
    }

    [Test]
    public void Findings_below_fail_on_are_warnings_and_notes_are_high_importance_messages()
    {
        var (engine, ok) = Run(Severity.Error,
            Finding("CL0103", "cert-expiring-soon", Severity.Warning, line: 3),
            Finding("CL0104", "validity-too-long", Severity.Note, line: 4));

        ok.ShouldBeTrue();
        engine.Errors.ShouldBeEmpty();
        engine.Warnings.ShouldHaveSingleItem().Code.ShouldBe("CL0103");
        var note = engine.Messages.Single(m => m.Code == "CL0104");
        (note.Importance, note.File, note.LineNumber).ShouldBe((MessageImportance.High, FilePath, 4));
    }

    [Test]
    public void Fail_on_warning_makes_warnings_errors_and_fail_on_none_makes_errors_warnings()
    {
        var (strict, _) = Run(Severity.Warning, Finding("CL0103", "cert-expiring-soon", Severity.Warning, line: 3));
        strict.Errors.ShouldHaveSingleItem().Code.ShouldBe("CL0103");

        var (lax, ok) = Run(Severity.None, Finding("CL0101", "cert-expired", Severity.Error, line: 3));
        ok.ShouldBeTrue();
        lax.Warnings.ShouldHaveSingleItem().Code.ShouldBe("CL0101");
    }

    [Test]
    public void Suppressed_findings_are_not_logged()
    {
        var suppressed = Finding("CL0101", "cert-expired", Severity.Error, line: 3) with
        {
            Suppression = new Suppression("known", ".certlint.yml", null),
        };
        var (engine, ok) = Run(Severity.Error, suppressed);

        ok.ShouldBeTrue();
        engine.Errors.ShouldBeEmpty();
        engine.Warnings.ShouldBeEmpty();
        engine.Messages.ShouldNotContain(m => m.Code == "CL0101");
    }

    [Test]
    public void An_engine_crash_is_one_internal_error_not_an_exception()
    {
        var engine = new FakeBuildEngine();
        var task = new CertLintTask
        {
            BuildEngine = engine,
            ProjectDirectory = Path.GetTempPath(),
            RunEngine = (_, _) => throw new InvalidOperationException("boom"),
        };

        task.Execute().ShouldBeFalse();

        var error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(ErrorCodes.Internal);
        error.Message!.ShouldContain("boom");
    }

    private static (FakeBuildEngine Engine, bool Ok) Run(Severity failOn, params Finding[] findings)
    {
        var engine = new FakeBuildEngine();
        var task = new CertLintTask
        {
            BuildEngine = engine,
            ProjectDirectory = FakeResults.Root,
            RunEngine = (_, _) => FakeResults.Result(findings, failOn),
        };
        return (engine, task.Execute());
    }

    private static Finding Finding(string id, string name, Severity severity, int line, int? endLine = null) =>
        FakeResults.Finding(id, name, severity, "certs/a.pem", line, endLine ?? line, $"{name} message");
}
