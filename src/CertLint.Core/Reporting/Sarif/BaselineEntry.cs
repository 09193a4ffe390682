namespace CertLint.Reporting;

/// <summary>
/// A result read from a baseline SARIF: enough to compare with a new finding by fingerprint and to write it back
/// with baselineState "absent" when it is gone.
/// </summary>
public sealed record BaselineEntry(
    string Fingerprint,
    string RuleId,
    string Level,
    string Message,
    string? Uri,
    int StartLine,
    int EndLine);

/// <summary>SARIF baselineState values.</summary>
public static class BaselineStates
{
    public const string New = "new";
    public const string Unchanged = "unchanged";
    public const string Updated = "updated";
    public const string Absent = "absent";
}
