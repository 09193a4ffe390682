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

    public string Name => "parse-issue";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("kinds", ParameterType.StringList, new[] { ParseError, Unreadable },
            "Which parse issues to report", AllowedValues: [ParseError, PasswordRequired, Unreadable, KdfLimit]),
    ];

    /// <summary>
    /// Every file can fail to parse or be unreadable; only protected content can need a password or exceed the key
    /// derivation limit.
    /// </summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var kinds = arguments.GetStrings("kinds");
        return kinds.Contains(ParseError) || kinds.Contains(Unreadable) ||
               WeakProtectionPrimitive.IsProtected(subject.File) || subject.File.Issues.Any(i => kinds.Contains(KindName(i.Kind)));
    }

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var kinds = arguments.GetStrings("kinds");
        foreach (var issue in subject.File.Issues)
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
        _ => ParseError,
    };
}
