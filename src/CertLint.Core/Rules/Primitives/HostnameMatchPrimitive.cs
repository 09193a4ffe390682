using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertLint.Rules.Primitives;

/// <summary>
/// Every expected host name must be covered by the certificate's SAN (see <see cref="HostnameMatcher"/> for the
/// RFC 6125 rules). Expected names come from `hosts` in the configuration per path glob (any leaf at that path) and
/// from --host (every leaf not known to be a client-only certificate), plus the rule's own `hosts` parameter.
/// </summary>
public sealed class HostnameMatchPrimitive : ICheckPrimitive
{
    public string Name => "hostname-match";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("hosts", ParameterType.StringList, Array.Empty<string>(), "Extra host names every checked certificate must cover"),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var expected = ExpectedHosts(cert, arguments.GetStrings("hosts"), context);
        if (expected.Count == 0) yield break;

        var missing = expected.Where(h => !HostnameMatcher.Covers(cert.SubjectAltNames, h)).ToList();
        if (missing.Count == 0) yield break;
        var san = cert.SubjectAltNames;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["hosts"] = string.Join(", ", missing),
            ["expected"] = string.Join(", ", expected),
            ["sanNames"] = san is null || san.Dns.Count + san.Ip.Count == 0 ? "(none)" : string.Join(", ", san.Dns.Concat(san.Ip)),
        });
    }

    /// <summary>The host names a certificate must cover, de-duplicated case-insensitively, in configuration order.</summary>
    public static IReadOnlyList<string> ExpectedHosts(CertificateInfo cert, IEnumerable<string> ruleHosts, EvaluationContext context)
    {
        var settings = context.Settings;
        var hosts = new List<string>(ruleHosts);
        if (context.Inventory.RoleOf(cert) != CertificateRole.Client) hosts.AddRange(settings.Hosts);
        var path = cert.Location.File.RelativePath.Replace('\\', '/');
        foreach (var entry in settings.HostsByPath)
        {
            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(entry.Glob);
            if (matcher.Match(path).HasMatches) hosts.AddRange(entry.Hosts);
        }
        return hosts.Where(h => !string.IsNullOrWhiteSpace(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
