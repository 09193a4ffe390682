namespace CertLint.Configuration;

/// <summary>
/// Bounds on the work a hostile repository can cause (docs/security.md), set in `.certlint.yml` under `limits`.
/// Each may only be lowered: the defaults are the ceilings.
/// </summary>
/// <param name="KdfIterations">Key-derivation iteration counts above this (PBKDF2, PKCS#12 KDF, PKCS#12 MAC) are not attempted.</param>
/// <param name="FindingsPerFile">Findings reported per file before one "N more" finding stands for the rest.</param>
/// <param name="FindingsPerRule">Findings reported per rule before one "N more" finding stands for the rest.</param>
/// <param name="KdfBudget">Key-derivation iterations one run may spend in all, taken in file order (Parsing.KdfBudget).</param>
public sealed record ScanLimits(long KdfIterations, int FindingsPerFile, int FindingsPerRule, long KdfBudget = ScanLimits.MaxKdfBudget)
{
    public const long MaxKdfIterations = 10_000_000;
    /// <summary>
    /// Ten derivations at the per-derivation ceiling: about 40 s of one core here (2.5 M SHA-256 iterations a second),
    /// and room for hundreds of keystores written by OpenSSL, Java or .NET (2,048 to 10,000 iterations per derivation).
    /// </summary>
    public const long MaxKdfBudget = 100_000_000;
    public const int MaxFindingsPerFile = 100;
    public const int MaxFindingsPerRule = 1000;

    public static ScanLimits Default { get; } = new(MaxKdfIterations, MaxFindingsPerFile, MaxFindingsPerRule);
}
