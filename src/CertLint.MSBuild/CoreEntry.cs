using CertLint.Engine;

namespace CertLint.MSBuild;

/// <summary>The two calls into Core: run the engine, write the report files.</summary>
internal static class CoreEntry
{
    // TODO(msbuild): shim until LintEngine and the report writers land on main.
    public static LintResult Run(LintRequest request) =>
        throw new NotSupportedException("The CertLint engine is not available yet.");

    public static void WriteReports(LintResult result, ReportOutputs outputs)
    {
        _ = result;
        _ = outputs;
    }
}
