using CertLint.Endpoints;
using CertLint.Parsing;
using CertLint.Rules;
using Org.BouncyCastle.Tls;

namespace CertLint.Tls;

/// <summary>
/// Turns the raw facts of a probe into protocol observations, one per tls-* rule that applies: connection, handshake,
/// alerts, the client certificate request and its CA names, version and cipher suite. Certificates are not judged
/// here: Core's <see cref="EndpointLint"/> runs the lint's rules over them.
/// </summary>
public static class HandshakeAnalyzer
{
    /// <param name="clientUnusable">A client credential was given but cannot be presented (its cause is the lint's finding).</param>
    public static IReadOnlyList<HandshakeObservation> Analyze(ProbeOutcome outcome, ProbeOptions options, bool clientUnusable = false)
    {
        var found = new List<HandshakeObservation>();
        if (!outcome.Connected)
        {
            found.Add(new(BuiltInRules.TlsConnectFailed, ConnectMessage(outcome, options)));
            return found;
        }
        var failure = outcome.Failure == ProbeFailure.None ? null : Failure(outcome, options, clientUnusable);
        if (outcome.ClientCertificateRequested && options.Client is not null && outcome.AcceptedCaNames.Count > 0 && !ChainsToAcceptedCa(options.Client, outcome.AcceptedCaNames))
        {
            var mismatch = $"the client certificate {Dn.Subject(options.Client.Certificate)} (issuer {Dn.Issuer(options.Client.Certificate)}) does not chain to any CA the server accepts: {CaNames(outcome)}";
            // A rejection that follows is this defect seen from the server: one finding, the rejection, which names the cause.
            if (failure?.Rule == BuiltInRules.ClientCertRejected) failure = failure with { Message = $"{failure.Message}. The cause: {mismatch}" };
            else found.Add(new(BuiltInRules.ClientCaNotAccepted, mismatch, Consequence: true));
        }
        if (failure is not null) found.Add(failure);
        else if (!outcome.ClientCertificateRequested && options.Client is not null)
        {
            found.Add(new(BuiltInRules.ClientCertNotRequested,
                $"{outcome.Endpoint} did not ask for a client certificate, so it does not enforce mutual TLS; {Dn.Subject(options.Client.Certificate)} was not sent"));
        }
        found.AddRange(WireChecks.Check(outcome));
        if (outcome.Established) found.Add(new(BuiltInRules.TlsSession, Summary(outcome, options)));
        return found;
    }

    private static string ConnectMessage(ProbeOutcome outcome, ProbeOptions options) => outcome.Failure switch
    {
        ProbeFailure.DnsFailure => $"cannot resolve '{options.Host}': {outcome.FailureDetail}",
        ProbeFailure.ConnectionRefused => $"connection to {outcome.Endpoint} refused: nothing listens on that port (or a firewall rejects it)",
        ProbeFailure.ConnectTimeout => $"no TCP connection to {outcome.Endpoint}: {outcome.FailureDetail} (a firewall may drop the packets)",
        _ => $"cannot connect to {outcome.Endpoint}: {outcome.FailureDetail}",
    };

    private static HandshakeObservation Failure(ProbeOutcome outcome, ProbeOptions options, bool clientUnusable)
    {
        var when = outcome.FailedAfterHandshake ? "after the handshake" : "during the handshake";
        switch (outcome.Failure)
        {
            case ProbeFailure.AlertReceived when outcome.AlertReceived is { } code:
                var alert = AlertCatalog.Explain(code);
                var text = $"{outcome.Endpoint} sent the alert {alert.Label} {when}: {alert.Cause}. Fix: {alert.Fix}";
                if (outcome.ClientCertificateRequested && !outcome.ClientCertificateSent) return Required(outcome, options, $"it answered with the alert {alert.Label}", clientUnusable);
                return outcome.ClientCertificateSent && AlertCatalog.IsAboutCertificate(code)
                    ? new(BuiltInRules.ClientCertRejected, $"{outcome.Endpoint} rejected the client certificate {Dn.Subject(options.Client!.Certificate)} with the alert {alert.Label} {when}: {alert.Cause}. Fix: {alert.Fix}", Consequence: true)
                    : new(BuiltInRules.TlsHandshakeFailed, text);
            case ProbeFailure.ClosedAfterHandshake when !outcome.ClientCertificateSent:
                return Required(outcome, options, "it closed the connection right after the handshake", clientUnusable);
            case ProbeFailure.ClosedAfterHandshake:
                return new(BuiltInRules.ClientCertRejected,
                    $"{outcome.Endpoint} closed the connection right after the handshake without an alert: it probably rejected the client certificate {Dn.Subject(options.Client!.Certificate)}; the server's log names the reason",
                    Consequence: true);
            case ProbeFailure.HandshakeTimeout:
                return new(BuiltInRules.TlsHandshakeFailed, $"{outcome.Endpoint} accepted the TCP connection but {outcome.FailureDetail}: it may not speak TLS on this port, or waits for the client to talk first");
            case ProbeFailure.NotTls:
                return new(BuiltInRules.TlsHandshakeFailed, $"{outcome.Endpoint} does not speak TLS on this port: {outcome.FailureDetail}");
            case ProbeFailure.ClosedByServer:
                return new(BuiltInRules.TlsHandshakeFailed, $"{outcome.Endpoint}: {outcome.FailureDetail}; it may not speak TLS on this port, or rejected the ClientHello (SNI '{options.EffectiveServerName}', --tls)");
            default:
                return new(BuiltInRules.TlsHandshakeFailed, $"the handshake with {outcome.Endpoint} failed: {outcome.FailureDetail}");
        }
    }

    private static HandshakeObservation Required(ProbeOutcome outcome, ProbeOptions options, string reaction, bool clientUnusable)
    {
        var why = clientUnusable ? "the client credential given cannot be used (see the findings on its files)"
            : options.Client is null ? "no client certificate was given"
            : $"the client certificate could not be sent ({outcome.ClientCertificateProblem})";
        return new(BuiltInRules.ClientCertRequired, $"{outcome.Endpoint} requires a client certificate and {why}; {reaction}. Fix: pass --cert/--key or --pkcs12",
            Consequence: clientUnusable);
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

    public static string CaNames(ProbeOutcome outcome) => string.Join("; ", outcome.AcceptedCaNames.Select(Dn.Text));

    private static string Summary(ProbeOutcome outcome, ProbeOptions options)
    {
        var chain = string.Join(" <- ", outcome.ServerCertificates.Select(Dn.CertificateSubject));
        var request = !outcome.ClientCertificateRequested ? "did not request a client certificate"
            : $"requested a client certificate (accepted CAs: {(outcome.AcceptedCaNames.Count == 0 ? "any, none listed" : CaNames(outcome))})"
              + (outcome.ClientCertificateSent ? $" and accepted {Dn.Subject(options.Client!.Certificate)}" : " and went on without one");
        var stapled = outcome.OcspStatus is { } ocsp ? $"; it stapled an OCSP response ({ocsp.Summary})" : "";
        return $"TLS established with {outcome.Endpoint}: {outcome.Protocol}, {outcome.CipherSuite}; the server sent {outcome.ServerCertificates.Count} certificate(s): {chain}; it {request}{stapled}";
    }
}
