using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Candidate passwords for an encrypted file, tried in order. Implementations must never log them.</summary>
public interface IPasswordSource
{
    /// <summary>Passwords to try for <paramref name="file"/>: the empty password first, then configured ones.</summary>
    IReadOnlyList<string> CandidatesFor(SourceFile file);

    /// <summary>How a user supplies a password for <paramref name="file"/>, for the PasswordRequired message.</summary>
    string HintFor(SourceFile file);

    /// <summary>Key-derivation iteration counts above this are not attempted (<see cref="Configuration.ScanLimits.KdfIterations"/>).</summary>
    long MaxKdfIterations => Configuration.ScanLimits.MaxKdfIterations;

    /// <summary>The run's key-derivation budget (<see cref="Configuration.ScanLimits.KdfBudget"/>): one object per run, shared by every file.</summary>
    KdfBudget KdfBudget { get; }

    /// <summary>
    /// The run's key-arithmetic budget (<see cref="Configuration.ScanLimits.ArithmeticBudget"/>), one object per run.
    /// Null (test and tool sources): a file past its allowance is still parsed again in the ordered pass, which then
    /// spends without bound.
    /// </summary>
    ArithmeticBudget? ArithmeticBudget => null;
}
