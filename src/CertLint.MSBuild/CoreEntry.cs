using CertLint.Engine;
using CertLint.Reporting;

namespace CertLint.MSBuild;

/// <summary>The two calls into Core: run the engine, write the report files.</summary>
internal static class CoreEntry
{
    public static LintResult Run(LintRequest request, CancellationToken cancellationToken) =>
        new LintEngine(TimeProvider.System).Run(request, progress: null, cancellationToken);

    /// <summary>The request's report paths are already absolute (relative ones were taken from the project folder).</summary>
    public static void WriteReports(LintResult result, LintRequest request) => ReportWriter.WriteFiles(result, request);
}
