using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Every expected host name must be covered by the certificate's SAN (see <see cref="HostnameMatcher"/> for the
/// RFC 6125 rules). Expected names are the `hosts` field's (--host, and `hosts` per path glob in the configuration)
/// plus the rule's own `hosts` parameter; which certificates are checked (role, leaf) is the rule's `where`.
/// </summary>
public sealed class HostnameMatchPrimitive : ICheckPrimitive
{
    public string Name => "hostname-match";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("hosts", ParameterType.StringList, Array.Empty<string>(), "Extra host names every checked certificate must cover"),
    ];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.Certificate is not null ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var expected = ExpectedHosts(cert, arguments.GetStrings("hosts"), context);
        if (expected.Count == 0) yield break;

        var missing = expected.Where(h => !HostnameMatcher.Covers(cert.SubjectAltNames, h)).ToList();
        if (missing.Count == 0) yield break;
        var san = cert.SubjectAltNames;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["hosts"] = string.Join(", ", missing),
            ["expected"] = string.Join(", ", expected),
            ["sanNames"] = HostnameMatcher.Describe(san),
            ["hint"] = HostnameMatcher.Hint(san, missing),
        });
    }

    /// <summary>The rule's own hosts plus those configured for the certificate's path (--host and per-path hosts).</summary>
    public static IReadOnlyList<string> ExpectedHosts(CertificateInfo cert, IEnumerable<string> ruleHosts, EvaluationContext context) =>
        ruleHosts.Concat(Configuration.ExpectedHosts.For(cert.Location.File, context.Settings))
            .Where(h => !string.IsNullOrWhiteSpace(h))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
