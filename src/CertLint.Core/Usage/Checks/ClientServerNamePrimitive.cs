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
        // As for peer-ca-mismatch: one server carrying the name is enough, none is the defect (one finding per client).
        (Model.CertificateInfo Leaf, TlsUsage Server)? without = null;
        foreach (var (leaf, server) in index.ServerLeavesOf(servers))
        {
            switch (PeerNameMatch.Carries(leaf, name, type))
            {
                case true or null: yield break; // carries it, or cannot be told: nothing is concluded
                case false: without ??= (leaf, server); break;
            }
        }
        if (without is not { } found) yield break;
        var (first, to) = found;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["service"] = client.Service,
            ["asked"] = PeerNameMatch.Asked(name, type),
            ["source"] = $"{at.File.RelativePath}:{at.StartLine}",
            ["server"] = to.Service,
            ["certificate"] = first.Label,
            ["certificatePath"] = to.Certificate!.Source,
            ["shown"] = PeerNameMatch.Shown(first, type),
        }, at, Related: [new(to.Certificate.At, $"served by {to.Service} ({to.Certificate.Directive})")]);
    }
}
