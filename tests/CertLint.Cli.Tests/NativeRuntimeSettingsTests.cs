using CertLint.Tests.Pki;

namespace CertLint.Cli.Tests;

/// <summary>
/// The runtime settings compiled into the Native AOT tool (src/CertLint.Cli/CertLint.Cli.csproj): its gen0 budget
/// lets a one-file run finish without a garbage collection, which on machines that report no CPU cache sizes cost
/// some 10 ms of a 50 ms run. Read through CERTLINT_TIMINGS, which counts collections per stage.
/// </summary>
public class NativeRuntimeSettingsTests
{
    [Test]
    public void OneFileRunCollectsNoGarbage()
    {
        if (CliRunner.Tool is null)
            Assert.Ignore("the GC budget is compiled into the Native AOT binary; .ci/run runs this suite against the installed AOT tool (CERTLINT_TOOL)");
        using var dir = new TempDirectory();
        foreach (var name in new[] { "ca.crt", "client.crt", "client.key" })
            File.Copy(Path.Combine(CliRunner.RepoRoot, "samples", "mtls", name), dir[name]);
        var r = CliRunner.Process(dir.Path, new Dictionary<string, string> { ["CERTLINT_TIMINGS"] = "1" },
            ".", "--now", "2026-06-01T00:00:00Z", "--fail-on", "none");
        r.ExitCode.ShouldBe(0, r.Error);
        var stages = r.Error.Split('\n').Where(l => l.StartsWith("certlint timing:", StringComparison.Ordinal)).ToArray();
        stages.Length.ShouldBeGreaterThanOrEqualTo(5, r.Error);
        // The last stage line carries the run's totals: the collections of each generation so far.
        System.Text.RegularExpressions.Regex.Match(stages[^1], @"gen0/1/2\s+(\d+)\s+(\d+)\s+(\d+)").Groups[1].Value.ShouldBe("0", stages[^1]);
    }
}
