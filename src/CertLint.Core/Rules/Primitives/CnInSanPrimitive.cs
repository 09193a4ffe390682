using System.Net;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// The subject CN, when present, must repeat one of the SAN entries (CA/B BR §7.1.4.3): clients ignore the CN
/// when a SAN exists, so a CN that names something else misleads people reading the certificate.
/// DNS names compare as <see cref="HostnameMatcher.Normalize"/> does; IPs by value; e-mail and URI exactly.
/// Certificates without CN or without SAN are not judged (san-missing covers the latter).
/// </summary>
public sealed class CnInSanPrimitive : ICheckPrimitive
{
    public string Name => "cn-in-san";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var cn = cert.Subject.CommonName;
        var san = cert.SubjectAltNames;
        if (string.IsNullOrWhiteSpace(cn) || san is null || san.Count == 0 || InSan(cn, san)) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["cn"] = cn,
            ["sanNames"] = string.Join(", ", san.Dns.Concat(san.Ip).Concat(san.Email).Concat(san.Uri)),
        });
    }

    public static bool InSan(string cn, SubjectAltNames san)
    {
        if (IPAddress.TryParse(cn.Trim(), out var ip) && san.Ip.Any(e => IPAddress.TryParse(e, out var other) && other.Equals(ip)))
        {
            return true;
        }
        var host = HostnameMatcher.Normalize(cn);
        if (host is not null && san.Dns.Any(d => HostnameMatcher.Normalize(d) == host)) return true;
        return san.Email.Contains(cn, StringComparer.OrdinalIgnoreCase) || san.Uri.Contains(cn, StringComparer.Ordinal);
    }
}
