using CertLint.Endpoints;

namespace CertLint.Tls;

/// <summary>
/// Turns the raw facts of a probe into <see cref="HandshakeFacts"/>: connection, handshake, the alert with its usual
/// cause, the client certificate request and its CA names, version, cipher suite and staple. It says what happened,
/// never whether that is a problem: the tls-* rules (YAML over the `tls.*` fields) judge, and Core's
/// <see cref="EndpointLint"/> runs the lint's rules over the certificates.
/// </summary>
public static class HandshakeAnalyzer
{
    /// <param name="clientGiven">A client credential was named (it may not have loaded: then <see cref="ProbeOptions.Client"/> is null).</param>
    /// <param name="credentialProblems">Credentials that could not be loaded, each with its role.</param>
    /// <param name="serverReasons">Self-test: why our own server refused the client.</param>
    public static HandshakeFacts Facts(ProbeOutcome outcome, ProbeOptions options, bool clientGiven, IReadOnlyList<string> credentialProblems,
        IReadOnlyList<string>? serverReasons = null)
    {
        var alert = outcome.Failure == ProbeFailure.AlertReceived && outcome.AlertReceived is { } code ? AlertCatalog.Explain(code) : null;
        var sent = outcome.ClientCertificateSent;
        var refusedCertificate = (alert is not null && AlertCatalog.IsAboutCertificate(alert.Code)) || outcome.Failure == ProbeFailure.ClosedAfterHandshake;
        var client = options.Client;
        return new HandshakeFacts
        {
            Attempted = true,
            Endpoint = outcome.Endpoint,
            ServerName = options.EffectiveServerName,
            Connected = outcome.Connected,
            Failure = outcome.Failure == ProbeFailure.None ? "none" : char.ToLowerInvariant(outcome.Failure.ToString()[0]) + outcome.Failure.ToString()[1..],
            FailedAfterHandshake = outcome.FailedAfterHandshake,
            Error = Error(outcome, options, alert),
            HandshakeCompleted = outcome.HandshakeCompleted,
            Established = outcome.Established,
            Version = outcome.Protocol,
            Cipher = outcome.CipherSuite,
            ForwardSecret = outcome.ForwardSecret,
            LegacyVersionsAccepted = outcome.LegacyVersionsAccepted,
            PeerSubjects = outcome.ServerCertificates.Select(Dn.CertificateSubject).ToList(),
            ClientCertificateRequested = outcome.ClientCertificateRequested,
            AcceptedCas = Listed(outcome.AcceptedCaNames),
            ClientCertificateGiven = clientGiven,
            ClientCertificateUsable = client is not null,
            ClientCertificateSent = sent,
            ClientCertificateProblem = outcome.ClientCertificateProblem,
            ClientSubject = client is null ? null : Dn.Subject(client.Certificate),
            ClientIssuer = client is null ? null : Dn.Issuer(client.Certificate),
            ClientIssuerListed = outcome.ClientCertificateRequested && client is not null && outcome.AcceptedCaNames.Count > 0
                ? ChainsToAcceptedCa(client, outcome.AcceptedCaNames) : null,
            ClientCertificateAccepted = !sent ? null : outcome.Established ? true : refusedCertificate ? false : null,
            ClientCertificateRequired = !sent && ((alert is not null && outcome.ClientCertificateRequested) || outcome.Failure == ProbeFailure.ClosedAfterHandshake),
            Alert = alert?.Label,
            AlertName = alert?.Name,
            AlertCode = alert?.Code,
            AlertCause = alert?.Cause,
            AlertFix = alert?.Fix,
            AlertAboutCertificate = alert is not null && AlertCatalog.IsAboutCertificate(alert.Code),
            CredentialProblems = credentialProblems,
            ServerReasons = serverReasons ?? [],
        };
    }

    /// <summary>Facts of a handshake that was never tried: a credential could not be loaded to serve or present.</summary>
    public static HandshakeFacts NotAttempted(string endpoint, bool clientGiven, IReadOnlyList<string> credentialProblems) => new()
    {
        Endpoint = endpoint,
        ClientCertificateGiven = clientGiven,
        CredentialProblems = credentialProblems,
    };

    /// <summary>How the connection failed, in words (null when it did not).</summary>
    private static string? Error(ProbeOutcome outcome, ProbeOptions options, AlertExplanation? alert)
    {
        var when = outcome.FailedAfterHandshake ? "after the handshake" : "during the handshake";
        return outcome.Failure switch
        {
            ProbeFailure.None => null,
            ProbeFailure.DnsFailure => $"cannot resolve '{options.Host}': {outcome.FailureDetail}",
            ProbeFailure.ConnectionRefused => $"connection to {outcome.Endpoint} refused: nothing listens on that port (or a firewall rejects it)",
            ProbeFailure.ConnectTimeout => $"no TCP connection to {outcome.Endpoint}: {outcome.FailureDetail} (a firewall may drop the packets)",
            ProbeFailure.ConnectError => $"cannot connect to {outcome.Endpoint}: {outcome.FailureDetail}",
            _ when alert is not null => $"{outcome.Endpoint} sent the alert {alert.Label} {when}: {alert.Cause}. Fix: {alert.Fix}",
            ProbeFailure.ClosedAfterHandshake => $"{outcome.Endpoint} closed the connection right after the handshake without an alert",
            ProbeFailure.HandshakeTimeout => $"{outcome.Endpoint} accepted the TCP connection but {outcome.FailureDetail}: it may not speak TLS on this port, or waits for the client to talk first",
            ProbeFailure.NotTls => $"{outcome.Endpoint} does not speak TLS on this port: {outcome.FailureDetail}",
            ProbeFailure.ClosedByServer => $"{outcome.Endpoint}: {outcome.FailureDetail}; it may not speak TLS on this port, or rejected the ClientHello (SNI '{options.EffectiveServerName}', --tls)",
            _ when !outcome.Connected => $"cannot connect to {outcome.Endpoint}: {outcome.FailureDetail}",
            _ => $"the handshake with {outcome.Endpoint} failed: {outcome.FailureDetail}",
        };
    }

    /// <summary>CA names listed in reports: the server may send thousands (TLS bounds the list to a vector of 65,535 bytes, RFC 5246 §7.4.4, RFC 8446 §4.2.4).</summary>
    public const int MaxListedCas = 16;

    /// <summary>The first <see cref="MaxListedCas"/> CA names as text, then "and N more"; whether ours is among them uses all.</summary>
    private static List<string> Listed(IReadOnlyList<byte[]> names)
    {
        var listed = names.Take(MaxListedCas).Select(Dn.Text).ToList();
        if (names.Count > MaxListedCas) listed.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"and {names.Count - MaxListedCas:N0} more"));
        return listed;
    }

    /// <summary>Our leaf's issuer, or any name in the chain we send, equals a name the server listed.</summary>
    public static bool ChainsToAcceptedCa(ClientCredential client, IReadOnlyList<byte[]> acceptedNames)
    {
        var ours = new List<string> { Dn.Key(client.Certificate.IssuerName.RawData) };
        foreach (var c in client.Chain)
        {
            ours.Add(Dn.Key(c.SubjectName.RawData));
            ours.Add(Dn.Key(c.IssuerName.RawData));
        }
        return acceptedNames.Any(a => ours.Contains(Dn.Key(a)));
    }
}
