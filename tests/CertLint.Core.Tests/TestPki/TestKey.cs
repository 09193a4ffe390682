using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace CertLint.Tests.Pki;

/// <summary>Key algorithms the test PKI can make. EC P-256 is the default: it is fast to generate.</summary>
public enum TestKeyType
{
    EcP256,
    EcP384,
    EcP521,
    Rsa,
    Ed25519,
    Ed448,
    /// <summary>DSA 2048/256 (slow to generate: a second or more).</summary>
    Dsa,
    MlDsa44,
    MlDsa65,
    MlDsa87,
    /// <summary>SLH-DSA (RFC 9909) fast variants: the small ones take seconds to generate and sign.</summary>
    SlhDsaSha2_128f,
    SlhDsaShake_128f,
    SlhDsaSha2_192f,
    /// <summary>ML-KEM-768 (RFC 9935): a subject key only; it cannot sign.</summary>
    MlKem768,
    /// <summary>X25519 / X448 (RFC 8410): key agreement subject keys only; they cannot sign.</summary>
    X25519,
    X448,
}

/// <summary>How <see cref="TestKey.ToPem"/> encodes a private key.</summary>
public enum KeyFileFormat
{
    /// <summary>-----BEGIN PRIVATE KEY-----</summary>
    Pkcs8,
    /// <summary>-----BEGIN RSA PRIVATE KEY----- / -----BEGIN EC PRIVATE KEY-----</summary>
    Traditional,
    /// <summary>-----BEGIN ENCRYPTED PRIVATE KEY----- (needs a password)</summary>
    EncryptedPkcs8,
    /// <summary>-----BEGIN PUBLIC KEY-----: the public half only.</summary>
    PublicKey,
}

/// <summary>
/// A key pair for test certificates. RSA and EC keys are BCL objects (CertificateRequest signs with them);
/// Ed25519/Ed448, ML-DSA and SLH-DSA keys are BouncyCastle ones, signed through <see cref="BouncyCastleSignatureGenerator"/>
/// because the BCL has no EdDSA and its ML-DSA needs OpenSSL 3.5.
/// </summary>
public sealed class TestKey
{
    private readonly AsymmetricKeyParameter? _bcPrivate;
    private readonly AsymmetricKeyParameter? _bcPublic;

    private TestKey(TestKeyType type, AsymmetricAlgorithm? bcl, AsymmetricKeyParameter? bcPrivate, AsymmetricKeyParameter? bcPublic)
    {
        Type = type;
        Bcl = bcl;
        _bcPrivate = bcPrivate;
        _bcPublic = bcPublic;
    }

    public TestKeyType Type { get; }

    /// <summary>The BCL key (RSA or ECDsa), null for EdDSA.</summary>
    public AsymmetricAlgorithm? Bcl { get; }

    public static TestKey Create(TestKeyType type, int rsaBits = 2048) => type switch
    {
        TestKeyType.EcP256 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP256), null, null),
        TestKeyType.EcP384 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP384), null, null),
        TestKeyType.EcP521 => new(type, ECDsa.Create(ECCurve.NamedCurves.nistP521), null, null),
        TestKeyType.Rsa => new(type, RSA.Create(rsaBits), null, null),
        TestKeyType.Dsa => new(type, DSA.Create(2048), null, null),
        TestKeyType.Ed25519 => Generate(type, new Ed25519KeyPairGenerator(), new Ed25519KeyGenerationParameters(new SecureRandom())),
        TestKeyType.Ed448 => Generate(type, new Ed448KeyPairGenerator(), new Ed448KeyGenerationParameters(new SecureRandom())),
        TestKeyType.MlDsa44 => Generate(type, new MLDsaKeyPairGenerator(), new MLDsaKeyGenerationParameters(new SecureRandom(), MLDsaParameters.ml_dsa_44)),
        TestKeyType.MlDsa65 => Generate(type, new MLDsaKeyPairGenerator(), new MLDsaKeyGenerationParameters(new SecureRandom(), MLDsaParameters.ml_dsa_65)),
        TestKeyType.MlDsa87 => Generate(type, new MLDsaKeyPairGenerator(), new MLDsaKeyGenerationParameters(new SecureRandom(), MLDsaParameters.ml_dsa_87)),
        TestKeyType.SlhDsaSha2_128f => Generate(type, new SlhDsaKeyPairGenerator(), new SlhDsaKeyGenerationParameters(new SecureRandom(), SlhDsaParameters.slh_dsa_sha2_128f)),
        TestKeyType.SlhDsaShake_128f => Generate(type, new SlhDsaKeyPairGenerator(), new SlhDsaKeyGenerationParameters(new SecureRandom(), SlhDsaParameters.slh_dsa_shake_128f)),
        TestKeyType.SlhDsaSha2_192f => Generate(type, new SlhDsaKeyPairGenerator(), new SlhDsaKeyGenerationParameters(new SecureRandom(), SlhDsaParameters.slh_dsa_sha2_192f)),
        TestKeyType.MlKem768 => Generate(type, new MLKemKeyPairGenerator(), new MLKemKeyGenerationParameters(new SecureRandom(), MLKemParameters.ml_kem_768)),
        TestKeyType.X25519 => Generate(type, new X25519KeyPairGenerator(), new X25519KeyGenerationParameters(new SecureRandom())),
        TestKeyType.X448 => Generate(type, new X448KeyPairGenerator(), new X448KeyGenerationParameters(new SecureRandom())),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// A DSA key with the domain parameters (p, q, g) of <paramref name="other"/>: a subject key whose certificate may
    /// leave the parameters out and inherit them from its issuer (RFC 3279 §2.3.2).
    /// </summary>
    public static TestKey DsaSharingParameters(TestKey other)
    {
        var domain = ((DSA)other.Bcl!).ExportParameters(false);
        static System.Numerics.BigInteger Unsigned(byte[] bytes) => new(bytes, isUnsigned: true, isBigEndian: true);
        static byte[] Fixed(System.Numerics.BigInteger value, int length)
        {
            var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            return [.. new byte[length - bytes.Length], .. bytes];
        }
        var q = Unsigned(domain.Q!);
        var x = Unsigned(RandomNumberGenerator.GetBytes(domain.Q!.Length)) % (q - 1) + 1;
        var y = System.Numerics.BigInteger.ModPow(Unsigned(domain.G!), x, Unsigned(domain.P!));
        domain.X = Fixed(x, domain.Q.Length);
        domain.Y = Fixed(y, domain.P!.Length);
        return new TestKey(TestKeyType.Dsa, DSA.Create(domain), null, null);
    }

    private static TestKey Generate(TestKeyType type, IAsymmetricCipherKeyPairGenerator generator, KeyGenerationParameters parameters)
    {
        generator.Init(parameters);
        var pair = generator.GenerateKeyPair();
        return new(type, null, pair.Private, pair.Public);
    }

    /// <summary>Whether this is an ML-DSA key.</summary>
    public bool IsMlDsa => Type is TestKeyType.MlDsa44 or TestKeyType.MlDsa65 or TestKeyType.MlDsa87;

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public byte[] SubjectPublicKeyInfo =>
        Bcl?.ExportSubjectPublicKeyInfo() ?? SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(_bcPublic).GetDerEncoded();

    /// <summary>SHA-256 of the SPKI, lower-case hex: what the model's PublicKeyInfo.Sha256 should be.</summary>
    public string SpkiSha256 => Convert.ToHexStringLower(SHA256.HashData(SubjectPublicKeyInfo));

    public PublicKey PublicKey => PublicKey.CreateFromSubjectPublicKeyInfo(SubjectPublicKeyInfo, out _);

    /// <summary>A signature generator for CertificateRequest.Create.</summary>
    public X509SignatureGenerator SignatureGenerator(HashAlgorithmName hash, bool rsaPss = false) => Bcl switch
    {
        DSA dsa => new DsaSignatureGenerator(dsa),
        not null when !rsaPss && LegacySignatureGenerator.Handles(hash) => new LegacySignatureGenerator(Bcl, PublicKey),
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, rsaPss ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        _ => new BouncyCastleSignatureGenerator(Type, _bcPrivate!, PublicKey),
    };

    /// <summary>The hash a certificate signed with this key uses by default.</summary>
    public HashAlgorithmName DefaultHash => Type switch
    {
        TestKeyType.EcP384 => HashAlgorithmName.SHA384,
        TestKeyType.EcP521 => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>PEM text of the key in the given format.</summary>
    public string ToPem(KeyFileFormat format = KeyFileFormat.Pkcs8, string? password = null)
    {
        if (format == KeyFileFormat.PublicKey) return PemEncoding.WriteString("PUBLIC KEY", SubjectPublicKeyInfo) + "\n";
        if (format == KeyFileFormat.EncryptedPkcs8)
        {
            ArgumentNullException.ThrowIfNull(password);
            var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048);
            return PemEncoding.WriteString("ENCRYPTED PRIVATE KEY", ExportPkcs8(password, pbe)) + "\n";
        }
        return Bcl switch
        {
            RSA rsa when format == KeyFileFormat.Traditional => rsa.ExportRSAPrivateKeyPem() + "\n",
            ECDsa ec when format == KeyFileFormat.Traditional => ec.ExportECPrivateKeyPem() + "\n",
            _ => PemEncoding.WriteString("PRIVATE KEY", ExportPkcs8()) + "\n",
        };
    }

    /// <summary>Unencrypted PKCS#8 DER.</summary>
    public byte[] ExportPkcs8() => Bcl?.ExportPkcs8PrivateKey() ?? PrivateKeyInfoFactory.CreatePrivateKeyInfo(_bcPrivate).GetDerEncoded();

    /// <summary>Unencrypted PKCS#8 DER of an ML-DSA key in one of RFC 9881 §6's private key forms (seed, expandedKey, both).</summary>
    public byte[] ExportMlDsaPkcs8(MLDsaPrivateKeyParameters.Format format) =>
        PrivateKeyInfoFactory.CreatePrivateKeyInfo(((MLDsaPrivateKeyParameters)_bcPrivate!).WithPreferredFormat(format)).GetDerEncoded();

    public byte[] ExportMlKemPkcs8(MLKemPrivateKeyParameters.Format format) =>
        PrivateKeyInfoFactory.CreatePrivateKeyInfo(((MLKemPrivateKeyParameters)_bcPrivate!).WithPreferredFormat(format)).GetDerEncoded();

    // Pkcs8PrivateKeyInfo re-encrypts any PKCS#8 blob, whatever the algorithm.
    private byte[] ExportPkcs8(string password, PbeParameters pbe) =>
        System.Security.Cryptography.Pkcs.Pkcs8PrivateKeyInfo.Decode(ExportPkcs8(), out _).Encrypt(password, pbe);
}
