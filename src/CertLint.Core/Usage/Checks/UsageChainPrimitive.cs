using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// What a server sends must complete its certificate: the intermediates on the path the inventory built from the
/// served certificate to its trust anchor (the one path builder, RFC 5280 §6) must all be in the certificate file or
/// the chain file the configuration names. The anchor itself need not be sent. Certificates without a complete path
/// are left to chain-incomplete / chain-invalid (one finding per defect).
/// </summary>
public sealed class UsageChainPrimitive : ICheckPrimitive
{
    public string Name => "usage-chain";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Role: UsageRole.Server, Certificate: { } certRef } usage) yield break;
        var index = UsageIndex.Of(context.Inventory);
        if (index.Leaf(certRef) is not { } leaf || leaf.IsCa) yield break;
        if (context.Inventory.ChainOf(leaf) is not { Status: Inventory.ChainStatus.Complete, Path.Count: > 2 } chain) yield break;
        var served = index.Linker.CertificatesOf(certRef).Concat(index.Linker.CertificatesOf(usage.Chain)).ToList();
        // An intermediate counts as sent when the same certificate, or one with its subject and key (a re-issued or
        // cross-signed copy), is in what the server sends.
        var missing = chain.Path.Skip(1).Take(chain.Path.Count - 2)
            .Where(ca => !served.Any(s => s.Sha256 == ca.Sha256
                                          || (s.Subject.NormalizedKey == ca.Subject.NormalizedKey && s.PublicKey.Sha256 == ca.PublicKey.Sha256)))
            .ToList();
        if (missing.Count == 0) yield break;
        var at = usage.Chain ?? certRef;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["service"] = usage.Service,
            ["certificate"] = leaf.Label,
            ["source"] = at.Source,
            ["missing"] = string.Join(", ", missing.Select(c => $"{c.Label} (in {c.Location})")),
            ["sends"] = usage.Chain is null ? certRef.Path : $"{certRef.Path} and {usage.Chain.Path}",
        }, at.At);
    }
}
