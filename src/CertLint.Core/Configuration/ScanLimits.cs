namespace CertLint.Configuration;

/// <summary>
/// Bounds on the work a hostile repository can cause (docs/security.md), set in `.certlint.yml` under `limits`.
/// Each may only be lowered: the defaults are the ceilings.
/// </summary>
/// <param name="KdfIterations">Key-derivation iteration counts above this (PBKDF2, PKCS#12 KDF, PKCS#12 MAC) are not attempted.</param>
/// <param name="FindingsPerFile">Findings reported per file before one "N more" finding stands for the rest.</param>
/// <param name="FindingsPerRule">Findings reported per rule before one "N more" finding stands for the rest.</param>
/// <param name="KdfBudget">Key-derivation iterations one run may spend in all, taken in file order (Parsing.KdfBudget).</param>
/// <param name="ArithmeticBudget">Key arithmetic, in 1,024-bit modular exponentiations, one run may spend beyond each
/// file's allowance, taken in file order (Parsing.ArithmeticBudget).</param>
public sealed record ScanLimits(long KdfIterations, int FindingsPerFile, int FindingsPerRule, long KdfBudget = ScanLimits.MaxKdfBudget,
    long ArithmeticBudget = ScanLimits.MaxArithmeticBudget)
{
    public const long MaxKdfIterations = 10_000_000;
    /// <summary>
    /// Ten derivations at the per-derivation ceiling: about 40 s of one core here (2.5 M SHA-256 iterations a second),
    /// and room for hundreds of keystores written by OpenSSL, Java or .NET (2,048 to 10,000 iterations per derivation).
    /// </summary>
    public const long MaxKdfBudget = 100_000_000;
    /// <summary>
    /// About 6 s of one core through libcrypto (0.3 ms a unit; nearly 3 minutes through BigInteger, 8 ms a unit), and
    /// room for some 100 RSA-8192 private keys (256 units each, 192 of them beyond the file's allowance) on top of any
    /// number of files within their allowance (an RSA-4096 private key costs 32 units, a file may spend 64).
    /// </summary>
    public const long MaxArithmeticBudget = 20_000;
    public const int MaxFindingsPerFile = 100;
    public const int MaxFindingsPerRule = 1000;

    public static ScanLimits Default { get; } = new(MaxKdfIterations, MaxFindingsPerFile, MaxFindingsPerRule);
}
