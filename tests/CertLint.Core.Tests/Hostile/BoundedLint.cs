using CertLint.Engine;
using CertLint.Findings;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Runs the real engine on a hostile folder with a termination bound: the typical time of each case is seconds at
/// most, the bound is minutes, so a pass says "bounded", never "fast" (a hang fails, a slow shared machine does not).
/// </summary>
internal static class BoundedLint
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    public static LintResult Run(string root, params string[] paths) => Run(root, paths, []);

    public static LintResult Run(string root, string[] paths, string[] caFiles)
    {
        var run = Task.Run(() => new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = root,
            Paths = paths,
            CaFiles = caFiles,
            Now = TestPki.DefaultNow,
            AllowEmpty = true,
            Environment = _ => null,
        }));
        run.Wait(Bound).ShouldBeTrue($"the run on {root} did not finish within {Bound}");
        return run.Result;
    }

    /// <summary>"RULE FILE:LINE" of the unsuppressed findings of one rule, sorted.</summary>
    public static string[] Of(this LintResult result, string rule) =>
        [.. result.Findings.Where(f => !f.IsSuppressed && f.Rule.Name == rule)
            .Select(f => $"{f.Location.File.RelativePath}:{f.Location.StartLine} {f.Message}").Order(StringComparer.Ordinal)];

    /// <summary>Every message and related text of the run, to check that nothing from a file outside the repository shows.</summary>
    public static string AllText(this LintResult result) =>
        string.Join("\n", result.Findings.SelectMany(f => new[] { f.Message }.Concat(f.Related.Select(r => r.Message))).Concat(result.Notices));
}
