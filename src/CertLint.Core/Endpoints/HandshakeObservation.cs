
namespace CertLint.Endpoints;

/// <summary>One thing a handshake showed, for one CL06xx rule: the message, and a severity when it differs from the rule's default.</summary>
public sealed record HandshakeObservation(string RuleId, string Message);
