using CertLint.Endpoints;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Tls;

/// <summary>Turns the raw facts of a probe into observations, one per CL06xx rule that applies.</summary>
public static class HandshakeAnalyzer
{
    public static IReadOnlyList<HandshakeObservation> Analyze(ProbeOutcome outcome, ProbeOptions options, X509Certificate2Collection? trust, string? hostName, DateTimeOffset now)
    {
        var found = new List<HandshakeObservation>();
        if (options.Client is not null) found.AddRange(ClientCertificateCheck.Check(options.Client, now));
        if (!outcome.Connected)
        {
            found.Add(new(RuleIds.TlsConnectFailed, ConnectMessage(outcome, options)));
            return found;
        }
        found.AddRange(PeerChainCheck.Check(outcome.ServerCertificates, trust, Oids.ServerAuth, "server", hostName, now).Select(ServerObservation));
        if (outcome.ClientCertificateRequested && options.Client is not null && outcome.AcceptedCaNames.Count > 0 && !ChainsToAcceptedCa(options.Client, outcome.AcceptedCaNames))
        {
            found.Add(new(RuleIds.ClientCaNotAccepted,
                $"the client certificate '{options.Client.Certificate.Subject}' (issuer '{options.Client.Certificate.Issuer}') does not chain to any CA the server accepts: {CaNames(outcome)}"));
        }
        if (outcome.Failure != ProbeFailure.None) found.Add(Failure(outcome, options));
        else if (!outcome.ClientCertificateRequested && options.Client is not null)
        {
            found.Add(new(RuleIds.ClientCertNotRequested,
                $"{outcome.Endpoint} did not ask for a client certificate, so it does not enforce mutual TLS; '{options.Client.Certificate.Subject}' was not sent"));
        }
        if (outcome.Established) found.Add(new(RuleIds.TlsSession, Summary(outcome, options)));
        return found;
    }

    private static HandshakeObservation ServerObservation(ChainProblem p) => new(p.Kind switch
    {
        ChainProblemKind.Incomplete => RuleIds.ServerChainIncomplete,
        ChainProblemKind.Untrusted => RuleIds.ServerUntrusted,
        ChainProblemKind.Expired => RuleIds.ServerCertExpired,
        ChainProblemKind.HostnameMismatch => RuleIds.ServerHostnameMismatch,
        _ => RuleIds.ServerEkuMissing,
    }, p.Message);

    private static string ConnectMessage(ProbeOutcome outcome, ProbeOptions options) => outcome.Failure switch
    {
        ProbeFailure.DnsFailure => $"cannot resolve '{options.Host}': {outcome.FailureDetail}",
        ProbeFailure.ConnectionRefused => $"connection to {outcome.Endpoint} refused: nothing listens on that port (or a firewall rejects it)",
        ProbeFailure.ConnectTimeout => $"no TCP connection to {outcome.Endpoint}: {outcome.FailureDetail} (a firewall may drop the packets)",
        _ => $"cannot connect to {outcome.Endpoint}: {outcome.FailureDetail}",
    };

    private static HandshakeObservation Failure(ProbeOutcome outcome, ProbeOptions options)
    {
        var when = outcome.FailedAfterHandshake ? "after the handshake" : "during the handshake";
        switch (outcome.Failure)
        {
            case ProbeFailure.AlertReceived when outcome.AlertReceived is { } code:
                var alert = AlertCatalog.Explain(code);
                var text = $"{outcome.Endpoint} sent the alert {alert.Label} {when}: {alert.Cause}. Fix: {alert.Fix}";
                if (outcome.ClientCertificateRequested && !outcome.ClientCertificateSent) return Required(outcome, options, $"it answered with the alert {alert.Label}");
                return outcome.ClientCertificateSent && AlertCatalog.IsAboutCertificate(code)
                    ? new(RuleIds.ClientCertRejected, $"{outcome.Endpoint} rejected the client certificate '{options.Client!.Certificate.Subject}' with the alert {alert.Label} {when}: {alert.Cause}. Fix: {alert.Fix}")
                    : new(RuleIds.TlsHandshakeFailed, text);
            case ProbeFailure.ClosedAfterHandshake when !outcome.ClientCertificateSent:
                return Required(outcome, options, "it closed the connection right after the handshake");
            case ProbeFailure.ClosedAfterHandshake:
                return new(RuleIds.ClientCertRejected,
                    $"{outcome.Endpoint} closed the connection right after the handshake without an alert: it probably rejected the client certificate '{options.Client?.Certificate.Subject}'; the server's log names the reason");
            case ProbeFailure.HandshakeTimeout:
                return new(RuleIds.TlsHandshakeFailed, $"{outcome.Endpoint} accepted the TCP connection but {outcome.FailureDetail}: it may not speak TLS on this port, or waits for the client to talk first");
            case ProbeFailure.NotTls:
                return new(RuleIds.TlsHandshakeFailed, $"{outcome.Endpoint} does not speak TLS on this port: {outcome.FailureDetail}");
            case ProbeFailure.ClosedByServer:
                return new(RuleIds.TlsHandshakeFailed, $"{outcome.Endpoint}: {outcome.FailureDetail}; it may not speak TLS on this port, or rejected the ClientHello (SNI '{options.EffectiveServerName}', --tls)");
            default:
                return new(RuleIds.TlsHandshakeFailed, $"the handshake with {outcome.Endpoint} failed: {outcome.FailureDetail}");
        }
    }

    private static HandshakeObservation Required(ProbeOutcome outcome, ProbeOptions options, string reaction)
    {
        var why = options.Client is null ? "no client certificate was given" : $"the client certificate could not be sent ({outcome.ClientCertificateProblem})";
        return new(RuleIds.ClientCertRequired, $"{outcome.Endpoint} requires a client certificate and {why}; {reaction}. Fix: pass --cert/--key or --pkcs12");
    }

    /// <summary>Our leaf's issuer, or any name in the chain we send, equals a name the server listed.</summary>
    public static bool ChainsToAcceptedCa(ClientCredential client, IReadOnlyList<byte[]> acceptedNames)
    {
        var ours = new List<X500DistinguishedName> { client.Certificate.IssuerName };
        foreach (var c in client.Chain)
        {
            ours.Add(c.SubjectName);
            ours.Add(c.IssuerName);
        }
        var accepted = acceptedNames.Select(n => new X500DistinguishedName(n)).ToList();
        return ours.Any(o => accepted.Any(a => a.RawData.AsSpan().SequenceEqual(o.RawData) ||
            string.Equals(a.Name, o.Name, StringComparison.OrdinalIgnoreCase)));
    }

    public static string CaNames(ProbeOutcome outcome) =>
        string.Join("; ", outcome.AcceptedCaNames.Select(n => $"'{new X500DistinguishedName(n).Name}'"));

    private static string Summary(ProbeOutcome outcome, ProbeOptions options)
    {
        var chain = string.Join(" <- ", outcome.ServerCertificates.Select(d =>
        {
            using var c = X509CertificateLoader.LoadCertificate(d);
            return $"'{c.Subject}'";
        }));
        var request = !outcome.ClientCertificateRequested ? "did not request a client certificate"
            : $"requested a client certificate (accepted CAs: {(outcome.AcceptedCaNames.Count == 0 ? "any, none listed" : CaNames(outcome))})"
              + (outcome.ClientCertificateSent ? $" and accepted '{options.Client?.Certificate.Subject}'" : " and went on without one");
        return $"TLS established with {outcome.Endpoint}: {outcome.Protocol}, {outcome.CipherSuite}; the server sent {outcome.ServerCertificates.Count} certificate(s): {chain}; it {request}";
    }
}
