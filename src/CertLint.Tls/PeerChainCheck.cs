using System.Security.Cryptography.X509Certificates;

namespace CertLint.Tls;

/// <summary>What is wrong with the certificates a peer presented.</summary>
public enum ChainProblemKind
{
    /// <summary>No path to a trust anchor with what the peer sent (plus --ca): a missing intermediate.</summary>
    Incomplete,
    /// <summary>A path exists but ends at a root that is not trusted, or a signature does not verify.</summary>
    Untrusted,
    /// <summary>A certificate of the chain is expired or not yet valid.</summary>
    Expired,
    HostnameMismatch,
    /// <summary>The leaf's extendedKeyUsage excludes the purpose (serverAuth / clientAuth).</summary>
    WrongPurpose,
}

public sealed record ChainProblem(ChainProblemKind Kind, string Message);

/// <summary>
/// Judges the chain a peer presented, as the other side of the handshake would: a path to a trusted root from what
/// was sent, every certificate in date, the purpose in the leaf's EKU, the host name (for servers). Both the probe
/// (judging a server) and the self-test server (judging a client) use it. X509Chain is fine here: one chain per
/// handshake, far from the lint's hot path.
/// </summary>
public static class PeerChainCheck
{
    /// <param name="sent">DER certificates as the peer sent them, leaf first.</param>
    /// <param name="trust">Anchors (and intermediates) the judge trusts; null trusts the system store.</param>
    /// <param name="purposeOid">serverAuth or clientAuth.</param>
    /// <param name="peer">"server" or "client", for messages.</param>
    /// <param name="hostName">The name the leaf must cover; null skips the check.</param>
    public static IReadOnlyList<ChainProblem> Check(IReadOnlyList<byte[]> sent, X509Certificate2Collection? trust, string purposeOid, string peer, string? hostName, DateTimeOffset now)
    {
        if (sent.Count == 0) return [];
        var found = new List<ChainProblem>();
        var certs = sent.Select(d => X509CertificateLoader.LoadCertificate(d)).ToList();
        try
        {
            CheckPath(certs, trust, peer, now, found);
            CheckLeaf(certs[0], purposeOid, peer, hostName, found);
        }
        finally
        {
            foreach (var c in certs) c.Dispose();
        }
        return found;
    }

    private static void CheckPath(List<X509Certificate2> sent, X509Certificate2Collection? trust, string peer, DateTimeOffset now, List<ChainProblem> found)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.RevocationMode = X509RevocationMode.NoCheck;
        policy.DisableCertificateDownloads = true;
        policy.VerificationTime = now.UtcDateTime;
        policy.ExtraStore.AddRange(sent.Skip(1).ToArray());
        if (trust is not null)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            foreach (var c in trust)
            {
                if (IsSelfIssued(c)) policy.CustomTrustStore.Add(c);
                else policy.ExtraStore.Add(c);
            }
        }
        chain.Build(sent[0]);

        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        var sentThumbprints = sent.Select(c => c.Thumbprint).ToHashSet(StringComparer.Ordinal);
        var last = elements[^1];
        var statuses = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (a, s) => a | s.Status);
        var trustName = trust is null ? "the system trust store" : $"the CA file{(trust.Count == 1 ? "" : "s")} the {Judge(peer)} trusts";

        foreach (var missing in elements.Skip(1).Where(c => !sentThumbprints.Contains(c.Thumbprint) && !IsSelfIssued(c)))
        {
            found.Add(new(ChainProblemKind.Incomplete,
                $"the {peer} did not send the intermediate '{missing.Subject}'; it was found in {trustName}, but peers that only hold the root will fail"));
        }
        if (statuses.HasFlag(X509ChainStatusFlags.PartialChain) || !IsSelfIssued(last))
        {
            found.Add(new(ChainProblemKind.Incomplete,
                $"the {peer}'s chain ends at '{last.Subject}', whose issuer '{last.Issuer}' the {peer} did not send and {trustName} does not hold"));
        }
        else if (statuses.HasFlag(X509ChainStatusFlags.UntrustedRoot))
        {
            found.Add(new(ChainProblemKind.Untrusted, $"the {peer}'s chain ends at the root '{last.Subject}', which is not in {trustName}"));
        }
        const X509ChainStatusFlags invalid = X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.InvalidBasicConstraints;
        if ((statuses & invalid) != 0)
        {
            var detail = string.Join("; ", chain.ChainStatus.Where(s => (s.Status & invalid) != 0).Select(s => s.StatusInformation.Trim()).Distinct());
            found.Add(new(ChainProblemKind.Untrusted, $"the {peer}'s chain is invalid: {detail}"));
        }
        foreach (var c in elements)
        {
            if (CertificateFacts.ValidityProblem(c, now) is { } problem)
                found.Add(new(ChainProblemKind.Expired, $"'{c.Subject}' sent by the {peer} {problem}"));
        }
    }

    private static void CheckLeaf(X509Certificate2 leaf, string purposeOid, string peer, string? hostName, List<ChainProblem> found)
    {
        if (hostName is not null && !leaf.MatchesHostname(hostName, allowWildcards: true, allowCommonName: false))
        {
            var names = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>()
                .SelectMany(s => s.EnumerateDnsNames().Concat(s.EnumerateIPAddresses().Select(i => i.ToString()))).ToList();
            found.Add(new(ChainProblemKind.HostnameMismatch, names.Count == 0
                ? $"the {peer} certificate '{leaf.Subject}' has no subjectAltName, so it covers no host name; expected '{hostName}'"
                : $"the {peer} certificate covers {string.Join(", ", names)} but not '{hostName}'"));
        }
        if (!CertificateFacts.AllowsPurpose(leaf, purposeOid, out var listed))
        {
            var purpose = new System.Security.Cryptography.Oid(purposeOid).FriendlyName ?? purposeOid;
            found.Add(new(ChainProblemKind.WrongPurpose, $"the {peer} certificate '{leaf.Subject}' has extendedKeyUsage {string.Join(", ", listed)} without {purpose}"));
        }
    }

    private static string Judge(string peer) => peer == "server" ? "client" : "server";

    private static bool IsSelfIssued(X509Certificate2 c) => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);
}
