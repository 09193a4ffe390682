using CertLint.Engine;

namespace CertLint.Tls;

/// <summary>
/// The outcome of a handshake run: a <see cref="LintResult"/> (findings on an Endpoint subject) that the lint's report
/// writers take as they are, plus the raw facts for a console summary.
/// </summary>
public sealed class HandshakeReport
{
    public required LintResult Result { get; init; }
    /// <summary>Null when the run stopped before connecting.</summary>
    public ProbeOutcome? Outcome { get; init; }
    /// <summary>Self-test only: how the loopback server judged the client.</summary>
    public ServerVerdict? ServerVerdict { get; init; }
    public int ExitCode => Result.ExitCode;
}
