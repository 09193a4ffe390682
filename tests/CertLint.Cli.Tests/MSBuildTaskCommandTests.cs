namespace CertLint.Cli.Tests;

/// <summary>
/// `certlint msbuild-task REQUEST`, which CertLint.MSBuild's targets run where the package carries the native tool:
/// the task's parameters from the request file, the findings as MSBuild canonical lines, exit 1 when any is an error.
/// </summary>
public class MSBuildTaskCommandTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateProject()
    {
        _dir = Directory.CreateTempSubdirectory("certlint-msbuild-task-").FullName;
        Directory.CreateDirectory(Path.Combine(_dir, "certs"));
        // ec-p256.pem is valid until 2109: linted in 2200 it has expired.
        File.Copy(Path.Combine(CliRunner.RepoRoot, "tests/fixtures/ec-p256.pem"), Path.Combine(_dir, "certs/ec-p256.pem"));
    }

    [TearDown]
    public void DeleteProject() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Failing_findings_are_canonical_errors_at_their_file_and_line_and_exit_1()
    {
        var run = Run("FailOn=error");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldContain($"{Path.Combine(_dir, "certs/ec-p256.pem")}(1,1): error CL0101: ", Case.Sensitive, run.ToString());
        run.Out.ShouldContain("CertLint: 1 files, 1 certificates, 0 keys;");
        File.Exists(Path.Combine(_dir, "obj/certlint.sarif")).ShouldBeTrue("the SARIF report named in the request");
    }

    [Test]
    public void Below_fail_on_they_are_warnings_and_exit_0()
    {
        var run = Run("FailOn=none");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain($"{Path.Combine(_dir, "certs/ec-p256.pem")}(1,1): warning CL0101: ", Case.Sensitive, run.ToString());
        run.Out.ShouldNotContain(": error ");
    }

    [Test]
    public void Errors_without_a_file_are_reported_against_the_origin()
    {
        var run = Run("FailOn=sometimes", "Origin=/x/CertLint.MSBuild.targets");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Out.ShouldStartWith("/x/CertLint.MSBuild.targets : error CL9000: ", Case.Sensitive, run.ToString());
    }

    [Test]
    public void An_empty_lint_is_CL9003_unless_allow_empty()
    {
        File.Delete(Path.Combine(_dir, "certs/ec-p256.pem"));

        Run().Out.ShouldContain("error CL9003: CertLint: nothing to lint");
        var allowed = Run("AllowEmpty=true");
        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        allowed.Out.ShouldContain("CertLint: nothing to lint");
    }

    private CliRunner.Outcome Run(params string[] lines)
    {
        var request = Path.Combine(_dir, "certlint.request");
        File.WriteAllLines(request, [$"ProjectDirectory={_dir}", "Now=2200-01-01", "SarifFile=obj/certlint.sarif", .. lines]);
        return CliRunner.InProcess(_dir, null, "msbuild-task", request);
    }
}
