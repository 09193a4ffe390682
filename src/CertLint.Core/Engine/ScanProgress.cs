namespace CertLint.Engine;

/// <summary>Progress of a run, for a host's progress indicator: the stage and how many items of it are done.</summary>
public readonly record struct ScanProgress(string Stage, int Done, int Total);
