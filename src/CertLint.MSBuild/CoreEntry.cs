using CertLint.Engine;

namespace CertLint.MSBuild;

/// <summary>The two calls into Core: run the engine, write the report files.</summary>
internal static class CoreEntry
{
    public static LintResult Run(LintRequest request, CancellationToken cancellationToken) =>
        new LintEngine(TimeProvider.System).Run(request, progress: null, cancellationToken);

    // TODO(msbuild): shim until the report writers land on main.
    public static void WriteReports(LintResult result, ReportOutputs outputs)
    {
        _ = result;
        _ = outputs;
    }
}
