using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace CertLint.Tests.Pki;

/// <summary>
/// Lets CertificateRequest sign with Ed25519/Ed448 (RFC 8410) ML-DSA (RFC 9881) and SLH-DSA (RFC 9909) through BouncyCastle: the BCL has
/// no EdDSA, and its ML-DSA needs OpenSSL 3.5.
/// </summary>
internal sealed class BouncyCastleSignatureGenerator(TestKeyType type, AsymmetricKeyParameter privateKey, PublicKey publicKey) : X509SignatureGenerator
{
    public const string Ed25519Oid = "1.3.101.112";
    public const string Ed448Oid = "1.3.101.113";

    public static string Oid(TestKeyType type) => type switch
    {
        TestKeyType.Ed25519 => Ed25519Oid,
        TestKeyType.Ed448 => Ed448Oid,
        TestKeyType.MlDsa44 => "2.16.840.1.101.3.4.3.17",
        TestKeyType.MlDsa65 => "2.16.840.1.101.3.4.3.18",
        TestKeyType.MlDsa87 => "2.16.840.1.101.3.4.3.19",
        TestKeyType.SlhDsaSha2_128f => "2.16.840.1.101.3.4.3.21",
        TestKeyType.SlhDsaShake_128f => "2.16.840.1.101.3.4.3.27",
        TestKeyType.SlhDsaSha2_192f => "2.16.840.1.101.3.4.3.23",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        // RFC 8410 §3, RFC 9881 §3, RFC 9909 §4: the parameters MUST be absent.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oid(type));
        }
        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm)
    {
        ISigner signer = type switch
        {
            TestKeyType.Ed25519 => new Ed25519Signer(),
            TestKeyType.Ed448 => new Ed448Signer([]),
            // Pure SLH-DSA and ML-DSA with the empty context (RFC 9909 §1, RFC 9881 §3).
            _ when privateKey is SlhDsaPrivateKeyParameters slh => new SlhDsaSigner(slh.Parameters, deterministic: true),
            _ => new MLDsaSigner(((MLDsaPrivateKeyParameters)privateKey).Parameters, deterministic: true),
        };
        signer.Init(true, privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    protected override PublicKey BuildPublicKey() => publicKey;
}
