using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>
/// Signs with SHA-1 or MD5 (RSA PKCS#1) and SHA-1 (ECDSA), which the BCL's generators refuse: weak-signature tests need them.
/// </summary>
internal sealed class LegacySignatureGenerator(AsymmetricAlgorithm key, PublicKey publicKey) : X509SignatureGenerator
{
    public static bool Handles(HashAlgorithmName hash) => hash == HashAlgorithmName.SHA1 || hash == HashAlgorithmName.MD5;

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            if (key is RSA)
            {
                writer.WriteObjectIdentifier(hashAlgorithm == HashAlgorithmName.MD5 ? "1.2.840.113549.1.1.4" : "1.2.840.113549.1.1.5");
                writer.WriteNull();
            }
            else
            {
                if (hashAlgorithm != HashAlgorithmName.SHA1) throw new NotSupportedException($"ECDSA with {hashAlgorithm}");
                writer.WriteObjectIdentifier("1.2.840.10045.4.1");
            }
        }
        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => key switch
    {
        RSA rsa => rsa.SignData(data, hashAlgorithm, RSASignaturePadding.Pkcs1),
        ECDsa ec => ec.SignData(data, hashAlgorithm, DSASignatureFormat.Rfc3279DerSequence),
        _ => throw new NotSupportedException(key.GetType().Name),
    };

    protected override PublicKey BuildPublicKey() => publicKey;
}
