using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using HashAlgorithm = Org.BouncyCastle.Tls.HashAlgorithm;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CertLint.Tls;

/// <summary>Builds BouncyCastle signing credentials from a client credential, for the server's CertificateRequest.</summary>
internal static class ClientSignerFactory
{
    public static TlsCredentialedSigner? Create(TlsClientContext context, ClientCredential credential, CertificateRequest request, out string? problem)
    {
        problem = null;
        var crypto = (BcTlsCrypto)context.Crypto;
        var pkcs8 = credential.ExportPkcs8();
        AsymmetricKeyParameter key;
        try
        {
            key = PrivateKeyFactory.CreateKey(pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }

        var tls13 = TlsUtilities.IsTlsV13(context);
        var algorithm = Choose(key, request.SupportedSignatureAlgorithms, tls13);
        if (algorithm is null)
        {
            problem = "the server accepts no signature algorithm that the client key can make";
            return null;
        }

        var der = new List<byte[]> { credential.Certificate.RawData };
        der.AddRange(credential.Chain.Select(c => c.RawData));
        var tlsCerts = der.Select(d => crypto.CreateCertificate(d)).ToArray();
        var certificate = tls13
            ? new Certificate(request.GetCertificateRequestContext(), tlsCerts.Select(c => new CertificateEntry(c, null)).ToArray())
            : new Certificate(tlsCerts);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, certificate, algorithm);
    }

    /// <summary>The first algorithm the server lists that this key can sign with (RSA-PSS in TLS 1.3, as it requires).</summary>
    private static SignatureAndHashAlgorithm? Choose(AsymmetricKeyParameter key, IList<SignatureAndHashAlgorithm>? offered, bool tls13)
    {
        offered ??= [SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
                     SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa)];
        foreach (var a in offered)
        {
            if (Fits(key, a, tls13)) return a;
        }
        return null;
    }

    private static bool Fits(AsymmetricKeyParameter key, SignatureAndHashAlgorithm a, bool tls13) => key switch
    {
        RsaKeyParameters => a.Signature == SignatureAlgorithm.rsa_pss_rsae_sha256 || a.Signature == SignatureAlgorithm.rsa_pss_rsae_sha384
            || a.Signature == SignatureAlgorithm.rsa_pss_rsae_sha512 || (!tls13 && a.Signature == SignatureAlgorithm.rsa && a.Hash >= HashAlgorithm.sha256),
        ECPrivateKeyParameters ec => a.Signature == SignatureAlgorithm.ecdsa && (!tls13 ? a.Hash >= HashAlgorithm.sha256 : a.Hash == CurveHash(ec)),
        _ => false,
    };

    /// <summary>TLS 1.3 ties the ECDSA hash to the curve (ecdsa_secp256r1_sha256...).</summary>
    private static short CurveHash(ECPrivateKeyParameters ec) => ec.Parameters.Curve.FieldSize switch
    {
        <= 256 => HashAlgorithm.sha256,
        <= 384 => HashAlgorithm.sha384,
        _ => HashAlgorithm.sha512,
    };
}
