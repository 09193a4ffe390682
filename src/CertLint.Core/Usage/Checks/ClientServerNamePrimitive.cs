using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A client that requires a name of its server's certificate (OpenVPN verify-x509-name) and the server the repository
/// shows it connects to (<see cref="UsageIndex.TargetsOf"/>): that server's certificate must carry the name.
/// </summary>
public sealed class ClientServerNamePrimitive : ICheckPrimitive
{
    public string Name => "client-server-name";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Role: UsageRole.Client } client
            || !client.Settings.TryGetValue(PeerNameSettings.Name, out var name)
            || !client.Settings.TryGetValue(PeerNameSettings.Type, out var type)) yield break;
        var index = UsageIndex.Of(context.Inventory);
        var servers = index.TargetsOf(client);
        if (servers.Count == 0) yield break;
        var at = client.VerifyHostAt ?? client.Location;
        foreach (var (leaf, server) in index.ServerLeavesOf(servers))
        {
            if (PeerNameMatch.Carries(leaf, name, type) != false) continue;
            yield return new Violation(new Dictionary<string, object?>
            {
                ["service"] = client.Service,
                ["asked"] = PeerNameMatch.Asked(name, type),
                ["source"] = $"{at.File.RelativePath}:{at.StartLine}",
                ["server"] = server.Service,
                ["certificate"] = leaf.Label,
                ["certificatePath"] = server.Certificate!.Source,
                ["shown"] = PeerNameMatch.Shown(leaf, type),
            }, at, Related: [new(server.Certificate.At, $"served by {server.Service} ({server.Certificate.Directive})")]);
        }
    }
}
