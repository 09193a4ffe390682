namespace CertLint.Model;

/// <summary>How the numbers of a private key contradict each other (OpenSSL RSA_check_key, EC_KEY_check_key).</summary>
public enum PrivateKeyFlaw
{
    /// <summary>RSA: n ≠ p·q (·r_i for a multi-prime key).</summary>
    ModulusNotProduct,
    /// <summary>RSA: p, q or a further prime r_i is composite (a Miller–Rabin witness was found).</summary>
    FactorNotPrime,
    /// <summary>RSA: e·d ≢ 1 (mod lcm(p − 1, q − 1, r_i − 1…)).</summary>
    ExponentsNotInverse,
    /// <summary>RSA: dP ≠ d mod (p − 1), dQ ≠ d mod (q − 1) or d_i ≠ d mod (r_i − 1).</summary>
    WrongCrtExponent,
    /// <summary>RSA: qInv·q ≢ 1 (mod p) or qInv ≥ p, or t_i·(r_1·…·r_(i−1)) ≢ 1 (mod r_i) or t_i ≥ r_i.</summary>
    WrongCrtCoefficient,
    /// <summary>EC: the private scalar is 0 or not below the order of the curve's generator.</summary>
    ScalarOutOfRange,
    /// <summary>EC: the public point stored in the key is not d·G.</summary>
    PublicPointMismatch,
    /// <summary>DSA (OpenSSL's DSAPrivateKey): the public value y stored in the key is not g^x mod p.</summary>
    PublicValueMismatch,
}

/// <summary>
/// What the parser concluded about a private key's own numbers, computed while the decrypted bytes were in hand and
/// kept instead of them: verdicts only, never a private number (the model must not be able to leak a key).
/// </summary>
/// <param name="Flaw">The first inconsistency found, or null when the key is consistent.</param>
/// <param name="SmallSecretBits">
/// Set only when the secret is small enough to be computed from the public key: the bit length of the least RSA
/// private exponent (d mod λ(n)) when it is below n^0.292 (Boneh–Durfee), or of min(d, order − d) for an EC scalar
/// of at most <see cref="MaxSmallScalarBits"/> bits. Null for every key without that defect.
/// </param>
public sealed record PrivateKeyVerdict(PrivateKeyFlaw? Flaw, int? SmallSecretBits)
{
    /// <summary>
    /// An EC scalar confined to b bits falls to Pollard's kangaroo in about 2^(b/2) group operations; at 128 bits that
    /// is 2^64, within reach of public computations (SHAttered took 2^63 SHA-1 evaluations).
    /// </summary>
    public const int MaxSmallScalarBits = 128;

    /// <summary>Boneh–Durfee recover d from (n, e) when d &lt; n^0.292; the exponent, in thousandths.</summary>
    public const int BonehDurfeeMilli = 292;
}
