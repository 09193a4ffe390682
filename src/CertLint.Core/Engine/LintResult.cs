using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Reporting;

namespace CertLint.Engine;

/// <summary>The outcome of one run: what was found, what was checked, what is wrong, and the exit code it implies.</summary>
public sealed record LintResult
{
    public required CertificateInventory Inventory { get; init; }
    /// <summary>All rules in force, sorted by id (SARIF's rules array, JUnit's test names).</summary>
    public required IReadOnlyList<RuleDescriptor> Rules { get; init; }
    /// <summary>Findings in deterministic order: path, line, rule id, object id. Suppressed ones included (see Finding.IsSuppressed).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>Every (rule, object) evaluated, passing or failing.</summary>
    public required IReadOnlyList<RuleCheck> Checks { get; init; }
    /// <summary>Per rule id: objects of its kind skipped as not applicable / not effective.</summary>
    public IReadOnlyDictionary<string, Rules.Evaluation.SkipCounts> Skips { get; init; } = new Dictionary<string, Rules.Evaluation.SkipCounts>();
    /// <summary>
    /// Per rule id: the objects in the scope it skipped, capped per rule; null unless the request listed them (-v).
    /// Reports show them; they are never findings.
    /// </summary>
    public IReadOnlyDictionary<string, Rules.Evaluation.SkippedObjects>? SkippedObjects { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required Severity FailOn { get; init; }
    /// <summary>Scan root: report paths are relative to it.</summary>
    public required string Root { get; init; }
    /// <summary>The current folder of the run: the console shows paths relative to it. Empty: the root.</summary>
    public string WorkingDirectory { get; init; } = "";
    public required TimeSpan Elapsed { get; init; }
    /// <summary>Notes for the user that are not findings (expired suppressions, skipped files).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
    /// <summary>Configured suppressions past their `expires` date: they no longer apply, and reports list them.</summary>
    public IReadOnlyList<Configuration.SuppressionEntry> ExpiredSuppressions { get; init; } = [];
    /// <summary>Baseline state per finding fingerprint, when a baseline was given.</summary>
    public IReadOnlyDictionary<string, string>? BaselineStates { get; init; }
    /// <summary>Baseline results with no finding now (SARIF baselineState "absent"), from <c>SarifBaseline.Absent</c>.</summary>
    public IReadOnlyList<BaselineEntry> BaselineAbsent { get; init; } = [];
    public bool NewOnly { get; init; }

    /// <summary>Findings that count against --fail-on: unsuppressed, at or above it, and new when --new-only.</summary>
    public IEnumerable<Finding> Failing => Findings.Where(IsFailing);

    /// <summary>Whether one finding counts against --fail-on (see <see cref="Failing"/>); report writers ask per finding.</summary>
    public bool IsFailing(Finding finding) => IsReportable(finding) && FailOn != Severity.None && finding.Severity >= FailOn;

    /// <summary>Unsuppressed, and new when --new-only: what annotations and fail-on look at.</summary>
    public bool IsReportable(Finding finding) =>
        !finding.IsSuppressed &&
        (!NewOnly || BaselineStates is null || !BaselineStates.TryGetValue(finding.Fingerprint, out var s) || s == "new");

    /// <summary>A scan that found no certificate, key or keystore passes only when asked to (--allow-empty).</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>
    /// Set by the engine when the scan found nothing to lint: no certificate, key, keystore or CRL, and no unreadable
    /// candidate file. A CI job scanning the wrong folder must not pass silently.
    /// </summary>
    public bool IsEmpty { get; init; }

    public int ExitCode => Failing.Any() ? ExitCodes.Findings
        : IsEmpty && !AllowEmpty ? ExitCodes.UsageError
        : ExitCodes.Success;

    public int Count(Severity severity) => Findings.Count(f => !f.IsSuppressed && f.Severity == severity);
}
