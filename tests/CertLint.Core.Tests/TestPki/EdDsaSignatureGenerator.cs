using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Signers;

namespace CertLint.Tests.Pki;

/// <summary>Lets CertificateRequest sign with Ed25519/Ed448 (RFC 8410) through BouncyCastle: the BCL has no EdDSA.</summary>
internal sealed class EdDsaSignatureGenerator(TestKeyType type, AsymmetricKeyParameter privateKey, PublicKey publicKey) : X509SignatureGenerator
{
    public const string Ed25519Oid = "1.3.101.112";
    public const string Ed448Oid = "1.3.101.113";

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        // RFC 8410 §3: the parameters MUST be absent.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(type == TestKeyType.Ed25519 ? Ed25519Oid : Ed448Oid);
        }
        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        ISigner signer = type == TestKeyType.Ed25519 ? new Ed25519Signer() : new Ed448Signer([]);
        signer.Init(true, privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    protected override PublicKey BuildPublicKey() => publicKey;
}
