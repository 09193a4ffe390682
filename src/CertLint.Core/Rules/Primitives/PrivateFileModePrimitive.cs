using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// A file holding a private key, a keystore or a symmetric secret key must not be readable or writable by group or others (POSIX mode).
/// The violation carries the exact chmod to fix it. Files whose mode is unknown (Windows) are not judged, and neither
/// are files git tracks (or may track): a checkout's modes come from the umask (644), not from anyone's decision, so
/// the check judges deployment folders and untracked files, not fresh clones.
/// </summary>
public sealed class PrivateFileModePrimitive : ICheckPrimitive
{
    private const UnixFileMode GroupOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Name => "private-file-mode";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("allowGroupRead", ParameterType.Boolean, false,
            "Accept group read (e.g. mode 640 with a dedicated ssl-cert group)"),
    ];

    /// <summary>Files with a secret on a file system with POSIX modes.</summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.File.File.Mode is not null && HoldsSecret(subject.File);

    // Not an iterator: asked of every key file, and an iterator is an allocation each time.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var parsed = subject.File;
        if (parsed.File.Mode is not { } mode || !HoldsSecret(parsed)) return [];
        // A configuration holding several inline files (a Secret's keys, an OpenVPN profile's <key> and <tls-crypt>) is
        // parsed into one part each; the file's mode is one fact, judged once, by its first part that holds a secret.
        List<ParsedFile>? parts = null;
        if (parsed.EmbeddedIn is not null)
        {
            parts = context.Once("private-file-mode:embedded", () => EmbeddedSecretParts(context.Inventory.Files))[parsed.File.FullPath];
            if (!ReferenceEquals(parts[0], parsed)) return [];
        }
        var allowGroupRead = arguments.GetBool("allowGroupRead");
        var forbidden = allowGroupRead ? GroupOther & ~UnixFileMode.GroupRead : GroupOther;
        if ((mode & forbidden) == 0) return [];
        if (context.Git.Classify(parsed.File.FullPath) is GitTracking.Tracked or GitTracking.Unknown) return [];

        var target = allowGroupRead && (mode & UnixFileMode.GroupRead) != 0 ? "640" : "600";
        var path = ShellQuote(parsed.File.DisplayPath);
        return [new Violation(new Dictionary<string, object?>
        {
            ["mode"] = Octal(mode),
            ["fixMode"] = target,
            ["chmod"] = $"chmod {target} {path}",
            ["exposedTo"] = Describe(mode & forbidden),
            ["what"] = What(parts ?? [parsed]),
        })];
    }

    /// <summary>A private key (even one we could not decrypt), a keystore, or a symmetric secret key (a JWK "oct").</summary>
    public static bool HoldsSecret(ParsedFile file) => HoldsPrivate(file) || file.SecretKeys.Count > 0;

    private static bool HoldsPrivate(ParsedFile file) => PrimitiveLookups.KeystoreKeyOrPassword(file, static k => k.IsPrivate);

    /// <summary>The embedded parts holding a secret, by configuration file, in inventory order.</summary>
    private static Dictionary<string, List<ParsedFile>> EmbeddedSecretParts(IReadOnlyList<ParsedFile> files)
    {
        var parts = new Dictionary<string, List<ParsedFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.EmbeddedIn is null || !HoldsSecret(file)) continue;
            if (!parts.TryGetValue(file.File.FullPath, out var list)) parts[file.File.FullPath] = list = [];
            list.Add(file);
        }
        return parts;
    }

    /// <summary>What the message says the file holds: a truststore or a store of secret keys holds no private key.</summary>
    private static string What(List<ParsedFile> parts) =>
        parts.Any(static f => f.Keys.Any(static k => k.IsPrivate) || f.Keystore is { KeyCount: > 0 }) ? "a private key"
        : parts.Any(static f => f.SecretKeys.Count > 0) ? "a secret key"
        : parts[0].Keystore is { } store ? $"a {store.Label}"
        : "a private key"; // not opened without its password: an encrypted key

    /// <summary>Permission bits as three octal digits, e.g. 644.</summary>
    public static string Octal(UnixFileMode mode)
    {
        var bits = (int)mode & 0x1FF;
        return $"{(bits >> 6) & 7}{(bits >> 3) & 7}{bits & 7}";
    }

    private static string Describe(UnixFileMode exposed)
    {
        var parts = new List<string>();
        if ((exposed & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute)) != 0) parts.Add("group");
        if ((exposed & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) != 0) parts.Add("others");
        return string.Join(" and ", parts);
    }

    /// <summary>Quotes a path for a POSIX shell when it holds anything but safe characters.</summary>
    public static string ShellQuote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+,:@%".Contains(c))
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
