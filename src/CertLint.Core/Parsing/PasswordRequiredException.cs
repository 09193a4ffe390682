namespace CertLint.Parsing;

/// <summary>
/// Thrown by parsers when an object is encrypted and no candidate password opened it; FileParser turns it into
/// ParseIssueKind.PasswordRequired, appending how to supply a password.
/// </summary>
public sealed class PasswordRequiredException(string what) : Exception($"{what} is encrypted");

/// <summary>
/// Thrown before any key derivation when an object asks for more iterations than the limit, or than the run has left
/// (<see cref="KdfBudget"/>): the object is reported (ParseIssueKind.KdfLimit), not opened, so a 241-byte file cannot
/// cost half an hour per password, nor a thousand of them hours.
/// </summary>
public sealed class KdfLimitException : Exception
{
    public KdfLimitException(PbeInfo pbe, long limit)
        : base($"{pbe.Description} is above the key-derivation limit of {PbeInspector.Number(limit)} iterations; not attempted") { }

    private KdfLimitException(string message) : base(message) { }

    /// <summary>Throws when <paramref name="pbe"/> is over <paramref name="limit"/>.</summary>
    public static void Check(PbeInfo pbe, long limit)
    {
        if (pbe.Iterations > limit) throw new KdfLimitException(pbe, limit);
    }

    /// <summary>The run's budget of <paramref name="budget"/> iterations has too little left for a derivation under <paramref name="pbe"/>.</summary>
    public static KdfLimitException BudgetSpent(PbeInfo pbe, long budget) =>
        new($"{pbe.Description} was not attempted: the run's key-derivation budget of {PbeInspector.Number(budget)} iterations (limits.kdfBudget) was spent on the files before it");
}

/// <summary>A password opened the object (its padding, MAC or structure proves it) but the content is damaged: a parse error.</summary>
public sealed class DecryptedButCorruptException(string what) : Exception($"{what} decrypted with the password but its content is corrupt");
