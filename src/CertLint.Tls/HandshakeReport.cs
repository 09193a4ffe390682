using CertLint.Engine;

namespace CertLint.Tls;

/// <summary>
/// The outcome of a handshake run: a <see cref="LintResult"/> (findings on the certificates and on one Endpoint subject
/// per endpoint) that the lint's report writers take as they are, plus the raw facts of each probe.
/// </summary>
public sealed class HandshakeReport
{
    public required LintResult Result { get; init; }
    /// <summary>One per endpoint probed, in target order; empty when the run stopped before connecting.</summary>
    public IReadOnlyList<ProbeOutcome> Outcomes { get; init; } = [];
    /// <summary>The first (or only) endpoint's facts.</summary>
    public ProbeOutcome? Outcome => Outcomes.Count > 0 ? Outcomes[0] : null;
    /// <summary>Self-test only: how the loopback server judged the client.</summary>
    public ServerVerdict? ServerVerdict { get; init; }
    public int ExitCode => Result.ExitCode;
}
