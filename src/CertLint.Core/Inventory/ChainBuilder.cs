using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Builds each certificate's path to a trust anchor by depth-first search over candidate issuers, best candidates first
/// (signature verifies, issuer may sign, anchor, valid now, newest), so that cross-signed and renewed CAs with the same
/// name resolve to a working path when one exists. Loops are cut, depth and effort are bounded. When no complete path
/// exists the most useful failed one is reported: fewest broken links, then reaching an anchor, then longest.
/// </summary>
internal sealed class ChainBuilder
{
    /// <summary>Longest path considered, in certificates.</summary>
    public const int MaxLength = 16;
    private const int MaxNodesPerCertificate = 512;

    private readonly IssuerIndex _index;
    private readonly SignatureVerifier _verifier;
    private readonly IReadOnlySet<string> _anchors;
    private readonly IReadOnlySet<string> _selfSigned;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<string, IReadOnlyList<CertificateInfo>> _sortedCandidates = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), List<string>> _edgeProblems = [];

    /// <param name="anchors">SHA-256 of the trust anchors.</param>
    /// <param name="selfSigned">SHA-256 of the self-signed certificates.</param>
    public ChainBuilder(IssuerIndex index, SignatureVerifier verifier, IReadOnlySet<string> anchors, IReadOnlySet<string> selfSigned, DateTimeOffset now)
    {
        _index = index;
        _verifier = verifier;
        _anchors = anchors;
        _selfSigned = selfSigned;
        _now = now;
    }

    public ChainResult Build(CertificateInfo cert)
    {
        var search = new Search(cert);
        Explore(search);
        return search.Best?.Result ?? Evaluate([cert], false, "no path found within the search limit").Result;
    }

    /// <returns>True when a complete path was found (the search stops).</returns>
    private bool Explore(Search s)
    {
        var current = s.Path[^1];
        if (_anchors.Contains(current.Sha256)) return s.Offer(Evaluate(s.Path, reachedAnchor: true, null));
        if (s.Path.Count >= MaxLength) return s.Offer(Evaluate(s.Path, false, $"chain longer than {MaxLength} certificates"));
        // Past an untrusted self-signed issuer only certificates with its name and key can follow, and its child can
        // reach those directly: stop here. (The certificate itself may go on: a new root trusted through a cross-signature.)
        if (s.Path.Count > 1 && _selfSigned.Contains(current.Sha256)) return s.Offer(Evaluate(s.Path, false, DeadEnd(current, false)));

        var candidates = SortedCandidates(current);
        var explored = false;
        foreach (var issuer in candidates)
        {
            if (s.OnPath.Contains(issuer.Sha256)) continue;
            if (++s.Nodes > MaxNodesPerCertificate) return false;
            explored = true;
            s.Push(issuer);
            var done = Explore(s);
            s.Pop();
            if (done) return true;
        }
        if (explored) return false;
        return s.Offer(Evaluate(s.Path, false, DeadEnd(current, candidates.Count > 0)));
    }

    private string DeadEnd(CertificateInfo current, bool allCandidatesOnPath)
    {
        var name = IssuerChecks.Name(current);
        if (_selfSigned.Contains(current.Sha256)) return $"{name} is self-signed but not a trust anchor";
        if (allCandidatesOnPath) return $"issuer {current.Issuer.Text} of {name} only leads back into the chain (loop)";
        // A CA whose issuer is missing usually hangs from a root that was not given as an anchor, not from a lost intermediate.
        var problem = current.IsCa
            ? $"issuer {current.Issuer.Text} not found: the CA {name} hangs from a root that is not a trust anchor (an untrusted or unknown root: pass it with --ca)"
            : $"issuer {current.Issuer.Text} not found";
        if (current.AuthorityKeyIdentifier is { } aki)
        {
            problem += $" (key identifier {aki})";
            if (_index.HasNameMatchWithOtherKeyId(current)) problem += "; a certificate with that name but another key identifier is present";
        }
        return problem;
    }

    private Terminal Evaluate(List<CertificateInfo> path, bool reachedAnchor, string? deadEnd)
    {
        var problems = new List<string>();
        for (var i = 0; i + 1 < path.Count; i++) problems.AddRange(EdgeProblems(path[i], path[i + 1]));
        problems.AddRange(IssuerChecks.PathLengthProblems(path));
        var broken = problems.Count;
        if (deadEnd is not null) problems.Add(deadEnd);
        var status = broken > 0 ? ChainStatus.Invalid : reachedAnchor ? ChainStatus.Complete : ChainStatus.Incomplete;
        return new Terminal(new ChainResult(status, [.. path], problems), broken, reachedAnchor);
    }

    private List<string> EdgeProblems(CertificateInfo child, CertificateInfo issuer)
    {
        var key = (child.Sha256, issuer.Sha256);
        if (!_edgeProblems.TryGetValue(key, out var problems))
        {
            problems = IssuerChecks.EdgeProblems(child, issuer, _verifier.Check(child, issuer), _anchors.Contains(issuer.Sha256));
            _edgeProblems[key] = problems;
        }
        return problems;
    }

    private IReadOnlyList<CertificateInfo> SortedCandidates(CertificateInfo cert)
    {
        if (_sortedCandidates.TryGetValue(cert.Sha256, out var sorted)) return sorted;
        sorted = [.. _index.Candidates(cert)
            .OrderBy(c => _verifier.Check(cert, c).IsValid ? 0 : 1)
            .ThenBy(c => EdgeProblems(cert, c).Count)
            .ThenBy(c => _anchors.Contains(c.Sha256) ? 0 : 1)
            .ThenBy(c => c.NotBefore <= _now && _now <= c.NotAfter ? 0 : 1)
            .ThenByDescending(c => c.NotAfter)
            .ThenBy(_index.OrderOf)];
        _sortedCandidates[cert.Sha256] = sorted;
        return sorted;
    }

    private readonly record struct Terminal(ChainResult Result, int Broken, bool ReachedAnchor)
    {
        /// <summary>Fewer broken links first, then reaching an anchor, then the longer path (more of the chain known).</summary>
        public bool BetterThan(Terminal other) =>
            Broken != other.Broken ? Broken < other.Broken
            : ReachedAnchor != other.ReachedAnchor ? ReachedAnchor
            : Result.Path.Count > other.Result.Path.Count;
    }

    private sealed class Search
    {
        public Search(CertificateInfo start)
        {
            Path = [start];
            OnPath = new HashSet<string>(StringComparer.Ordinal) { start.Sha256 };
        }

        public List<CertificateInfo> Path { get; }
        public HashSet<string> OnPath { get; }
        public int Nodes { get; set; }
        public Terminal? Best { get; private set; }

        public void Push(CertificateInfo cert)
        {
            Path.Add(cert);
            OnPath.Add(cert.Sha256);
        }

        public void Pop()
        {
            OnPath.Remove(Path[^1].Sha256);
            Path.RemoveAt(Path.Count - 1);
        }

        /// <returns>True when the offered path is complete.</returns>
        public bool Offer(Terminal terminal)
        {
            if (Best is null || terminal.BetterThan(Best.Value)) Best = terminal;
            return terminal.Result.Status == ChainStatus.Complete;
        }
    }
}
