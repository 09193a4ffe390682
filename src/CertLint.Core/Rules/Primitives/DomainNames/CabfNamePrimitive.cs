using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives.DomainNames;

/// <summary>
/// Name checks of the CA/B Forum BR that need data rather than a pattern: `internal-name` (a dNSName or DNS-looking CN
/// whose top-level domain is not in the Public Suffix List's ICANN section: .local, .corp, .internal, single labels;
/// BR §7.1.4.2.1 and the definition of Internal Name), `wildcard-public-suffix` (a wildcard directly over a public
/// suffix such as *.co.uk; BR §3.2.2.6) and `reserved-ip` (an IANA special-purpose address in an iPAddress SAN or
/// in the CN; BR §7.1.4.2.1) and `cn-from-san` (every commonName value is, character for character, a SAN dNSName
/// or the text form of a SAN iPAddress; BR §7.1.4.3: the rule functions compare strings ignoring case, this does not).
/// </summary>
public sealed class CabfNamePrimitive : ICheckPrimitive
{
    public string Name => "cabf-names";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("check", ParameterType.String, "internal-name", "internal-name, wildcard-public-suffix, reserved-ip or cn-from-san",
            AllowedValues: ["internal-name", "wildcard-public-suffix", "reserved-ip", "cn-from-san"]),
        new("in", ParameterType.String, "all", "Which names: san (subjectAltName), cn (subject commonName) or all",
            AllowedValues: ["san", "cn", "all"]),
        new("privateSuffixes", ParameterType.Boolean, false, "Also count the PSL's PRIVATE section (github.io, ...) as public suffixes"),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var scope = arguments.GetString("in");
        var cn = scope == "san" ? null : cert.Subject.CommonName;
        var san = scope == "cn" ? SubjectAltNames.Empty : cert.SubjectAltNames ?? SubjectAltNames.Empty;
        var psl = PublicSuffixList.Default;
        var bad = arguments.GetString("check") switch
        {
            "reserved-ip" => san.Ip.Concat(cn is null ? [] : [cn]).FirstOrDefault(t => ReservedIps.ParseOrNull(t) is { } ip && ReservedIps.IsReserved(ip)),
            "cn-from-san" => CommonNames(cert).FirstOrDefault(v => !san.Dns.Contains(v, StringComparer.Ordinal) && !san.Ip.Contains(v, StringComparer.Ordinal)),
            "wildcard-public-suffix" => DnsNames(san, cn).FirstOrDefault(n =>
                n.StartsWith("*.", StringComparison.Ordinal) && psl.IsPublicSuffix(n[2..], arguments.GetBool("privateSuffixes"))),
            _ => DnsNames(san, cn).FirstOrDefault(n => !psl.HasKnownTld(n)),
        };
        if (bad is not null) yield return new Violation(new Dictionary<string, object?> { ["name"] = bad });
    }

    private static IEnumerable<string> CommonNames(CertificateInfo cert) =>
        cert.Subject.Attributes.Where(a => a.Oid == Oids.CommonName).Select(a => a.Value);

    /// <summary>SAN dNSNames and the CN when it is not an IP address.</summary>
    private static IEnumerable<string> DnsNames(SubjectAltNames san, string? cn) =>
        san.Dns.Concat(cn is { Length: > 0 } && ReservedIps.ParseOrNull(cn) is null ? [cn] : []);
}
