namespace CertLint.Endpoints;

/// <summary>One protocol fact a handshake showed, for one tls-* rule (by name; ids live in the YAML only): its message.</summary>
/// <param name="Consequence">
/// The fact follows from our own credentials (the server refused or missed them; they cannot be loaded): when the lint reports an
/// error on their files, that error is the finding and this one is dropped (one defect, one finding).
/// </param>
public sealed record HandshakeObservation(string Rule, string Message, bool Consequence = false);
