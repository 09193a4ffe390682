using System.Formats.Asn1;
using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace CertLint.Inventory.Signatures;

/// <summary>
/// An issuer's public key, imported once and shared by every verification with it. RSA and EC use the BCL (OpenSSL,
/// fast, safe for concurrent verification); EdDSA, DSA, ML-DSA, SLH-DSA and the rare hashes/PSS parameters the BCL cannot do use
/// BouncyCastle (the BCL's ML-DSA needs OpenSSL 3.5).
/// </summary>
internal sealed class IssuerKey
{
    private readonly PublicKeyInfo _info;
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;
    private readonly Lazy<AsymmetricKeyParameter?> _bc;

    private IssuerKey(PublicKeyInfo info, RSA? rsa, ECDsa? ec)
    {
        _info = info;
        _rsa = rsa;
        _ec = ec;
        _bc = new Lazy<AsymmetricKeyParameter?>(ImportBouncyCastle);
    }

    public static IssuerKey Import(PublicKeyInfo info)
    {
        RSA? rsa = null;
        ECDsa? ec = null;
        try
        {
            if (info.Algorithm is KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss)
            {
                // ImportSubjectPublicKeyInfo rejects the id-RSASSA-PSS key OID; the RSAPublicKey inside is the same.
                rsa = RSA.Create();
                rsa.ImportRSAPublicKey(SubjectPublicKeyBits(info.Spki), out _);
            }
            else if (info.Algorithm == KeyAlgorithm.Ec)
            {
                ec = ECDsa.Create();
                ec.ImportSubjectPublicKeyInfo(info.Spki.Span, out _);
            }
        }
        catch (Exception)
        {
            // e.g. an explicit curve OpenSSL refuses, or a malformed key: BouncyCastle gets a try (and may fail in turn).
            rsa = null;
            ec = null;
        }
        return new IssuerKey(info, rsa, ec);
    }

    /// <summary>Whether a signature of this kind can have been made by this kind of key at all.</summary>
    public bool Accepts(SignatureScheme scheme) => (scheme.Kind, _info.Algorithm) switch
    {
        // RFC 9881 §2, RFC 9909 §4: one OID names the key and the signature, so an ML-DSA-65 signature comes only from an ML-DSA-65 key.
        (SchemeKind.PostQuantum, KeyAlgorithm.MlDsa or KeyAlgorithm.SlhDsa) => scheme.PqSet!.Oid == _info.AlgorithmOid,
        (SchemeKind.RsaPkcs1, KeyAlgorithm.Rsa) => true,
        (SchemeKind.RsaPss, KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss) => true,
        (SchemeKind.Ecdsa, KeyAlgorithm.Ec) => true,
        (SchemeKind.Dsa, KeyAlgorithm.Dsa) => true,
        (SchemeKind.Ed25519, KeyAlgorithm.Ed25519) => true,
        (SchemeKind.Ed448, KeyAlgorithm.Ed448) => true,
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="signature"/> over <paramref name="data"/> verifies. Throws <see cref="NotSupportedException"/>
    /// when the key cannot be used (the signature is then unverifiable, not wrong).
    /// </summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, SignatureScheme scheme)
    {
        var bclHash = scheme.Hash is null ? null : Digests.Bcl(scheme.Hash);
        try
        {
            switch (scheme.Kind)
            {
                case SchemeKind.RsaPkcs1 when _rsa is not null && bclHash is { } h:
                    return _rsa.VerifyData(data, signature, h, RSASignaturePadding.Pkcs1);
                // The BCL's PSS uses MGF1 with the message hash and a salt as long as the hash: anything else goes to BouncyCastle.
                case SchemeKind.RsaPss when _rsa is not null && bclHash is { } h
                        && scheme.MgfHash == scheme.Hash && scheme.SaltLength == Digests.Length(scheme.Hash!):
                    return _rsa.VerifyData(data, signature, h, RSASignaturePadding.Pss);
                case SchemeKind.Ecdsa when _ec is not null:
                    return _ec.VerifyHash(Digests.Compute(scheme.Hash!, data), signature, DSASignatureFormat.Rfc3279DerSequence);
            }
        }
        catch (CryptographicException)
        {
            return false; // a malformed signature value does not verify
        }
        return VerifyBouncyCastle(data, signature, scheme);
    }

    private bool VerifyBouncyCastle(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, SignatureScheme scheme)
    {
        var key = _bc.Value ?? throw new NotSupportedException($"cannot import the issuer's {_info.Label} public key");
        // A signature of the wrong size is wrong: checked before BouncyCastle decodes it.
        if (scheme.PqSet is { } set && signature.Length != set.SignatureLength) return false;
        ISigner signer = scheme.Kind switch
        {
            // Pure mode, the empty context string (RFC 9881 §3, RFC 9909 §1).
            SchemeKind.PostQuantum => scheme.PqSet!.Verifier(),
            SchemeKind.Ed25519 => new Ed25519Signer(),
            SchemeKind.Ed448 => new Ed448Signer([]),
            SchemeKind.Dsa => new DsaDigestSigner(new DsaSigner(), DigestUtilities.GetDigest(scheme.Hash!)),
            SchemeKind.Ecdsa => new DsaDigestSigner(new ECDsaSigner(), DigestUtilities.GetDigest(scheme.Hash!)),
            SchemeKind.RsaPkcs1 => new RsaDigestSigner(DigestUtilities.GetDigest(scheme.Hash!)),
            _ => new PssSigner(new RsaEngine(), DigestUtilities.GetDigest(scheme.Hash!), DigestUtilities.GetDigest(scheme.MgfHash!), scheme.SaltLength),
        };
        try
        {
            signer.Init(false, key);
            signer.BlockUpdate(data);
            return signer.VerifySignature(signature.ToArray());
        }
        catch (Exception e) when (e is CryptoException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private AsymmetricKeyParameter? ImportBouncyCastle()
    {
        try
        {
            if (_info.Algorithm is KeyAlgorithm.MlDsa or KeyAlgorithm.SlhDsa) return PostQuantumKey();
            var key = PublicKeyFactory.CreateKey(_info.Spki.ToArray());
            // A DSA key whose parameters are inherited from its issuer cannot be used on its own.
            return key is DsaPublicKeyParameters { Parameters: null } ? null : key;
        }
        catch (Exception)
        {
            return null; // unusable key: signatures it made are unverifiable, not a crash
        }
    }

    /// <summary>
    /// The raw ML-DSA or SLH-DSA public key (RFC 9881 §4, RFC 9909 §5: the BIT STRING holds it unwrapped), or null when
    /// its length is not its parameter set's.
    /// </summary>
    private AsymmetricKeyParameter? PostQuantumKey()
    {
        if (PureSignatureSet.Of(_info.AlgorithmOid) is not { } set) return null;
        var bits = SubjectPublicKeyBits(_info.Spki);
        return bits.Length == set.PublicKeyLength ? set.PublicKey(bits.ToArray()) : null;
    }

    private static ReadOnlySpan<byte> SubjectPublicKeyBits(ReadOnlyMemory<byte> spki)
    {
        var seq = new AsnReader(spki, AsnEncodingRules.DER).ReadSequence();
        seq.ReadEncodedValue(); // AlgorithmIdentifier
        return seq.TryReadPrimitiveBitString(out _, out var bits) ? bits.Span : seq.ReadBitString(out _);
    }
}
