namespace CertLint.Configuration;

/// <summary>
/// Bounds on the work a hostile repository can cause (docs/security.md), set in `.certlint.yml` under `limits`.
/// Each may only be lowered: the defaults are the ceilings.
/// </summary>
/// <param name="KdfIterations">Key-derivation iteration counts above this (PBKDF2, PKCS#12 KDF, PKCS#12 MAC) are not attempted.</param>
/// <param name="FindingsPerFile">Findings reported per file before one "N more" finding stands for the rest.</param>
/// <param name="FindingsPerRule">Findings reported per rule before one "N more" finding stands for the rest.</param>
public sealed record ScanLimits(long KdfIterations, int FindingsPerFile, int FindingsPerRule)
{
    public const long MaxKdfIterations = 10_000_000;
    public const int MaxFindingsPerFile = 100;
    public const int MaxFindingsPerRule = 1000;

    public static ScanLimits Default { get; } = new(MaxKdfIterations, MaxFindingsPerFile, MaxFindingsPerRule);
}
