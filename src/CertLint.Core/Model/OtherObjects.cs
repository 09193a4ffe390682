namespace CertLint.Model;

/// <summary>A PKCS#12 keystore: the file, and whether it needed a password. Its certificates and keys are listed on their own.</summary>
public sealed record KeystoreInfo(SourceLocation Location, bool PasswordProtected, int CertificateCount, int KeyCount)
{
    /// <summary>Every password-based protection seen: the MAC, encrypted safes and shrouded key bags.</summary>
    public IReadOnlyList<Parsing.PbeInfo> Protection { get; init; } = [];

    /// <summary>What the keystore is, for messages: "PKCS#12 keystore", "JKS keystore".</summary>
    public string Label { get; init; } = "PKCS#12 keystore";

    /// <summary>It opened with a publicly known default password (the JDK's), which protects no better than none.</summary>
    public bool DefaultPassword { get; init; }

    /// <summary>Equality is the keystore's identity and contents; <see cref="Protection"/> is detail read from it.</summary>
    public bool Equals(KeystoreInfo? other) => other is not null && Location == other.Location &&
        PasswordProtected == other.PasswordProtected && CertificateCount == other.CertificateCount && KeyCount == other.KeyCount;

    public override int GetHashCode() => HashCode.Combine(Location, PasswordProtected, CertificateCount, KeyCount);
}


/// <summary>Why a file or block could not be used.</summary>
public enum ParseIssueKind
{
    /// <summary>Truncated, garbage, wrong format: rule parse-error.</summary>
    ParseError,
    /// <summary>Encrypted and no password worked: rule password-required.</summary>
    PasswordRequired,
    /// <summary>Could not be read at all (permissions, FIFO, I/O error): rule parse-error, JUnit &lt;error&gt;.</summary>
    Unreadable,
    /// <summary>Encrypted with a key-derivation iteration count above the limit: not attempted, rule key-derivation-limit.</summary>
    KdfLimit,
    /// <summary>Its key numbers needed more arithmetic than the run's budget had left: not linted, rule key-arithmetic-limit.</summary>
    ArithmeticLimit,
    /// <summary>A configuration's include names a file that is not in the scan (a deployment's own file): rule config-include-not-read.</summary>
    IncludeNotRead,
    /// <summary>Stored in an encoding the program that reads the file refuses (UTF-16, or a byte order mark nginx reads as text): rule file-encoding.</summary>
    Encoding,
}

/// <summary>A problem met while reading or parsing, with the place it happened.</summary>
public sealed record ParseIssue(ParseIssueKind Kind, SourceLocation Location, string Message);

/// <summary>Everything one file yielded.</summary>
public sealed class ParsedFile
{
    public required SourceFile File { get; init; }
    public FileKind Kind { get; init; }
    public IReadOnlyList<CertificateInfo> Certificates { get; init; } = [];
    public IReadOnlyList<KeyInfo> Keys { get; init; } = [];
    public IReadOnlyList<CrlInfo> Crls { get; init; } = [];
    public KeystoreInfo? Keystore { get; init; }
    /// <summary>Symmetric secret keys (JWK "oct", JCEKS secret-key entries, PKCS#12 secret bags): facts of the file.</summary>
    public IReadOnlyList<SecretKeyInfo> SecretKeys { get; init; } = [];
    /// <summary>Diffie-Hellman domain parameters (a dhparam file): public numbers the DH rules judge.</summary>
    public IReadOnlyList<DhParametersInfo> DhParameters { get; init; } = [];
    public IReadOnlyList<ParseIssue> Issues { get; init; } = [];
    /// <summary>Set for objects embedded in a configuration (a Secret's data.tls.key): what holds them. Their pairing is the configuration's.</summary>
    public string? EmbeddedIn { get; init; }

    /// <summary>True when the file holds anything CertLint understands or a problem worth reporting.</summary>
    public bool IsRelevant => Certificates.Count > 0 || Keys.Count > 0 || Crls.Count > 0 || Keystore is not null || SecretKeys.Count > 0 || DhParameters.Count > 0 || Issues.Count > 0;
}
