using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>
/// RFC 5280 §6.1 basic path validation of one candidate path: Path[0] the certificate being validated, Path[^1] the
/// trust anchor. The anchor is trusted as given (its validity and signature are not checked, as §6.1 says), but its
/// constraints count as they do in Web PKI verifiers: its nameConstraints, its pathLenConstraint and (through the
/// EKU rules) its extendedKeyUsage restrict the path below it. All problems are collected, in path order from the
/// anchor down, so the finding can name each certificate and step.
/// </summary>
internal sealed class PathValidator
{
    private readonly ValidationSettings _settings;
    private readonly DateTimeOffset _now;
    private readonly Func<CertificateInfo, PathFacts> _facts;
    private readonly Func<CertificateInfo, CertificateInfo, PathProblem?> _signature;
    private readonly Revocation _revocation;
    private readonly HashSet<string> _policies;

    /// <param name="signature">The (cached) signature check of a certificate by an issuer.</param>
    public PathValidator(ValidationSettings settings, DateTimeOffset now, Func<CertificateInfo, PathFacts> facts,
        Func<CertificateInfo, CertificateInfo, PathProblem?> signature, Revocation revocation)
    {
        _settings = settings;
        _now = now;
        _facts = facts;
        _signature = signature;
        _revocation = revocation;
        _policies = settings.Policies.Count == 0 ? new HashSet<string> { PolicyTree.AnyPolicy } : settings.Policies.ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="purposeOid">The key purpose the path's first certificate is used for (serverAuth...), or null.</param>
    public List<PathProblem> Validate(IReadOnlyList<CertificateInfo> path, string? purposeOid)
    {
        var problems = new List<PathProblem>();
        var n = path.Count - 1; // certificates below the anchor
        if (n == 0) return problems;
        var anchor = path[^1];
        var names = new NameConstraintChecker();
        if (_facts(anchor).NameConstraints is { } anchorConstraints) names.Add(anchor, anchorConstraints);
        var tree = new PolicyTree();
        var explicitPolicy = _settings.RequireExplicitPolicy ? 0 : n + 1;
        var inhibitAny = _settings.InhibitAnyPolicy ? 0 : n + 1;
        var policyMapping = _settings.InhibitPolicyMapping ? 0 : n + 1;
        var maxPathLength = anchor.BasicConstraints?.PathLength is int anchorMax ? Math.Min(n, anchorMax) : n;
        var maxPathSetBy = anchor;
        var policyFailed = false;
        // Revocation status is required once the path's PKI publishes CRLs (a CRL from the anchor or one of its CAs):
        // for the path's first certificate always (as openssl -crl_check), for a CA on it when its own issuer publishes
        // CRLs, so a repository holding its issuing CA's CRL but not its offline root's is not failed for the latter.
        var revocationChecked = !_revocation.IsEmpty && path.Skip(1).Any(c => _revocation.HasCrlsFrom(c.Subject));
        // The anchor signs the next certificate, so it must be a CA too, unless it is a version 1 certificate without
        // extensions, which §6.1 trusts as given (openssl and today's private roots alike).
        if (!(anchor.Version < 3 && anchor.Extensions.Count == 0))
        {
            if (!anchor.IsCa) problems.Add(new PathProblem(PathCheck.IssuerNotCa, n, anchor, $"trust anchor {anchor.Name} is not a CA ({(anchor.BasicConstraints is null ? "no basicConstraints" : "basicConstraints cA is not TRUE")})"));
            if (anchor.KeyUsage is { } anchorUsage && !anchorUsage.HasFlag(KeyUsageFlags.KeyCertSign))
            {
                problems.Add(new PathProblem(PathCheck.IssuerNotCa, n, anchor, $"trust anchor {anchor.Name} keyUsage lacks keyCertSign"));
            }
        }

        for (var i = 1; i <= n; i++)
        {
            var pos = n - i;
            var cert = path[pos];
            var issuer = path[pos + 1];
            var facts = _facts(cert);
            var isEnd = i == n;
            void Add(PathCheck check, string message) => problems.Add(new PathProblem(check, pos, cert, message));

            // §6.1.3 (a): signature, validity, revocation.
            if (_signature(cert, issuer) is { } badSignature) problems.Add(badSignature with { Position = pos });
            if (!isEnd && (_now < cert.NotBefore || _now > cert.NotAfter))
            {
                Add(PathCheck.Validity, _now < cert.NotBefore
                    ? $"issuer {cert.Name} is not valid before {cert.NotBefore:u}"
                    : $"issuer {cert.Name} expired on {cert.NotAfter:u}");
            }
            foreach (var m in facts.Malformed) Add(PathCheck.Malformed, $"{cert.Name}: {m}");
            if (_revocation.Check(cert, issuer, anchor, facts) is { } revoked) Add(PathCheck.Revoked, revoked);
            else if (revocationChecked && (isEnd || _revocation.HasCrlsFrom(issuer.Subject)) && _revocation.Undetermined(cert, issuer, anchor, facts) is { } unknown)
            {
                Add(PathCheck.RevocationUnknown, $"the revocation status of {cert.Name} cannot be determined: {unknown}");
            }

            // (b)–(c): name constraints of every CA above, for names of a certificate that is not self-issued or is the last.
            if ((!cert.IsSelfIssued || isEnd) && names.HasConstraints && names.Check(cert, facts, isEnd) is { } nameProblem)
            {
                Add(PathCheck.NameConstraints, $"{cert.Name}: {nameProblem}");
            }

            // (d)–(f): policies.
            tree.Process(cert.Policies, inhibitAny > 0 || (!isEnd && cert.IsSelfIssued));
            if (!policyFailed && (tree.TooLarge || (explicitPolicy == 0 && tree.IsNull)))
            {
                policyFailed = true;
                Add(PathCheck.Policy, PolicyMessage(cert, tree));
            }

            if (isEnd) break;

            // §6.1.4 preparation for the next certificate.
            if (facts.PolicyMappings is { } mappings)
            {
                if (mappings.Any(m => m.IssuerDomain == PolicyTree.AnyPolicy || m.SubjectDomain == PolicyTree.AnyPolicy))
                {
                    Add(PathCheck.Policy, $"{cert.Name} maps anyPolicy in policyMappings (RFC 5280 §6.1.4 (a))");
                }
                tree.Map(mappings, policyMapping > 0);
            }
            if (facts.NameConstraints is { } constraints) names.Add(cert, constraints);
            if (!cert.IsSelfIssued)
            {
                if (explicitPolicy > 0) explicitPolicy--;
                if (policyMapping > 0) policyMapping--;
                if (inhibitAny > 0) inhibitAny--;
            }
            if (facts.RequireExplicitPolicy is int rep) explicitPolicy = Math.Min(explicitPolicy, rep);
            if (facts.InhibitPolicyMapping is int ipm) policyMapping = Math.Min(policyMapping, ipm);
            if (facts.InhibitAnyPolicy is int iap) inhibitAny = Math.Min(inhibitAny, iap);

            // (k): must be a CA.
            if (!cert.IsCa)
            {
                var why = cert.Version < 3 ? $"a version {cert.Version} certificate" : cert.BasicConstraints is null ? "no basicConstraints" : "basicConstraints cA is not TRUE";
                Add(PathCheck.IssuerNotCa, $"issuer {cert.Name} is not a CA ({why})");
            }
            // (l)–(m): path length.
            if (!cert.IsSelfIssued)
            {
                if (maxPathLength <= 0)
                {
                    Add(PathCheck.PathLength, $"issuer {maxPathSetBy.Name} allows {PathLenOf(maxPathSetBy)} intermediate CA(s) below it (pathLenConstraint) but {cert.Name} is one more");
                }
                else maxPathLength--;
            }
            if (cert.BasicConstraints?.PathLength is int pathLen && pathLen < maxPathLength)
            {
                maxPathLength = pathLen;
                maxPathSetBy = cert;
            }
            // (n): keyCertSign.
            if (cert.KeyUsage is { } usage && !usage.HasFlag(KeyUsageFlags.KeyCertSign))
            {
                Add(PathCheck.IssuerNotCa, $"issuer {cert.Name} keyUsage lacks keyCertSign");
            }
            // (o): unknown critical extensions.
            foreach (var oid in facts.UnknownCritical) Add(PathCheck.UnknownCriticalExtension, UnknownCritical(cert, oid));
        }

        // §6.1.5 wrap-up for the path's first certificate.
        var first = path[0];
        var firstFacts = _facts(first);
        if (explicitPolicy > 0) explicitPolicy--;
        if (firstFacts.RequireExplicitPolicy == 0) explicitPolicy = 0;
        foreach (var oid in firstFacts.UnknownCritical) problems.Add(new PathProblem(PathCheck.UnknownCriticalExtension, 0, first, UnknownCritical(first, oid)));
        var intersected = tree.Intersect(_policies);
        if (!policyFailed && (tree.TooLarge || (explicitPolicy == 0 && !intersected))) problems.Add(new PathProblem(PathCheck.Policy, 0, first, PolicyMessage(first, tree)));
        if (purposeOid is not null && EkuProblem(path, purposeOid) is { } eku) problems.Add(eku);
        return problems;
    }

    private static int PathLenOf(CertificateInfo cert) => cert.BasicConstraints?.PathLength ?? 0;

    private static string UnknownCritical(CertificateInfo cert, string oid) =>
        $"{cert.Name} has critical extension {oid}, which CertLint does not process (RFC 5280 §4.2: the path must be rejected)";

    private string PolicyMessage(CertificateInfo cert, PolicyTree tree)
    {
        if (tree.TooLarge) return $"processing the certificate policies of the path down to {cert.Name} needs more than {PolicyTree.MaxNodes:N0} policy tree nodes or {PolicyTree.MaxSteps:N0} steps; CertLint stops and fails the path";
        var wanted = _policies.Contains(PolicyTree.AnyPolicy) ? "any policy" : string.Join(", ", _policies.Order(StringComparer.Ordinal));
        return $"no certificate policy acceptable to the path and to {wanted} remains at {cert.Name}, and an explicit policy is required"
            + (cert.Policies is null ? " (it has no certificatePolicies)" : $" (its policies: {string.Join(", ", cert.Policies)})");
    }

    /// <summary>EKU chaining: the first certificate's and every issuer's extendedKeyUsage, when present, must allow the purpose.</summary>
    private static PathProblem? EkuProblem(IReadOnlyList<CertificateInfo> path, string purposeOid)
    {
        for (var k = 0; k < path.Count; k++)
        {
            if (path[k].ExtendedKeyUsage is { } eku && !eku.Contains(purposeOid) && !eku.Contains(Oids.AnyExtendedKeyUsage))
            {
                return new PathProblem(PathCheck.Eku, k, path[k], $"{path[k].Name} extendedKeyUsage does not allow {purposeOid}");
            }
        }
        return null;
    }
}
