using System.Text.Json;
using System.Text.RegularExpressions;
using CertLint.Rules;

namespace CertLint.MSBuild.Tests.Integration;

/// <summary>
/// The packed packages as a user gets them: a project referencing CertLint.MSBuild from a feed fails its build on an
/// expired certificate and a world-readable key, passes once they are fixed, skips the lint when nothing changed,
/// and the `certlint` tool installed from the same feed finds the same problems. The steps run in order.
/// </summary>
[TestFixture, Category("Integration"), NonParallelizable]
public partial class PackageTests
{
    // Ids live in the rules' YAML only: look them up by name.
    private static readonly string CertExpired = CertLint.Rules.Loading.RuleLoader.IdOf("cert-expired");
    private static readonly string KeyFilePermissions = CertLint.Rules.Loading.RuleLoader.IdOf("key-file-permissions");

    private LocalFeed feed = null!;
    private string project = null!;
    private readonly List<string> passedSteps = [];

    private string TaskSarif => Path.Combine(project, "obj/Debug/net10.0/certlint.sarif");
    private string TaskHtml => Path.Combine(project, "obj/Debug/net10.0/reports/certlint.html");

    [OneTimeSetUp]
    public void CreateFeedAndProject()
    {
        feed = LocalFeed.Create();
        project = Path.Combine(feed.Root, "sample");
        Directory.CreateDirectory(project);
        WriteSampleProject(project, "Sample.csproj");
        CertificateFixtures.WriteBroken(project);
    }

    /// <summary>A project referencing the package, linting at the fixtures' date, with an HTML report under obj/.</summary>
    private void WriteSampleProject(string dir, string name) => File.WriteAllText(Path.Combine(dir, name), $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <CertLintNow>{CertificateFixtures.NowText}</CertLintNow>
            <CertLintHtmlFile>reports/certlint.html</CertLintHtmlFile>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="CertLint.MSBuild" Version="{feed.Version}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """);

    [OneTimeTearDown]
    public void DeleteFeed() => feed?.Dispose();

    [Test, Order(1)]
    public void Build_fails_with_the_findings_at_their_files_and_lines_and_writes_sarif()
    {
        var build = Build();

        build.ExitCode.ShouldNotBe(0, build.ToString());
        Errors(build).ShouldBe(
        [
            (Path.Combine(project, CertificateFixtures.CertificatePath), CertificateFixtures.CertificateLine, CertExpired),
            (Path.Combine(project, CertificateFixtures.KeyPath), 1, KeyFilePermissions),
        ], ignoreOrder: true, build.ToString());
        SarifResults(TaskSarif).Select(r => r.RuleId).ShouldContain(CertExpired);
        File.Copy(TaskSarif, Path.Combine(feed.Root, "task.sarif"));
        HtmlReportShouldShowTheExpiredCertificate(TaskHtml);
        Directory.Exists(Path.Combine(project, "reports")).ShouldBeFalse("a relative CertLintHtmlFile is under obj/, not the project folder");
        passedSteps.Add("broken");
    }

    [Test, Order(2)]
    public void Tool_installed_from_the_feed_reports_the_same_findings_as_the_task()
    {
        Assume.That(passedSteps, Does.Contain("broken"));
        var tools = Path.Combine(feed.Root, "tools");
        var install = ProcessRunner.Run(ProcessRunner.Dotnet,
            ["tool", "install", "--tool-path", tools, "--add-source", feed.Feed, "CertLint", "--version", feed.Version],
            feed.Root, feed.Environment);
        install.ExitCode.ShouldBe(0, install.ToString());

        var toolSarif = Path.Combine(feed.Root, "tool.sarif");
        var lint = ProcessRunner.Run(Path.Combine(tools, "certlint"),
            ["lint", ".", "--now", CertificateFixtures.NowText, "--sarif", toolSarif], project, feed.Environment);

        lint.ExitCode.ShouldBe(1, lint.ToString());
        lint.Output.ShouldContain(CertExpired);
        lint.Output.ShouldContain(KeyFilePermissions);
        SarifResults(toolSarif).ShouldBe(SarifResults(Path.Combine(feed.Root, "task.sarif")), ignoreOrder: true);
    }

    [Test, Order(3)]
    public void Repaired_files_build()
    {
        Assume.That(passedSteps, Does.Contain("broken"));
        CertificateFixtures.Repair(project);

        var build = Build();

        build.ExitCode.ShouldBe(0, build.ToString());
        Errors(build).ShouldBeEmpty();
        build.Output.ShouldNotContain(SkipMessage);
        passedSteps.Add("repaired");
    }

    [Test, Order(4)]
    public void Unchanged_project_skips_the_lint()
    {
        Assume.That(passedSteps, Does.Contain("repaired"));

        var build = Build();

        build.ExitCode.ShouldBe(0, build.ToString());
        build.Output.ShouldContain(SkipMessage, Case.Sensitive, build.ToString());
        // CertLintNow pins the date, so the stamp does not carry the clock's day (a build across midnight still skips).
        Directory.GetFiles(Path.Combine(project, "obj/Debug/net10.0"), "certlint.*.stamp").Select(Path.GetFileName)
            .ShouldBe(["certlint.pinned.stamp"]);
        passedSteps.Add("skipped");
    }

    [Test, Order(5)]
    public void Changing_a_certificate_lints_again()
    {
        Assume.That(passedSteps, Does.Contain("skipped"));
        CertificateFixtures.WriteBroken(project);

        var build = Build();

        build.ExitCode.ShouldNotBe(0, build.ToString());
        Errors(build).Select(e => e.Code).ShouldContain(CertExpired);
        passedSteps.Add("broken again");
    }

    [Test, Order(6)]
    public void Design_time_builds_do_not_lint()
    {
        Assume.That(passedSteps, Does.Contain("skipped"));

        var build = Build("-p:DesignTimeBuild=true");

        Errors(build).ShouldBeEmpty(build.ToString());
        build.Output.ShouldNotContain("CertLint:", Case.Sensitive);
    }

    [Test, Order(7)]
    public void An_absolute_html_file_is_written_where_it_says()
    {
        Assume.That(passedSteps, Does.Contain("broken again"));
        var html = Path.Combine(feed.Root, "artifacts", "certlint.html");

        var build = Build($"-p:CertLintHtmlFile={html}");

        build.ExitCode.ShouldNotBe(0, build.ToString());
        HtmlReportShouldShowTheExpiredCertificate(html);
    }

    [Test, Order(8)]
    public void A_project_without_certificates_fails_its_build_unless_CertLintAllowEmpty()
    {
        var empty = Path.Combine(feed.Root, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "Empty.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="CertLint.MSBuild" Version="{feed.Version}" PrivateAssets="all" /></ItemGroup>
            </Project>
            """);

        var failed = ProcessRunner.Run(ProcessRunner.Dotnet, ["build", "Empty.csproj", "-v:n"], empty, feed.Environment);
        failed.ExitCode.ShouldNotBe(0, failed.ToString());
        failed.Output.ShouldContain($"error {ErrorCodes.EmptyScan}: CertLint: nothing to lint", Case.Sensitive, failed.ToString());

        var allowed = ProcessRunner.Run(ProcessRunner.Dotnet, ["build", "Empty.csproj", "-v:n", "-p:CertLintAllowEmpty=true"], empty, feed.Environment);
        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        allowed.Output.ShouldNotContain($"error {ErrorCodes.EmptyScan}", Case.Sensitive);
    }

    private static void HtmlReportShouldShowTheExpiredCertificate(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} was not written");
        var html = File.ReadAllText(path);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain($"{CertExpired} cert-expired");
        html.ShouldContain(CertificateFixtures.CertificatePath);
    }

    private const string SkipMessage = "Skipping target \"CertLint\" because all output files are up-to-date";

    private ProcessOutput Build(params string[] properties) =>
        ProcessRunner.Run(ProcessRunner.Dotnet, ["build", "Sample.csproj", "-v:n", .. properties], project, feed.Environment);

    /// <summary>The distinct canonical errors MSBuild printed, "path(line,1): error CODE: message [project]".</summary>
    private static List<(string File, int Line, string Code)> Errors(ProcessOutput build) => build.Lines
        .Select(l => ErrorLine().Match(l.Trim()))
        .Where(m => m.Success)
        .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value), m.Groups["code"].Value))
        .Distinct()
        .ToList();

    // Lines of a multi-node build start with the node number ("1>").
    [GeneratedRegex(@"^(?:\d+>)?(?<file>[^\s(][^(]*)\((?<line>\d+),1\): error (?<code>CL\d{4}): ")]
    private static partial Regex ErrorLine();

    private sealed record SarifResult(string RuleId, string Level, string Uri, int Line);

    private static List<SarifResult> SarifResults(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} was not written");
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r =>
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            return new SarifResult(
                r.GetProperty("ruleId").GetString()!,
                r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                location.GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                location.GetProperty("region").GetProperty("startLine").GetInt32());
        }).ToList();
    }
}
