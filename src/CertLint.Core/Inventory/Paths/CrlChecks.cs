using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>What the inventory found out about one CRL: its issuer, why it cannot be used, and whether it is stale.</summary>
public sealed record CrlStatus(CrlInfo Crl, CertificateInfo? Issuer, string? Problem, bool Stale);

/// <summary>Each CRL's issuer among the known certificates and whether it can be used (for crl-invalid and crl-stale).</summary>
internal static class CrlChecks
{
    public static IReadOnlyList<CrlStatus> Check(IReadOnlyList<CrlInfo> crls, IssuerIndex index, Revocation revocation, DateTimeOffset now)
    {
        var result = new List<CrlStatus>(crls.Count);
        foreach (var crl in crls)
        {
            var stale = crl.NextUpdate is { } next && next < now;
            var candidates = index.Candidates(crl.Issuer, crl.AuthorityKeyIdentifier);
            if (candidates.Count == 0)
            {
                result.Add(new CrlStatus(crl, null, $"its issuer {crl.Issuer.Text} is not among the certificates found or the trust anchors", stale));
                continue;
            }
            CertificateInfo? issuer = null;
            string? problem = null;
            // Bounded like the path search's candidates (best first): a thousand look-alike CAs of the CRL issuer's name
            // would otherwise cost a thousand signature checks per CRL.
            foreach (var candidate in candidates.Bounded())
            {
                var why = revocation.Unusable(crl, candidate);
                if (why is null)
                {
                    issuer = candidate;
                    problem = null;
                    break;
                }
                problem ??= why;
                issuer ??= candidate;
            }
            if (problem is not null) problem += candidates.NotTried();
            result.Add(new CrlStatus(crl, issuer, problem, stale));
        }
        return result;
    }
}
