using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Rules.Primitives;

/// <summary>
/// The issuer found by name must really have signed the certificate and must be allowed to issue
/// (basicConstraints cA and, when keyUsage is present, keyCertSign). The inventory verifies each signature once.
/// </summary>
public sealed class ChainValidPrimitive : ICheckPrimitive
{
    public string Name => "chain-valid";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var chain = context.Inventory.ChainOf(cert);
        if (chain is null || chain.Status != ChainStatus.Invalid) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["path"] = PrimitiveLookups.DescribePath(chain.Path),
            ["depth"] = chain.Depth,
            ["problems"] = PrimitiveLookups.JoinProblems(chain.Problems, "a signature in the chain does not verify"),
        });
    }
}
