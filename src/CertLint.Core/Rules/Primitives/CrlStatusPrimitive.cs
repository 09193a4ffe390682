using CertLint.Findings;

namespace CertLint.Rules.Primitives;

/// <summary>
/// A CRL in a scanned file is past its nextUpdate (`problem: stale`), or cannot be used for revocation checking
/// (`problem: unusable`: issuer unknown, signature does not verify, issuer lacks cRLSign, not issued yet, critical
/// extensions CertLint does not process). The finding points at the CRL's PEM block.
/// </summary>
public sealed class CrlStatusPrimitive : ICheckPrimitive
{
    public string Name => "crl-status";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("problem", ParameterType.String, "stale", "What to report: a stale CRL or an unusable one", AllowedValues: ["stale", "unusable"]),
    ];

    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) => subject.File.Crls.Count > 0;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.File.Crls.Count == 0) yield break;
        var stale = arguments.GetString("problem") == "stale";
        foreach (var status in context.Inventory.Crls)
        {
            if (!ReferenceEquals(status.Crl.Location.File, subject.File.File) && status.Crl.Location.File.FullPath != subject.File.File.FullPath) continue;
            if (stale ? !status.Stale : status.Problem is null) continue;
            yield return new Violation(new Dictionary<string, object?>
            {
                ["crlIssuer"] = status.Crl.Issuer.Text,
                ["thisUpdate"] = status.Crl.ThisUpdate,
                ["nextUpdate"] = status.Crl.NextUpdate,
                ["problems"] = status.Problem ?? "",
            }, status.Crl.Location);
        }
    }
}
