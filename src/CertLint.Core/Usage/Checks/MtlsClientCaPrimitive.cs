using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A server that requires client certificates must name a CA file, that file must hold a CA certificate, and that CA
/// must have issued the client certificates the repository presents to it. Clients are tied to a server when the
/// repository has one mTLS server, else when they are configured in the same folder.
/// </summary>
public sealed class MtlsClientCaPrimitive : ICheckPrimitive
{
    public string Name => "mtls-client-ca";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Role: UsageRole.Server, VerifyPeer: true } server) yield break;
        var index = UsageIndex.Of(context.Inventory);
        if (server.CaFiles.Count == 0)
        {
            // Kestrel verifies against the machine's trust store or the app's code: nothing in the repository to compare.
            if (server.Settings.ContainsKey("clientCaOutsideConfig")) yield break;
            yield return Problem(server.VerifyAt ?? server.Location, server, "requires client certificates but names no CA file to verify them with");
            yield break;
        }
        var caRef = server.CaFiles[0];
        var caCerts = server.CaFiles.SelectMany(index.Linker.CertificatesOf).ToList();
        if (caCerts.Count == 0) yield break; // missing or unparsable: config-file-missing or parse-error says so
        if (!caCerts.Any(c => c.IsCa))
        {
            yield return Problem(caRef.At, server, $"verifies client certificates with {caRef.Path}, which holds no CA certificate (basicConstraints cA)");
            yield break;
        }
        // Each certificate the clients present is judged once, at the first client presenting it (many clients
        // presenting one certificate to many servers would otherwise be clients x servers findings).
        foreach (var (leaf, client) in index.ClientLeavesOf(server))
        {
            if (IssuedBy(leaf, caCerts, context)) continue;
            yield return Problem(caRef.At, server,
                $"verifies client certificates with {caRef.Path}, but the client certificate {leaf.Label} presented at {client.Certificate!.Source} was issued by {leaf.Issuer.Text}, which is not in that file",
                client.Certificate.Source);
        }
    }

    /// <summary>The CA file reaches the client certificate along the path the inventory built for it (<see cref="CaFileTrust"/>).</summary>
    private static bool IssuedBy(CertificateInfo leaf, List<CertificateInfo> cas, EvaluationContext context) =>
        CaFileTrust.Reaches(cas, context.Inventory.ChainOf(leaf)?.Path is { Count: > 0 } path ? path : [leaf]);

    private static Violation Problem(SourceLocation at, TlsUsage server, string problem, string? client = null) =>
        new(new Dictionary<string, object?>
        {
            ["service"] = server.Service,
            ["problem"] = problem,
            ["client"] = client,
            ["source"] = $"{at.File.RelativePath}:{at.StartLine}",
        }, at);
}
