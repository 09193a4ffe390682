namespace CertLint.Parsing;

/// <summary>
/// Thrown by parsers when an object is encrypted and no candidate password opened it; FileParser turns it into
/// ParseIssueKind.PasswordRequired, appending how to supply a password.
/// </summary>
public sealed class PasswordRequiredException(string what) : Exception($"{what} is encrypted");

/// <summary>
/// Thrown before any key derivation when an object asks for more iterations than the limit: the object is reported
/// (ParseIssueKind.KdfLimit), not opened, so a 241-byte file cannot cost half an hour per password.
/// </summary>
public sealed class KdfLimitException(PbeInfo pbe, long limit)
    : Exception($"{pbe.Description} is above the key-derivation limit of {PbeInspector.Number(limit)} iterations; not attempted")
{
    /// <summary>Throws when <paramref name="pbe"/> is over <paramref name="limit"/>.</summary>
    public static void Check(PbeInfo pbe, long limit)
    {
        if (pbe.Iterations > limit) throw new KdfLimitException(pbe, limit);
    }
}

/// <summary>A password opened the object (its padding, MAC or structure proves it) but the content is damaged: a parse error.</summary>
public sealed class DecryptedButCorruptException(string what) : Exception($"{what} decrypted with the password but its content is corrupt");
