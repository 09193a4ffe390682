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
        if (subject.Certificate is not { } cert) return [];
        var scope = arguments.GetString("in");
        var cn = scope == "san" ? null : cert.Subject.CommonName;
        var san = scope == "cn" ? SubjectAltNames.Empty : cert.SubjectAltNames ?? SubjectAltNames.Empty;
        var bad = arguments.GetString("check") switch
        {
            "reserved-ip" => ReservedIp(san, cn),
            "cn-from-san" => CommonNameNotInSan(cert, san),
            "wildcard-public-suffix" => FirstDnsName(san, cn, arguments.GetBool("privateSuffixes"),
                static (n, privateSuffixes) => n.StartsWith("*.", StringComparison.Ordinal) && PublicSuffixList.Default.IsPublicSuffix(n[2..], privateSuffixes)),
            _ => FirstDnsName(san, cn, false, static (n, _) => !PublicSuffixList.Default.HasKnownTld(n)),
        };
        return bad is null ? [] : [new Violation(new Dictionary<string, object?> { ["name"] = bad })];
    }

    // Index loops rather than LINQ chains and enumerators: four pack rules ask this of every subscriber certificate.

    private static string? ReservedIp(SubjectAltNames san, string? cn)
    {
        for (var i = 0; i < san.Ip.Count; i++) if (IsReserved(san.Ip[i])) return san.Ip[i];
        return cn is not null && IsReserved(cn) ? cn : null;
    }

    private static bool IsReserved(string text) => ReservedIps.ParseOrNull(text) is { } ip && ReservedIps.IsReserved(ip);

    private static string? CommonNameNotInSan(CertificateInfo cert, SubjectAltNames san)
    {
        var attributes = cert.Subject.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var a = attributes[i];
            if (a.Oid == Oids.CommonName && !Has(san.Dns, a.Value) && !Has(san.Ip, a.Value)) return a.Value;
        }
        return null;
    }

    private static bool Has(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++) if (string.Equals(values[i], value, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The first of the SAN dNSNames and the CN (when it is not an IP address) that is bad.</summary>
    private static string? FirstDnsName(SubjectAltNames san, string? cn, bool option, Func<string, bool, bool> bad)
    {
        for (var i = 0; i < san.Dns.Count; i++) if (bad(san.Dns[i], option)) return san.Dns[i];
        return cn is { Length: > 0 } && ReservedIps.ParseOrNull(cn) is null && bad(cn, option) ? cn : null;
    }
}
