using System.Diagnostics;
using CertLint.Fuzz;
using CertLint.Tests.BuiltInRules;

namespace CertLint.Tests.Fuzzing;

/// <summary>
/// Replays every input under tests/fuzz-regressions/HARNESS/ (crashes and hangs fuzz/run.sh saved, and issue 11's
/// hand-made hostile files) through the same targets AFL++ runs, and every test fixture through every harness.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Root = Path.Combine(Samples.RepoRoot, "tests", "fuzz-regressions");

    public static IEnumerable<TestCaseData> Regressions() =>
        FuzzTargets.Harnesses.SelectMany(h => Directory.Exists(Path.Combine(Root, h))
            ? Directory.GetFiles(Path.Combine(Root, h)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(f => new TestCaseData(h, f).SetName($"Fuzz regression {h}/{Path.GetFileName(f)}"))
            : []);

    [TestCaseSource(nameof(Regressions))]
    public void Replays_without_crash_or_hang(string harness, string file)
    {
        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => FuzzTargets.Run(harness, File.ReadAllBytes(file)));
        // Termination only (typical time is milliseconds): a key-derivation bomb would take hours.
        run.Wait(TimeSpan.FromSeconds(120)).ShouldBeTrue($"{harness}/{Path.GetFileName(file)} did not finish");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(120));
    }

    [Test]
    public void Every_fixture_goes_through_every_harness()
    {
        var fixtures = Directory.GetFiles(Path.Combine(Samples.RepoRoot, "tests", "fixtures")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !f.EndsWith(".sh", StringComparison.Ordinal)).ToArray();
        fixtures.Length.ShouldBeGreaterThan(20);
        foreach (var harness in FuzzTargets.Harnesses)
        {
            foreach (var file in fixtures) Should.NotThrow(() => FuzzTargets.Run(harness, File.ReadAllBytes(file)), $"{harness} on {Path.GetFileName(file)}");
        }
    }
}
