using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Rules.Primitives;

/// <summary>
/// A certificate needs a path to a trust anchor with what is present (a self-signed leaf only once anchors are named); a multi-certificate file (a fullchain)
/// must moreover be self-contained: each certificate's issuer follows it in the file or is an anchor.
/// </summary>
public sealed class ChainCompletePrimitive : ICheckPrimitive
{
    public string Name => "chain-complete";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.File];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("bundles", ParameterType.Boolean, true, "Also require files with several certificates to be self-contained"),
    ];

    /// <summary>Certificates always; a file only as a bundle (two or more certificates) and when bundles are checked.</summary>
    public bool AppliesTo(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.Kind != SubjectKind.File || (arguments.GetBool("bundles") && subject.File.Certificates.Count > 1);

    // Most certificates have a complete chain: they return here, without the iterator below.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.Certificate is { } cert && context.Inventory.ChainOf(cert) is not { Status: ChainStatus.Incomplete }
            ? []
            : Violations(subject, arguments, context);

    private static IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var inventory = context.Inventory;
        if (subject.Certificate is { } cert)
        {
            var chain = inventory.ChainOf(cert);
            if (chain is null || chain.Status != ChainStatus.Incomplete) yield break;
            // Without named anchors a self-signed leaf is self-signed-leaf's (a warning); with them it is an untrusted path.
            if (context.Settings.CaFiles.Count == 0 && inventory.IsLeaf(cert) && inventory.SelfSigned.Contains(cert)) yield break;
            var last = chain.Path.Count > 0 ? chain.Path[^1] : cert;
            yield return new Violation(new Dictionary<string, object?>
            {
                ["missingIssuer"] = last.Issuer.Text,
                ["path"] = PrimitiveLookups.DescribePath(chain.Path),
                ["depth"] = chain.Depth,
                ["problems"] = chain.WithBound(PrimitiveLookups.JoinProblems(chain.Problems, $"issuer {last.Issuer.Text} not found")),
            });
        }
        else if (subject.Kind == SubjectKind.File && arguments.GetBool("bundles"))
        {
            var bundle = inventory.BundleOf(subject.File.File);
            if (bundle is null || bundle.Complete) yield break;
            yield return new Violation(new Dictionary<string, object?>
            {
                ["path"] = PrimitiveLookups.DescribePath(bundle.Certificates),
                ["count"] = bundle.Certificates.Count,
                ["problems"] = PrimitiveLookups.JoinProblems(bundle.Problems, "an issuer is neither in the file nor a trust anchor"),
            });
        }
    }
}
