using CertLint.Findings;

namespace CertLint.Rules.Primitives;

/// <summary>
/// A complete bundle must list the leaf first and then each issuer right after the certificate it signed
/// (RFC 8446 §4.4.2, RFC 5246 §7.4.2): some TLS stacks send the file as is and strict clients reject other orders.
/// Incomplete bundles are chain-complete's business, so they are not reported here.
/// </summary>
public sealed class BundleOrderPrimitive : ICheckPrimitive
{
    public string Name => "bundle-order";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    /// <summary>Order is a question only for a file with two or more certificates.</summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.File.Certificates.Count > 1;

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var bundle = context.Inventory.BundleOf(subject.File.File);
        if (bundle is null || !bundle.Complete || bundle.Ordered) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["order"] = PrimitiveLookups.DescribePath(bundle.Certificates),
            ["count"] = bundle.Certificates.Count,
            ["problems"] = PrimitiveLookups.JoinProblems(bundle.Problems, "a certificate comes before the one it issued"),
        });
    }
}
