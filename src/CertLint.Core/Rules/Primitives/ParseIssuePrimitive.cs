using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Reports the problems the parser recorded for a file (garbage, truncation, unreadable, missing password).
/// Parsing never throws into the rules: it leaves <see cref="ParseIssue"/>s on the file, and this turns them into findings
/// at the issue's own line.
/// </summary>
public sealed class ParseIssuePrimitive : ICheckPrimitive
{
    public const string ParseError = "parse-error";
    public const string PasswordRequired = "password-required";
    public const string Unreadable = "unreadable";
    public const string KdfLimit = "kdf-limit";
    public const string ArithmeticLimit = "arithmetic-limit";
    public const string IncludeNotRead = "include-not-read";
    public const string Encoding = "encoding";

    public string Name => "parse-issue";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("kinds", ParameterType.StringList, new[] { ParseError, Unreadable },
            "Which parse issues to report", AllowedValues: [ParseError, PasswordRequired, Unreadable, KdfLimit, ArithmeticLimit, IncludeNotRead, Encoding]),
    ];

    /// <summary>
    /// Every file can fail to parse or be unreadable; only protected content can need a password or exceed the key
    /// derivation limit; only a configuration with such an include has an include that read no file.
    /// </summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var kinds = arguments.GetStrings("kinds");
        return kinds.Contains(ParseError) || kinds.Contains(Unreadable) ||
               ((kinds.Contains(PasswordRequired) || kinds.Contains(KdfLimit)) && WeakProtectionPrimitive.IsProtected(subject.File))
               || HasIssueOf(subject.File.Issues, kinds);
    }

    // A loop, not Any with a lambda over `kinds`: asked of every file, and the closure was an allocation each time.
    private static bool HasIssueOf(IReadOnlyList<ParseIssue> issues, IReadOnlyList<string> kinds)
    {
        for (var i = 0; i < issues.Count; i++)
        {
            if (kinds.Contains(KindName(issues[i].Kind))) return true;
        }
        return false;
    }

    // Most files have no issue: they get no iterator.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.File.Issues.Count == 0 ? [] : Violations(subject.File.Issues, arguments.GetStrings("kinds"));

    private static IEnumerable<Violation> Violations(IReadOnlyList<ParseIssue> issues, IReadOnlyList<string> kinds)
    {
        foreach (var issue in issues)
        {
            var kind = KindName(issue.Kind);
            if (!kinds.Contains(kind)) continue;
            yield return new Violation(
                new Dictionary<string, object?>
                {
                    ["problem"] = issue.Message,
                    ["issueKind"] = kind,
                    ["line"] = issue.Location.StartLine,
                },
                issue.Location);
        }
    }

    public static string KindName(ParseIssueKind kind) => kind switch
    {
        ParseIssueKind.PasswordRequired => PasswordRequired,
        ParseIssueKind.Unreadable => Unreadable,
        ParseIssueKind.KdfLimit => KdfLimit,
        ParseIssueKind.ArithmeticLimit => ArithmeticLimit,
        ParseIssueKind.IncludeNotRead => IncludeNotRead,
        ParseIssueKind.Encoding => Encoding,
        _ => ParseError,
    };
}
