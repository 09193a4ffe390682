using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Weak password protection on a key or keystore: PKCS#12 PBE with RC2/RC4/3DES, a SHA-1 (or low-iteration) MAC,
/// PBKDF2 below 10,000 iterations or with a DES-family cipher, PKCS#5 PBES1, OpenSSL legacy PEM encryption. One
/// violation per object, naming every weakness it has (read from the ASN.1 by the parser; nothing is re-derived).
/// </summary>
public sealed class WeakProtectionPrimitive : ICheckPrimitive
{
    public string Name => "weak-protection";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    /// <summary>Only password-protected content has a protection to judge.</summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => IsProtected(subject.File);

    internal static bool IsProtected(ParsedFile file) => PrimitiveLookups.KeystoreKeyOrPassword(file, static k => k.Encrypted);

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var file = subject.File;
        if (file.Keystore is { } keystore && Weaknesses(keystore.Protection) is { Length: > 0 } ks)
            yield return Weak(keystore.Location, keystore.Label, ks);
        foreach (var key in file.Keys)
        {
            if (key.Format is not (ObjectFormat.Pkcs12 or ObjectFormat.Jks) && key.Protection?.Weakness is { } w)
                yield return Weak(key.Location, "encrypted private key", w);
        }
    }

    private static string Weaknesses(IEnumerable<Parsing.PbeInfo> protection) =>
        string.Join("; ", protection.Select(p => p.Weakness).OfType<string>().Distinct(StringComparer.Ordinal));

    private static Violation Weak(SourceLocation location, string what, string weakness) =>
        new(new Dictionary<string, object?> { ["object"] = what, ["weakness"] = weakness, ["line"] = location.StartLine }, location);
}

/// <summary>An encrypted PKCS#8 key or a PKCS#12 keystore holding a private key that the empty password opens.</summary>
public sealed class EmptyPasswordPrimitive : ICheckPrimitive
{
    public string Name => "empty-password";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        WeakProtectionPrimitive.IsProtected(subject.File);

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var file = subject.File;
        if (file.Keystore is { PasswordProtected: false, KeyCount: > 0 } keystore)
            yield return Open(keystore.Location, keystore.Label, keystore.DefaultPassword ? "the JDK's well-known default password" : "the empty password");
        foreach (var key in file.Keys.Where(k => k.IsPrivate && k.OpenedWithEmptyPassword && k.Format is not (ObjectFormat.Pkcs12 or ObjectFormat.Jks)))
            yield return Open(key.Location, "encrypted private key", "the empty password");
    }

    private static Violation Open(SourceLocation location, string what, string password) =>
        new(new Dictionary<string, object?> { ["object"] = what, ["line"] = location.StartLine, ["password"] = password }, location);
}

/// <summary>
/// An unencrypted private key in a file git tracks. Outside a work tree, or where git cannot be asked, the check
/// does not apply (it never guesses).
/// </summary>
public sealed class CommittedPrivateKeyPrimitive : ICheckPrimitive
{
    public string Name => "committed-private-key";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // Loops, not LINQ or an iterator: asked of every key file, where each enumerator and iterator was an allocation.
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var keys = subject.File.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is { IsPrivate: true } k && k.Format != ObjectFormat.Pkcs12) return true;
        }
        return false;
    }

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var file = subject.File;
        List<Violation>? found = null;
        var reportedLine = 0;
        for (var i = 0; i < file.Keys.Count; i++)
        {
            var key = file.Keys[i];
            // One finding per block: an OpenPGP block's subkeys sit at its primary key's lines.
            if (!IsPlain(key) || key.Location.StartLine == reportedLine) continue;
            reportedLine = key.Location.StartLine;
            // Git is asked only about a file with a plain key, and the violations made only for a tracked one.
            if (found is null && context.Git.Classify(file.File.FullPath) != GitTracking.Tracked) return [];
            (found ??= []).Add(new Violation(new Dictionary<string, object?> { ["key"] = key.Label, ["line"] = key.Location.StartLine }, key.Location));
        }
        return found ?? (IEnumerable<Violation>)[];
    }

    private static bool IsPlain(KeyInfo key) =>
        key.IsPrivate && (!key.Encrypted || key.OpenedWithEmptyPassword) && key.Format is not (ObjectFormat.Pkcs12 or ObjectFormat.Jks);
}

/// <summary>
/// A symmetric secret key (a JWK "oct" key, a JCEKS secret-key entry, a PKCS#12 secret bag, a BKS secret entry) in a
/// file git tracks: one violation per secret at its lines, with its length and algorithm when known (a key shorter
/// than its algorithm needs is <see cref="WeakSecretKeyPrimitive"/>'s, wherever it lies). Outside a work tree, or
/// where git cannot be asked, the check does not apply.
/// </summary>
public sealed class CommittedSecretKeyPrimitive : ICheckPrimitive
{
    public string Name => "committed-secret-key";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => subject.File.SecretKeys.Count > 0;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var file = subject.File;
        if (context.Git.Classify(file.File.FullPath) != GitTracking.Tracked) yield break;
        foreach (var secret in file.SecretKeys)
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["secret"] = secret.Label,
                ["line"] = secret.Location.StartLine,
                ["sealed"] = secret.SealedBy,
            }, secret.Location);
        }
    }
}

/// <summary>
/// A symmetric secret key shorter than the algorithm it names needs (RFC 7518 §3.2 HMAC, §4.4, §4.7, §5.2, §5.3 AES):
/// one violation per such secret at its lines, wherever the file lies (tracked by git, untracked, outside a work tree).
/// </summary>
public sealed class WeakSecretKeyPrimitive : ICheckPrimitive
{
    public string Name => "weak-secret-key";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => subject.File.SecretKeys.Count > 0;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.File.SecretKeys.Where(s => s.RequiredBits is not null).Select(secret => new Violation(new Dictionary<string, object?>
        {
            ["secret"] = secret.Label,
            ["line"] = secret.Location.StartLine,
            ["alg"] = secret.Algorithm,
            ["needed"] = secret.RequiredBits,
        }, secret.Location));
}
