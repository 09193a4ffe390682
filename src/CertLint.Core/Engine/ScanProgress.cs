namespace CertLint.Engine;

/// <summary>How far a run has got, for a host's progress indicator: a stage, items done out of a total, the current file.</summary>
public sealed record ScanProgress(string Stage, int Completed, int Total, string? CurrentPath = null);
