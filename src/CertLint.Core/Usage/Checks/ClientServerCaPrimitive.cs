using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// The converse of <see cref="MtlsClientCaPrimitive"/>: a client that verifies its server with a CA file must find
/// in that file a certificate of the server's chain, or the issuer of one. The servers are those the repository shows
/// the client connects to (<see cref="UsageIndex.TargetsOf"/>); one finding per client, naming the first server it cannot trust.
/// </summary>
public sealed class ClientServerCaPrimitive : ICheckPrimitive
{
    public string Name => "client-server-ca";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        // A client that does not verify is peer-not-verified's; one without a CA file trusts the system store.
        if (subject.Usage is not { Role: UsageRole.Client, CaFiles.Count: > 0 } client || client.VerifyPeer == false) yield break;
        var index = UsageIndex.Of(context.Inventory);
        var servers = index.TargetsOf(client);
        if (servers.Count == 0) yield break;
        var cas = client.CaFiles.SelectMany(index.Linker.CertificatesOf).ToList();
        if (cas.Count == 0) yield break; // missing or unparsable: config-file-missing or parse-error says so
        var caRef = client.CaFiles[0];
        // Several servers may answer the name (an environment per folder, each with its own PKI): the client talks to
        // one of them, so the configuration can work when its CA trusts any. Only when it trusts none is it wrong.
        (CertificateInfo Leaf, TlsUsage Server)? untrusted = null;
        foreach (var (leaf, server) in index.ServerLeavesOf(servers))
        {
            // Without the whole path (an intermediate not in the repository) the CA the client needs is not known,
            // and the missing intermediate is the defect: config-chain-incomplete / chain-incomplete report it.
            if (context.Inventory.ChainOf(leaf) is not { Status: not ChainStatus.Incomplete, Path.Count: > 0 } chain) continue;
            if (CaFileTrust.Reaches(cas, chain.Path)) yield break;
            untrusted ??= (leaf, server);
        }
        if (untrusted is not { } found) yield break;
        var (first, to) = found;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["service"] = client.Service,
            ["ca"] = $"{caRef.Path} ({caRef.Source})",
            ["server"] = to.Service,
            ["certificate"] = first.Label,
            ["certificatePath"] = to.Certificate!.Source,
            ["issuer"] = first.Issuer.Text,
        }, caRef.At, Related: [new(to.Certificate.At, $"served by {to.Service} ({to.Certificate.Directive})")]);
    }
}
