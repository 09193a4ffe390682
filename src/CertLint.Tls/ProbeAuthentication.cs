using Org.BouncyCastle.Tls;

namespace CertLint.Tls;

/// <summary>Records the server's certificates and CertificateRequest, and answers it with the client credential.</summary>
internal sealed class ProbeAuthentication : TlsAuthentication
{
    private readonly ProbeTlsClient _client;
    private readonly ClientCredential? _credential;
    private readonly ProbeOutcome _outcome;

    public ProbeAuthentication(ProbeTlsClient client, ClientCredential? credential, ProbeOutcome outcome)
    {
        _client = client;
        _credential = credential;
        _outcome = outcome;
    }

    public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
    {
        var list = serverCertificate.Certificate.GetCertificateList();
        _outcome.ServerCertificates = list.Select(c => c.GetEncoded()).ToList();
        if ((serverCertificate.CertificateStatus ?? Tls13Staple(serverCertificate.Certificate)) is { StatusType: CertificateStatusType.ocsp } status
            && list.Length > 0)
        {
            _outcome.OcspStaple = status.OcspResponse.GetEncoded();
        }
    }

    /// <summary>
    /// TLS 1.3 carries the staple in the leaf's CertificateEntry as a status_request extension holding a
    /// CertificateStatus (RFC 8446 §4.4.2.1); null when there is none or it does not parse.
    /// </summary>
    private CertificateStatus? Tls13Staple(Certificate certificate)
    {
        if (certificate.IsEmpty || certificate.GetCertificateEntryAt(0).Extensions is not { } extensions
            || !extensions.TryGetValue(ExtensionType.status_request, out var body))
        {
            return null;
        }
        try
        {
            return CertificateStatus.Parse(_client.Context, new MemoryStream(body, writable: false));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public TlsCredentials? GetClientCredentials(CertificateRequest certificateRequest)
    {
        _outcome.ClientCertificateRequested = true;
        _outcome.AcceptedCaNames = certificateRequest.CertificateAuthorities?.Select(n => n.GetEncoded()).ToList() ?? [];
        if (_credential is null) return null;
        var signer = ClientSignerFactory.Create(_client.Context, _credential, certificateRequest, out var problem);
        _outcome.ClientCertificateProblem = problem;
        _outcome.ClientCertificateSent = signer is not null;
        return signer;
    }
}
