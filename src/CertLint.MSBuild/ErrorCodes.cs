namespace CertLint.MSBuild;

/// <summary>Codes of the errors the task logs that are not rule findings (those carry the rule id, CLxxxx).</summary>
public static class ErrorCodes
{
    /// <summary>A mistake in the task's properties, the configuration file or a rule file (the CLI's exit code 2).</summary>
    public const string Configuration = "CL9000";

    /// <summary>A bug in CertLint (the CLI's exit code 3).</summary>
    public const string Internal = "CL9001";

    /// <summary>The lint found no certificate, key or keystore and $(CertLintAllowEmpty) is not true (the CLI's exit code 2).</summary>
    public const string EmptyScan = "CL9003";

    /// <summary>Warning from the targets: MSBuild older than 18 cannot run the task (build/CertLint.MSBuild.targets).</summary>
    public const string UnsupportedMSBuild = "CL9002";
}
