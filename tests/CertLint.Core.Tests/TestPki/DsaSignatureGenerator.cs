using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tests.Pki;

/// <summary>Lets CertificateRequest sign with DSA (dsa-with-SHA1/SHA256), which the BCL has no generator for.</summary>
internal sealed class DsaSignatureGenerator(DSA key) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(hashAlgorithm == HashAlgorithmName.SHA1 ? "1.2.840.10040.4.3" : "2.16.840.1.101.3.4.3.2");
        }
        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        key.SignData(data, hashAlgorithm == HashAlgorithmName.SHA1 ? hashAlgorithm : HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    protected override PublicKey BuildPublicKey() => PublicKey.CreateFromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
}
