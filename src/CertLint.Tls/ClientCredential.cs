using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tls;

/// <summary>
/// A certificate with its private key, plus the intermediates to send after it. The key stays in memory only;
/// nothing here is ever printed.
/// </summary>
public sealed class ClientCredential : IDisposable
{
    public ClientCredential(X509Certificate2 certificate, X509Certificate2Collection chain, string source)
    {
        if (!certificate.HasPrivateKey) throw new ArgumentException("The certificate has no private key.", nameof(certificate));
        Certificate = certificate;
        Chain = chain;
        Source = source;
    }

    /// <summary>The leaf, with its private key attached.</summary>
    public X509Certificate2 Certificate { get; }
    /// <summary>Certificates to send after the leaf (intermediates), in file order.</summary>
    public X509Certificate2Collection Chain { get; }
    /// <summary>Where it was loaded from, for messages.</summary>
    public string Source { get; }

    /// <summary>The private key as PKCS#8 DER, for the BouncyCastle TLS stack. Callers must clear it after use.</summary>
    internal byte[] ExportPkcs8()
    {
        AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)Certificate.GetRSAPrivateKey()
            ?? (AsymmetricAlgorithm?)Certificate.GetECDsaPrivateKey()
            ?? throw new CryptographicException("Only RSA and ECDSA client keys are supported.");
        using (key)
        {
            return key.ExportPkcs8PrivateKey();
        }
    }

    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Chain) c.Dispose();
    }
}
