using CertLint.Engine;
using CertLint.Findings;
using CertLint.Reporting;

namespace CertLint.Core.Tests.Reporting;

/// <summary>Copies of a LintResult with a few members changed (LintResult is init-only, not a record).</summary>
internal static class TestResults
{
    public static LintResult With(
        LintResult r,
        Severity? failOn = null,
        IReadOnlyList<Finding>? findings = null,
        IReadOnlyDictionary<string, string>? baselineStates = null,
        IReadOnlyList<BaselineEntry>? absent = null,
        bool? newOnly = null,
        TimeSpan? elapsed = null) => new()
    {
        Inventory = r.Inventory,
        Rules = r.Rules,
        Findings = findings ?? r.Findings,
        Checks = r.Checks,
        Now = r.Now,
        FailOn = failOn ?? r.FailOn,
        Root = r.Root,
        Elapsed = elapsed ?? r.Elapsed,
        Notices = r.Notices,
        BaselineStates = baselineStates ?? r.BaselineStates,
        BaselineAbsent = absent ?? r.BaselineAbsent,
        NewOnly = newOnly ?? r.NewOnly,
    };
}
