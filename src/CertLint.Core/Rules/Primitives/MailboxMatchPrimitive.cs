using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Every expected mail address must be named by the certificate (see <see cref="MailboxMatcher"/> for RFC 8550 §3's
/// comparison). Expected addresses are --mailbox, config `mailboxes` for the certificate's path and the rule's own `mailboxes`
/// parameter; which certificates are checked (role, leaf) is the rule's `where`.
/// </summary>
public sealed class MailboxMatchPrimitive : ICheckPrimitive
{
    public string Name => "mailbox-match";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("mailboxes", ParameterType.StringList, Array.Empty<string>(), "Extra mail addresses every checked certificate must name"),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) return [];
        var expected = arguments.GetStrings("mailboxes").Concat(ExpectedHosts.Mailboxes(cert.Location.File, context.Settings))
            .Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal).ToList();
        if (expected.Count == 0) return [];
        var named = MailboxMatcher.Named(cert);
        var missing = expected.Where(m => !MailboxMatcher.Covers(named, m)).ToList();
        if (missing.Count == 0) return [];
        return [new Violation(new Dictionary<string, object?>
        {
            ["mailboxes"] = string.Join(", ", missing.Select(m => SafeText.Quote(m))),
            ["expected"] = string.Join(", ", expected.Select(m => SafeText.Quote(m))),
            ["named"] = MailboxMatcher.Describe(named),
            ["hint"] = MailboxMatcher.Hint(named, missing),
        })];
    }
}
