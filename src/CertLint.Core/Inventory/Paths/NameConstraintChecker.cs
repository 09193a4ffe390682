using System.Net;
using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>
/// RFC 5280 §6.1.3 (b)–(c) over a whole path. Instead of computing the intersection of permitted subtrees, each
/// CA's constraints are kept as they are: a name must lie in a permitted subtree of every CA above it that constrains
/// its form (which is what the intersection means) and in no excluded subtree of any of them (the union).
/// The work is capped: a certificate with thousands of names under thousands of subtrees fails with that reason.
/// </summary>
internal sealed class NameConstraintChecker
{
    /// <summary>Name-against-subtree comparisons allowed per path (Go's limit is 250,000 too).</summary>
    public const int MaxComparisons = 250_000;

    private readonly List<(CertificateInfo Ca, NameConstraints Constraints)> _active = [];
    private int _comparisons;

    public bool HasConstraints => _active.Count > 0;

    public void Add(CertificateInfo ca, NameConstraints constraints) => _active.Add((ca, constraints));

    /// <summary>The first violation for <paramref name="cert"/>'s names, or null.</summary>
    /// <param name="isEndEntity">The path's first certificate: unless it is a CA, its subject CNs count as DNS names when it has no SAN.</param>
    public string? Check(CertificateInfo cert, PathFacts facts, bool isEndEntity)
    {
        if (_active.Count == 0) return null;
        foreach (var name in NamesOf(cert, facts, isEndEntity))
        {
            var malformed = SyntaxProblem(name);
            foreach (var (ca, constraints) in _active)
            {
                if (Unprocessable(name, ca, constraints) is { } cannot) return cannot;
                if ((malformed is null ? Violation(name, ca, constraints) : Unjudgeable(name, malformed, ca, constraints)) is { } problem) return problem;
                if (_comparisons > MaxComparisons)
                {
                    return $"checking the names of {cert.Name} against the name constraints above it needs more than {MaxComparisons:N0} comparisons; CertLint stops and fails the path";
                }
            }
        }
        return null;
    }

    /// <summary>
    /// RFC 5280 §4.2.1.10: when a critical nameConstraints constrains a name form and a name of that form appears in a
    /// later certificate, the application "MUST either process the constraint or reject the certificate". A subtree
    /// CertLint cannot process (otherName, x400Address, ediPartyName, registeredID, a minimum or maximum, a mask that is
    /// not CIDR) therefore fails the certificates that carry a name of its form, and only those: a path whose names are
    /// all of other forms is judged by the constraints that can be processed. A non-critical one is left unprocessed.
    /// </summary>
    private string? Unprocessable(GeneralName name, CertificateInfo ca, NameConstraints constraints)
    {
        if (!constraints.Critical) return null;
        foreach (var subtree in constraints.UncheckableSubtrees)
        {
            _comparisons++;
            if (subtree.Base.Form != name.Form) continue;
            return $"critical nameConstraints of {ca.Name} use {subtree.Unsupported} ({subtree.Base}), which CertLint cannot check against its name {name}";
        }
        return null;
    }

    /// <summary>
    /// A malformed name of a form the CA constrains cannot be shown to be inside its permitted subtrees nor outside its
    /// excluded ones: the path fails (RFC 5280 §6.1.3 (b)–(c) need the name's value; Go and webpki reject it too).
    /// A constraint on other forms says nothing about it.
    /// </summary>
    private string? Unjudgeable(GeneralName name, string malformed, CertificateInfo ca, NameConstraints constraints)
    {
        foreach (var subtree in constraints.PermittedSubtrees.Concat(constraints.ExcludedSubtrees))
        {
            _comparisons++;
            if (subtree.Base.Form == name.Form && subtree.Unsupported is null)
            {
                return $"{name} is malformed ({malformed}), so it cannot be checked against the name constraints of {ca.Name}";
            }
        }
        return null;
    }

    private static string? SyntaxProblem(GeneralName name) => name.Form switch
    {
        NameForm.Dns => NameMatcher.DnsSyntaxProblem(name.Text),
        NameForm.Rfc822 => NameMatcher.MailboxProblem(name.Text),
        _ => null,
    };

    private string? Violation(GeneralName name, CertificateInfo ca, NameConstraints constraints)
    {
        var anyOfForm = false;
        var permitted = false;
        foreach (var subtree in constraints.PermittedSubtrees)
        {
            _comparisons++;
            if (subtree.Base.Form != name.Form || subtree.Unsupported is not null) continue;
            anyOfForm = true;
            if (NameMatcher.Within(name, subtree.Base, forExclusion: false))
            {
                permitted = true;
                break;
            }
        }
        if (anyOfForm && !permitted)
        {
            return $"{name} is not within the permitted subtrees of {ca.Name} ({Describe(constraints.PermittedSubtrees, name.Form)})";
        }
        foreach (var subtree in constraints.ExcludedSubtrees)
        {
            _comparisons++;
            if (subtree.Base.Form != name.Form || subtree.Unsupported is not null) continue;
            if (NameMatcher.Within(name, subtree.Base, forExclusion: true) || UncheckableUri(name))
            {
                return $"{name} is within the excluded subtree {subtree.Base.Text} of {ca.Name}";
            }
        }
        return null;
    }

    private static bool UncheckableUri(GeneralName name) => name.Form == NameForm.Uri && NameMatcher.UriHost(name.Text) is null;

    private static string Describe(IReadOnlyList<Subtree> subtrees, NameForm form)
    {
        var same = subtrees.Where(s => s.Base.Form == form).Select(s => s.Base.Text.Length == 0 ? "(any)" : s.Base.Text).ToList();
        return same.Count <= 5 ? string.Join(", ", same) : string.Join(", ", same.Take(5)) + $", and {same.Count - 5} more";
    }

    /// <summary>
    /// The names constraints apply to: the subject DN (when not empty), every SAN entry, the subject's emailAddress
    /// attributes when there is no SAN (RFC 5280 §4.2.1.10), and for the end entity without a SAN its DNS-like or
    /// IP-like subject CNs (as Chromium and webpki do, because legacy clients still match host names against the CN).
    /// A CA certificate at the start of its own path is not such an end entity: its CN names the CA, no client matches
    /// a host against it, so "CN=issuing-ca-1" under a dNSName constraint is no violation.
    /// </summary>
    private static IEnumerable<GeneralName> NamesOf(CertificateInfo cert, PathFacts facts, bool isEndEntity)
    {
        if (!cert.Subject.IsEmpty) yield return new GeneralName(NameForm.Directory, cert.Subject.Text, Key: cert.Subject.NormalizedKey);
        foreach (var name in facts.SubjectAltNames ?? []) yield return name;
        if (facts.SubjectAltNames is not null) yield break;
        foreach (var attribute in cert.Subject.Attributes)
        {
            if (attribute.Oid == Oids.EmailAddress) yield return new GeneralName(NameForm.Rfc822, attribute.Value);
            else if (isEndEntity && !cert.IsCa && attribute.Oid == Oids.CommonName && CnAsName(attribute.Value) is { } cn) yield return cn;
        }
    }

    private static GeneralName? CnAsName(string cn)
    {
        if (IPAddress.TryParse(cn, out var ip) && (cn.Contains(':', StringComparison.Ordinal) || cn.Count(c => c == '.') == 3))
        {
            return new GeneralName(NameForm.Ip, cn, ip.GetAddressBytes());
        }
        return LooksLikeHostName(cn) ? new GeneralName(NameForm.Dns, cn) : null;
    }

    /// <summary>
    /// Letters, digits, hyphens and underscores in two or more dot-separated labels, optionally a leading "*." (a CN like
    /// "My Service" is not a host). A single label ("jdoe", "leaf") is not taken for a host name, as OpenSSL does not: a
    /// client certificate named for its user under a CA with dNSName constraints is no violation.
    /// </summary>
    private static bool LooksLikeHostName(string s)
    {
        var name = s.StartsWith("*.", StringComparison.Ordinal) ? s[2..] : s.TrimEnd('.');
        if (name.Length == 0 || name.Length > 253 || (!s.StartsWith("*.", StringComparison.Ordinal) && !name.Contains('.'))) return false;
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0 || label.Length > 63) return false;
            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_') return false;
            }
        }
        return true;
    }
}
