using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CertLint.MSBuild.Tests.Integration;

/// <summary>
/// The package's Native AOT certlint (linux-x64): packed where it can be built, run by the targets instead of the
/// task, with the same errors, warnings, reports and verdicts as the task (CertLintUseNativeTool=false) on the same files.
/// </summary>
public partial class PackageTests
{
    private const string NativeToolEntry = "tools/native/linux-x64/certlint";
    private const string NativeMessage = "CertLint: running the package's native tool";

    private static bool OnLinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64;

    [Test, Order(9)]
    public void Package_carries_the_native_tool_on_linux_x64_with_clang()
    {
        if (!OnLinuxX64 || ProcessRunner.Run("sh", ["-c", "command -v clang"], feed.Root).ExitCode != 0)
        {
            Assert.Ignore("the native tool is packed only on linux-x64 with clang");
        }
        using var package = ZipFile.OpenRead(Package("CertLint.MSBuild"));
        package.Entries.Select(e => e.FullName).ShouldContain(NativeToolEntry);
    }

    [Test, Order(10)]
    public void Native_tool_and_task_give_the_same_errors_warnings_and_reports()
    {
        AssumeNativeToolPacked();
        var native = ModeProject("native");
        var task = ModeProject("task");

        var nativeBuild = BuildIn(native);
        var taskBuild = BuildIn(task, "-p:CertLintUseNativeTool=false");

        nativeBuild.ExitCode.ShouldNotBe(0, nativeBuild.ToString());
        taskBuild.ExitCode.ShouldNotBe(0, taskBuild.ToString());
        nativeBuild.Output.ShouldContain(NativeMessage, Case.Sensitive, nativeBuild.ToString());
        taskBuild.Output.ShouldNotContain(NativeMessage, Case.Sensitive);
        Diagnostics(nativeBuild, native).ShouldContain(("error", CertificateFixtures.CertificatePath, CertificateFixtures.CertificateLine, CertExpired));
        Diagnostics(nativeBuild, native).ShouldBe(Diagnostics(taskBuild, task), ignoreOrder: true);
        SarifResults(Report(native, "certlint.sarif")).ShouldBe(SarifResults(Report(task, "certlint.sarif")), ignoreOrder: true);
        TestCases(Report(native, "certlint.junit.xml")).ShouldBe(TestCases(Report(task, "certlint.junit.xml")));
        HtmlReportShouldShowTheExpiredCertificate(Report(native, "reports/certlint.html"));

        // Below CertLintFailOn the same findings are warnings in both modes, and both builds pass.
        var nativeLax = BuildIn(native, "-p:CertLintFailOn=none");
        var taskLax = BuildIn(task, "-p:CertLintUseNativeTool=false", "-p:CertLintFailOn=none");
        nativeLax.ExitCode.ShouldBe(0, nativeLax.ToString());
        taskLax.ExitCode.ShouldBe(0, taskLax.ToString());
        Diagnostics(nativeLax, native).ShouldAllBe(d => d.Kind == "warning");
        Diagnostics(nativeLax, native).Select(d => d.Code).ShouldContain(CertExpired);
        Diagnostics(nativeLax, native).ShouldBe(Diagnostics(taskLax, task), ignoreOrder: true);
        passedSteps.Add("native");
    }

    [Test, Order(11)]
    public void Native_tool_build_passes_once_repaired_and_then_skips()
    {
        Assume.That(passedSteps, Does.Contain("native"));
        var native = Path.Combine(feed.Root, "mode-native");
        CertificateFixtures.Repair(native);

        var repaired = BuildIn(native);
        var again = BuildIn(native);

        repaired.ExitCode.ShouldBe(0, repaired.ToString());
        repaired.Output.ShouldContain(NativeMessage, Case.Sensitive);
        Diagnostics(repaired, native).ShouldBeEmpty(repaired.ToString());
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain(SkipMessage, Case.Sensitive, again.ToString());
    }

    private void AssumeNativeToolPacked()
    {
        using var package = ZipFile.OpenRead(Package("CertLint.MSBuild"));
        Assume.That(OnLinuxX64 && package.Entries.Any(e => e.FullName == NativeToolEntry), "no native tool for this machine in the package");
    }

    /// <summary>A project folder of its own per mode, so that neither build finds the other's stamp or reports.</summary>
    private string ModeProject(string mode)
    {
        var dir = Path.Combine(feed.Root, $"mode-{mode}");
        Directory.CreateDirectory(dir);
        WriteSampleProject(dir, "Modes.csproj");
        CertificateFixtures.WriteBroken(dir);
        return dir;
    }

    private ProcessOutput BuildIn(string dir, params string[] properties) =>
        ProcessRunner.Run(ProcessRunner.Dotnet, ["build", "Modes.csproj", "-v:n", .. properties], dir, feed.Environment);

    private static string Report(string dir, string name) => Path.Combine(dir, "obj/Debug/net10.0", name);

    /// <summary>The distinct canonical errors and warnings, files relative to the project folder.</summary>
    private static List<(string Kind, string File, int Line, string Code)> Diagnostics(ProcessOutput build, string dir) => build.Lines
        .Select(l => DiagnosticLine().Match(l.Trim()))
        .Where(m => m.Success)
        .Select(m => (m.Groups["kind"].Value, Path.GetRelativePath(dir, m.Groups["file"].Value).Replace('\\', '/'),
            int.Parse(m.Groups["line"].Value), m.Groups["code"].Value))
        .Distinct()
        .ToList();

    [GeneratedRegex(@"^(?:\d+>)?(?<file>[^\s(][^(]*)\((?<line>\d+),1\): (?<kind>error|warning) (?<code>CL\d{4}): ")]
    private static partial Regex DiagnosticLine();

    /// <summary>The JUnit report's test cases (suite, name, outcome), without its timings.</summary>
    private static List<string> TestCases(string path)
    {
        File.Exists(path).ShouldBeTrue($"{path} was not written");
        var junit = System.Xml.Linq.XDocument.Load(path);
        return junit.Descendants("testcase")
            .Select(c => $"{c.Attribute("classname")?.Value}|{c.Attribute("name")?.Value}|{string.Join(",", c.Elements().Select(e => e.Name.LocalName))}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
