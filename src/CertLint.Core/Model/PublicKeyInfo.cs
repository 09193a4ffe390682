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
    /// <summary>Short label such as "RSA 2048", "EC P-256", "Ed25519".</summary>
    public string Label => Algorithm switch
    {
        KeyAlgorithm.Rsa or KeyAlgorithm.RsaPss or KeyAlgorithm.Dsa => $"{Algorithm.ToString().ToUpperInvariant()} {SizeBits}",
        KeyAlgorithm.Ec => $"EC {CurveName ?? CurveOid}",
        _ => Algorithm.ToString(),
    };
}
