using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules.Fields;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// A private key committed next to the publicly-trusted certificate issued for it: whoever can read the repository can
/// impersonate the site, so the certificate must be revoked (BR §4.9.1.1: the CA revokes within 24 hours of a key
/// compromise report) and the key replaced. "Publicly trusted" is read from the certificate itself, offline: it asserts
/// a CA/Browser Forum policy OID (2.23.140.1.*) or carries embedded Certificate Transparency SCTs, which private CAs
/// do not issue.
/// </summary>
public sealed class PublicCaKeyPrimitive : ICheckPrimitive
{
    private const string CabfPolicyArc = "2.23.140.1.";
    private const string SctListOid = "1.3.6.1.4.1.11129.2.4.2";

    public string Name => "public-ca-key-exposed";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        subject.Key is { IsPrivate: true } ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Key is not { IsPrivate: true } key || InventoryIndex.Of(context.Inventory).CertificateFor(key) is not { } cert) yield break;
        if (PublicEvidence(cert) is not { } evidence) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["certificate"] = cert.Label,
            ["certificatePath"] = cert.Location.ToString(),
            ["issuer"] = cert.Issuer.Text,
            ["evidence"] = evidence,
        });
    }

    internal static string? PublicEvidence(CertificateInfo cert)
    {
        if (cert.Policies?.FirstOrDefault(p => p.StartsWith(CabfPolicyArc, StringComparison.Ordinal)) is { } policy)
        {
            return $"it asserts the CA/Browser Forum policy {policy}";
        }
        return cert.Extensions.Any(e => e.Oid == SctListOid) ? "it carries embedded Certificate Transparency SCTs" : null;
    }
}
