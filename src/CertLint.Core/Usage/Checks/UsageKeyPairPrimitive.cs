using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// The certificate and the key one server block or client configuration names must hold the same public key; the
/// finding is at the key's line. Pairing by file name elsewhere (key-mismatch) cannot see two files a configuration
/// puts together.
/// </summary>
public sealed class UsageKeyPairPrimitive : ICheckPrimitive
{
    public string Name => "usage-key-pair";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Certificate: { } certRef, Key: { } keyRef }) yield break;
        // Certificate and key in one PEM (HAProxy crt, Apache SSLProxyMachineCertificateFile): key-mismatch judges that file.
        if (keyRef.Embedded is null && keyRef.ResolvedFullPath is { } kp && kp == certRef.ResolvedFullPath) yield break;
        var index = UsageIndex.Of(context.Inventory);
        if (index.Leaf(certRef) is not { } cert) yield break;
        var keys = index.Linker.KeysOf(keyRef).Where(k => k.PublicKey is not null).ToList();
        if (keys.Count == 0 || keys.Any(k => k.PublicKey!.Sha256 == cert.PublicKey.Sha256)) yield break;
        // One finding per defect: a pair the files already form (same stem, HAProxy's FILE.key) is key-mismatch's.
        if (context.Inventory.Mismatches.Any(m => ReferenceEquals(m.Certificate, cert) && keys.Any(k => ReferenceEquals(k, m.Key)))) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["certificate"] = cert.Label,
            ["certificatePath"] = certRef.Path,
            ["certificateSource"] = certRef.Source,
            ["keyPath"] = keyRef.Path,
            ["source"] = keyRef.Source,
        }, keyRef.At);
    }
}
