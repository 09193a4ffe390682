using CertLint.Endpoints;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Tls;

/// <summary>
/// What a server will check about our client certificate before we even connect: validity now and the clientAuth EKU.
/// (The key match is proven when the credential loads.)
/// </summary>
public static class ClientCertificateCheck
{
    public static IEnumerable<HandshakeObservation> Check(ClientCredential client, DateTimeOffset now)
    {
        var c = client.Certificate;
        if (CertificateFacts.ValidityProblem(c, now) is { } problem)
            yield return new(RuleIds.ClientCertUnusable, $"the client certificate '{c.Subject}' ({client.Source}) {problem}");
        if (!CertificateFacts.AllowsPurpose(c, Oids.ClientAuth, out var listed))
            yield return new(RuleIds.ClientCertUnusable, $"the client certificate '{c.Subject}' ({client.Source}) has extendedKeyUsage {string.Join(", ", listed)} without clientAuth, so servers answer unsupported_certificate");
    }
}
