using CertLint.Model;
using Org.BouncyCastle.Crypto;

namespace CertLint.Parsing;

/// <summary>
/// A post-quantum signature parameter set whose one OID names the key and the signature alike, with parameters absent
/// and the key and signature raw in their BIT STRINGs: ML-DSA (RFC 9881) and SLH-DSA (RFC 9909), pure mode with the
/// empty context. Path validation, key naming and pairing read them through this one type.
/// </summary>
internal abstract record PureSignatureSet(string Name, string Oid, KeyAlgorithm Algorithm, int PublicKeyLength, int SignatureLength)
{
    /// <summary>A BouncyCastle verifier for this set (pure mode, empty context).</summary>
    public abstract ISigner Verifier();

    /// <summary>The public key from its raw encoding, whose length the caller has checked.</summary>
    public abstract AsymmetricKeyParameter PublicKey(byte[] raw);

    /// <summary>The set <paramref name="oid"/> names, or null when it is neither an ML-DSA nor an SLH-DSA OID.</summary>
    public static PureSignatureSet? Of(string oid) => (PureSignatureSet?)MlDsa.Of(oid) ?? SlhDsa.Of(oid);
}
