using CertLint.Findings;
using CertLint.Rules;
using CertLint.Rules.Primitives;

namespace CertLint.Usage.Checks;

/// <summary>
/// The host names a server answers for (nginx server_name, Ingress tls hosts, cert-manager dnsNames) must be covered
/// by the subjectAltName of the certificate it serves, matched as hostname-mismatch matches (RFC 6125).
/// </summary>
public sealed class UsageHostsPrimitive : ICheckPrimitive
{
    public string Name => "usage-hosts";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { Role: UsageRole.Server, Hosts.Count: > 0 } usage) yield break;
        if (usage.Settings.TryGetValue("plannedDnsNames", out var planned))
        {
            // cert-manager will issue the Secret: check the names it is asked for.
            var names = planned.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var uncovered = usage.Hosts.Where(h => !names.Any(n => HostnameMatcher.Matches(n, h))).ToList();
            if (uncovered.Count > 0)
            {
                yield return new Violation(new Dictionary<string, object?>
                {
                    ["hosts"] = string.Join(", ", uncovered),
                    ["certificate"] = usage.Settings["plannedBy"],
                    ["certificatePath"] = "its dnsNames",
                    ["sanNames"] = names.Length == 0 ? "(none)" : string.Join(", ", names),
                    ["hint"] = "",
                }, usage.HostsAt ?? usage.Location);
            }
            yield break;
        }
        if (UsageIndex.Of(context.Inventory).Leaf(usage.Certificate) is not { } cert) yield break;
        var missing = usage.Hosts.Where(h => !HostnameMatcher.Covers(cert.SubjectAltNames, h)).ToList();
        if (missing.Count == 0) yield break;
        var san = cert.SubjectAltNames;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["hosts"] = string.Join(", ", missing),
            ["certificate"] = cert.Label,
            ["certificatePath"] = usage.Certificate!.Source,
            ["sanNames"] = HostnameMatcher.Describe(san),
            ["hint"] = HostnameMatcher.Hint(san, missing),
        }, usage.HostsAt ?? usage.Location);
    }
}
