namespace CertLint.Engine;

/// <summary>Process exit codes, the same for every host.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on.</summary>
    public const int Success = 0;
    /// <summary>Findings at or above --fail-on.</summary>
    public const int Findings = 1;
    /// <summary>Usage or configuration error (bad option, bad rule file, bad config).</summary>
    public const int UsageError = 2;
    /// <summary>A bug in CertLint.</summary>
    public const int InternalError = 3;
}
