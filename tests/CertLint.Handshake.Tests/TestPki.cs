using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Certificates made at test time with CertificateRequest. TLS peers judge validity by the real clock, so validity
/// is relative to now (now-1d .. now+30d) unless a test asks for an expired one.
/// </summary>
internal static class TestPki
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    public static X509Certificate2 Root(string name) => Make($"CN={name}", null, ca: true);

    public static X509Certificate2 Intermediate(string name, X509Certificate2 issuer) => Make($"CN={name}", issuer, ca: true);

    public static X509Certificate2 Server(X509Certificate2 issuer, string dns = "localhost", string eku = ServerAuth) =>
        Make($"CN={dns}", issuer, ca: false, eku: eku, dns: dns, ip: IPAddress.Loopback);

    public static X509Certificate2 Client(X509Certificate2 issuer, string name = "client.acme.test", string eku = ClientAuth, bool expired = false, bool rsa = false) =>
        Make($"CN={name}", issuer, ca: false, eku: eku, expired: expired, rsa: rsa);

    private static X509Certificate2 Make(string subject, X509Certificate2? issuer, bool ca, string? eku = null, string? dns = null,
        IPAddress? ip = null, bool expired = false, bool rsa = false)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new CertificateRequest(subject, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature | (rsa ? X509KeyUsageFlags.KeyEncipherment : 0), true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (eku is not null) request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        if (dns is not null || ip is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            if (dns is not null) san.AddDnsName(dns);
            if (ip is not null) san.AddIpAddress(ip);
            request.CertificateExtensions.Add(san.Build());
        }
        var now = DateTimeOffset.UtcNow;
        var (from, to) = expired ? (now.AddDays(-30), now.AddDays(-1)) : (now.AddDays(-1), now.AddDays(30));
        if (issuer is null) return request.CreateSelfSigned(from, to);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issuerKey = (AsymmetricAlgorithm?)issuer.GetECDsaPrivateKey() ?? issuer.GetRSAPrivateKey()!;
        var generator = issuerKey is ECDsa e ? X509SignatureGenerator.CreateForECDsa(e) : X509SignatureGenerator.CreateForRSA((RSA)issuerKey, RSASignaturePadding.Pkcs1);
        using var cert = request.Create(issuer.SubjectName, generator, from, to, serial);
        return key is RSA rk ? cert.CopyWithPrivateKey(rk) : cert.CopyWithPrivateKey((ECDsa)key);
    }

    /// <summary>Writes a certificate (and its key when it has one) as PEM; returns (cert path, key path).</summary>
    public static (string Cert, string Key) WritePem(string dir, string name, X509Certificate2 cert, params X509Certificate2[] chain)
    {
        var certPath = Path.Combine(dir, name + ".crt");
        File.WriteAllText(certPath, string.Concat(new[] { cert }.Concat(chain).Select(c => c.ExportCertificatePem() + "\n")));
        var keyPath = Path.Combine(dir, name + ".key");
        if (cert.HasPrivateKey)
        {
            using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)cert.GetECDsaPrivateKey() ?? cert.GetRSAPrivateKey()!;
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }
        return (certPath, keyPath);
    }
}
