namespace CertLint.Model;

public enum KeyAlgorithm
{
    Unknown,
    Rsa,
    RsaPss,
    Ec,
    Dsa,
    Ed25519,
    Ed448,
    X25519,
    X448,
    /// <summary>ML-DSA (FIPS 204, RFC 9881): the parameter set is in <see cref="PublicKeyInfo.AlgorithmOid"/>.</summary>
    MlDsa,
    /// <summary>SLH-DSA (FIPS 205, RFC 9909): the parameter set is in <see cref="PublicKeyInfo.AlgorithmOid"/>.</summary>
    SlhDsa,
    /// <summary>ML-KEM (FIPS 203, RFC 9935), a key-encapsulation key: the parameter set is in <see cref="PublicKeyInfo.AlgorithmOid"/>.</summary>
    MlKem,
    /// <summary>Finite-field Diffie-Hellman (PKCS #3 dhKeyAgreement or X9.42 dhpublicnumber): size is p's length.</summary>
    Dh,
}

/// <summary>
/// A SubjectPublicKeyInfo, decoded. Keys and certificates are paired by <see cref="Sha256"/>,
/// the SHA-256 of the whole DER SPKI, so the same key always matches whatever file holds it.
/// </summary>
public sealed record PublicKeyInfo(
    KeyAlgorithm Algorithm,
    string AlgorithmOid,
    int SizeBits,
    string? CurveOid,
    string? CurveName,
    ReadOnlyMemory<byte> Spki,
    string Sha256)
{
    /// <summary>Short label such as "RSA 2048", "EC P-256", "Ed25519", "ML-DSA-65", "SLH-DSA-SHA2-128s", "ML-KEM-768".</summary>
    public string Label => Algorithm switch
    {
        KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss or KeyAlgorithm.Dsa or KeyAlgorithm.Dh => $"{Algorithm.ToString().ToUpperInvariant()} {SizeBits}",
        KeyAlgorithm.Ec => $"EC {CurveName ?? CurveOid}",
        KeyAlgorithm.MlDsa or KeyAlgorithm.SlhDsa => Parsing.PureSignatureSet.Of(AlgorithmOid)?.Name ?? Algorithm.ToString(),
        KeyAlgorithm.MlKem => Parsing.MlKem.Of(AlgorithmOid)?.Name ?? Algorithm.ToString(),
        _ => Algorithm.ToString(),
    };
}
