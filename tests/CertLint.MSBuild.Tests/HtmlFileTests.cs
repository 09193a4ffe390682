using CertLint.Action.Tests;
using CertLint.Findings;

namespace CertLint.MSBuild.Tests;

/// <summary>The task's HtmlFile parameter ($(CertLintHtmlFile) resolved by the targets), whatever the engine found.</summary>
public class HtmlFileTests
{
    private TaskRunner runner = null!;

    [SetUp]
    public void SetUp() => runner = new TaskRunner();

    [TearDown]
    public void TearDown() => runner.Dispose();

    private CertLintTask Task(string? htmlFile) => new()
    {
        BuildEngine = runner.Engine,
        ProjectDirectory = runner.Root,
        HtmlFile = htmlFile,
        RunEngine = (_, _) => FakeResults.Result(
            [FakeResults.Finding("CL0101", "cert-expired", Severity.Error, "certs/a.pem", 3, 20, "CN=a.example.test expired on 2026-01-01")]),
    };

    [Test]
    public void The_html_report_is_written_where_the_task_is_told_with_the_findings()
    {
        var html = Path.Combine(runner.Root, "obj", "Debug", "net10.0", "certlint.html");

        Task(html).Execute().ShouldBeFalse();

        File.Exists(html).ShouldBeTrue();
        var page = File.ReadAllText(html);
        page.ShouldStartWith("<!DOCTYPE html>");
        page.ShouldContain("CN=a.example.test expired on 2026-01-01");
        page.ShouldContain("certs/a.pem:3");
        runner.Engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("CL0101");
    }

    [Test]
    public void Without_an_html_file_no_page_is_written()
    {
        Task(null).Execute().ShouldBeFalse();
        Task("  ").Execute().ShouldBeFalse();

        Directory.EnumerateFiles(runner.Root, "*.html", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Test]
    public void An_unwritable_html_file_is_one_build_error_not_an_exception()
    {
        File.WriteAllText(runner.PathOf("obj"), "a file where the folder should be");

        Task(runner.PathOf("obj/certlint.html")).Execute().ShouldBeFalse();

        runner.Engine.Errors.ShouldHaveSingleItem().Code.ShouldBe(ErrorCodes.Configuration);
    }
}
