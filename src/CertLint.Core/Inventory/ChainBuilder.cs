using System.Collections.Concurrent;
using CertLint.Configuration;
using CertLint.Inventory.Paths;
using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Builds each certificate's path to a trust anchor by depth-first search with backtracking over candidate issuers,
/// best candidates first (signature verifies, issuer may sign, anchor, valid now, newest), and validates every path
/// that reaches an anchor with RFC 5280 §6.1 (<see cref="PathValidator"/>): the first valid path wins, so cross-signed,
/// re-keyed and renewed CAs with the same name and decoys in the folder resolve to a working path when one exists.
/// Loops are cut, depth (validation.maxChainDepth intermediates) and effort are bounded. When no path is valid the
/// most useful failed one is reported: fewest broken signatures, then reaching an anchor, then fewest failed checks,
/// then the longest.
/// </summary>
internal sealed class ChainBuilder
{
    internal const int MaxNodesPerCertificate = 512;

    /// <summary>Candidate issuers whose signature is checked per certificate. Look-alike CAs (one name, one key
    /// identifier) are each a candidate issuer of every other, so checking every pair is quadratic: 3,000 of them in a
    /// 3 MB file would be 9 million verifications. Past this many, the checks that cost no signature choose which.</summary>
    internal const int MaxCandidatesPerCertificate = 64;

    private readonly IssuerIndex _index;
    private readonly SignatureVerifier _verifier;
    private readonly IReadOnlySet<string> _anchors;
    private readonly IReadOnlySet<string> _selfSigned;
    private readonly DateTimeOffset _now;
    private readonly int _maxDepth;
    private readonly Func<CertificateInfo, string?> _purpose;
    private readonly PathValidator _validator;
    // Certificates are built in parallel (see InventoryBuilder): the caches are shared, and a value computed twice by
    // two threads is the same value, so GetOrAdd without locks is enough.
    private readonly ConcurrentDictionary<string, (IReadOnlyList<CertificateInfo> Sorted, int Total)> _sortedCandidates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), PathProblem?> _signatureProblems = new();
    private readonly ConcurrentDictionary<CertificateInfo, PathFacts> _facts = new(ReferenceEqualityComparer.Instance);

    /// <param name="anchors">SHA-256 of the trust anchors.</param>
    /// <param name="selfSigned">SHA-256 of the self-signed certificates.</param>
    /// <param name="purpose">The key purpose OID a certificate is used for (from its role), or null.</param>
    public ChainBuilder(IssuerIndex index, SignatureVerifier verifier, IReadOnlySet<string> anchors, IReadOnlySet<string> selfSigned,
        DateTimeOffset now, ValidationSettings validation, Revocation revocation, Func<CertificateInfo, string?> purpose)
    {
        _index = index;
        _verifier = verifier;
        _anchors = anchors;
        _selfSigned = selfSigned;
        _now = now;
        _maxDepth = validation.MaxChainDepth;
        _purpose = purpose;
        _validator = new PathValidator(validation, now, FactsOf, SignatureProblem, revocation);
    }

    public PathFacts FactsOf(CertificateInfo cert) => _facts.GetOrAdd(cert, PathFacts.Of);

    public ChainResult Build(CertificateInfo cert)
    {
        var search = new Search(cert, _purpose(cert));
        var valid = Explore(search);
        var result = search.Best?.Result ?? Incomplete(search, "no path found within the search limit").Result;
        return result with { Explored = search.Nodes, Bound = valid ? null : search.Bound() };
    }

    /// <returns>True when a valid path was found (the search stops).</returns>
    private bool Explore(Search s)
    {
        var current = s.Path[^1];
        if (_anchors.Contains(current.Sha256)) return s.Offer(Anchored(s));
        // Intermediates so far: every certificate after the first (the current one is not an anchor).
        if (s.Path.Count - 1 > _maxDepth) return s.Offer(TooDeep(s));
        // Past an untrusted self-signed issuer only certificates with its name and key can follow, and its child can
        // reach those directly: stop here. (The certificate itself may go on: a new root trusted through a cross-signature.)
        if (_selfSigned.Contains(current.Sha256))
        {
            if (s.Path.Count > 1) return s.Offer(Incomplete(s, DeadEnd(current, false)));
            // A self-signed certificate is its own issuer (its signature verifies with its own key): that path, ending
            // here untrusted, stands against any other tried below. Another certificate that merely shares its name
            // (whose key does not verify the signature) must not make it "invalid, issuer not a CA".
            s.Offer(Incomplete(s, DeadEnd(current, false)));
        }

        var (candidates, total) = SortedCandidates(current);
        if (total > candidates.Count) s.Cut(current, total);
        var explored = false;
        foreach (var issuer in candidates)
        {
            if (s.OnPath.Contains(issuer.Sha256)) continue;
            if (s.Nodes >= MaxNodesPerCertificate)
            {
                s.NodesSpent = true;
                return false;
            }
            s.Nodes++;
            explored = true;
            s.Push(issuer);
            var done = Explore(s);
            s.Pop();
            if (done) return true;
        }
        if (explored) return false;
        return s.Offer(Incomplete(s, DeadEnd(current, candidates.Count > 0)));
    }

    private string DeadEnd(CertificateInfo current, bool allCandidatesOnPath)
    {
        var name = current.Name;
        if (_selfSigned.Contains(current.Sha256)) return $"{name} is self-signed but not a trust anchor";
        // An algorithm CertLint cannot verify makes every candidate issuer (the certificate itself included, when
        // self-issued) unconfirmable: say that, not "loop" or "not found".
        if (SignatureScheme.From(current.Signature, out var unsupported) is null)
        {
            return $"{unsupported} of {name}, so its issuer {current.Issuer.Text} cannot be confirmed";
        }
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

    private Terminal Anchored(Search s) => Terminal.Of([.. s.Path], _validator.Validate(s.Path, s.Purpose), reachedAnchor: true, deadEnd: null);

    private Terminal TooDeep(Search s)
    {
        var problem = new PathProblem(PathCheck.Depth, s.Path.Count - 1, s.Path[^1],
            $"no trust anchor within {_maxDepth} intermediate certificate(s) (validation.maxChainDepth / --max-chain-depth)");
        return Terminal.Of([.. s.Path], [.. EdgeProblems(s.Path), problem], reachedAnchor: true, deadEnd: null);
    }

    /// <summary>A path that ends without an anchor: only what does not need the anchor is checked (signatures, CA flags).</summary>
    private Terminal Incomplete(Search s, string deadEnd) => Terminal.Of([.. s.Path], EdgeProblems(s.Path), reachedAnchor: false, deadEnd);

    private List<PathProblem> EdgeProblems(List<CertificateInfo> path)
    {
        var problems = new List<PathProblem>();
        for (var i = 0; i + 1 < path.Count; i++)
        {
            if (SignatureProblem(path[i], path[i + 1]) is { } signature) problems.Add(signature with { Position = i });
            problems.AddRange(IssuerChecks.MaySign(path[i + 1], i + 1));
        }
        return problems;
    }

    private PathProblem? SignatureProblem(CertificateInfo child, CertificateInfo issuer)
    {
        var key = (child.Sha256, issuer.Sha256);
        if (_signatureProblems.TryGetValue(key, out var problem)) return problem;
        problem = IssuerChecks.SignatureProblem(child, issuer, _verifier.Check(child, issuer));
        _signatureProblems.TryAdd(key, problem);
        return problem;
    }

    /// <summary>The candidate issuers to try, best first, at most <see cref="MaxCandidatesPerCertificate"/>, and how many there were.</summary>
    private (IReadOnlyList<CertificateInfo> Sorted, int Total) SortedCandidates(CertificateInfo cert)
    {
        if (_sortedCandidates.TryGetValue(cert.Sha256, out var cached)) return cached;
        var found = _index.Candidates(cert);
        var total = found.Count;
        // The first candidates in the index's order (AKI matches first), never all of them: sorting every look-alike
        // for every certificate was quadratic (10,000 look-alike CAs: 106 s of CPU).
        var candidates = found.Bounded();
        if (total <= 1) return (candidates, total); // nothing to order (a leaf and its one issuer): no sort, nothing cached
        IReadOnlyList<CertificateInfo> sorted = [.. ThenByCheapChecks(candidates.OrderBy(c => SignatureProblem(cert, c) is null ? 0 : 1))];
        _sortedCandidates.TryAdd(cert.Sha256, (sorted, total));
        return (sorted, total);
    }

    /// <summary>The order among candidate issuers that needs no signature check: fewest failed issuer checks, trust
    /// anchors, valid now, latest notAfter, then scan order (deterministic).</summary>
    private IOrderedEnumerable<CertificateInfo> ThenByCheapChecks(IOrderedEnumerable<CertificateInfo> ordered) => ordered
        .ThenBy(c => IssuerChecks.MaySign(c, 1).Count())
        .ThenBy(c => _anchors.Contains(c.Sha256) ? 0 : 1)
        .ThenBy(c => c.NotBefore <= _now && _now <= c.NotAfter ? 0 : 1)
        .ThenByDescending(c => c.NotAfter)
        .ThenBy(_index.OrderOf);

    private readonly record struct Terminal(ChainResult Result, int BrokenSignatures, bool ReachedAnchor)
    {
        public static Terminal Of(CertificateInfo[] path, List<PathProblem> failures, bool reachedAnchor, string? deadEnd)
        {
            var problems = new string[failures.Count + (deadEnd is null ? 0 : 1)];
            for (var i = 0; i < failures.Count; i++) problems[i] = failures[i].Message;
            if (deadEnd is not null) problems[^1] = deadEnd;
            var status = failures.Count > 0 ? ChainStatus.Invalid : reachedAnchor ? ChainStatus.Complete : ChainStatus.Incomplete;
            var broken = failures.Count(f => f.Check == PathCheck.Signature);
            // Exact arrays (the shared empty one for a valid path): every certificate's chain is kept for the whole run.
            var result = new ChainResult(status, path, problems.Length == 0 ? [] : problems) { Failures = Parsing.KeptList.Of(failures) };
            return new Terminal(result, broken, reachedAnchor);
        }

        /// <summary>Fewer broken signatures, then reaching an anchor, then fewer failed checks, then the longer path.</summary>
        public bool BetterThan(Terminal other) =>
            BrokenSignatures != other.BrokenSignatures ? BrokenSignatures < other.BrokenSignatures
            : ReachedAnchor != other.ReachedAnchor ? ReachedAnchor
            : Result.Failures.Count != other.Result.Failures.Count ? Result.Failures.Count < other.Result.Failures.Count
            : Result.Path.Count > other.Result.Path.Count;
    }

    private sealed class Search
    {
        public Search(CertificateInfo start, string? purpose)
        {
            Path = [start];
            OnPath = new HashSet<string>(StringComparer.Ordinal) { start.Sha256 };
            Purpose = purpose;
        }

        public List<CertificateInfo> Path { get; }
        public HashSet<string> OnPath { get; }
        public string? Purpose { get; }
        public int Nodes { get; set; }
        public Terminal? Best { get; private set; }
        /// <summary>The search stopped at <see cref="MaxNodesPerCertificate"/> with candidates left to try.</summary>
        public bool NodesSpent { get; set; }
        private (CertificateInfo Cert, int Total)? _firstCut;
        private HashSet<string>? _cut;

        /// <summary>Only <see cref="MaxCandidatesPerCertificate"/> of <paramref name="total"/> candidate issuers of <paramref name="cert"/> are tried.</summary>
        public void Cut(CertificateInfo cert, int total)
        {
            _firstCut ??= (cert, total);
            (_cut ??= new HashSet<string>(StringComparer.Ordinal)).Add(cert.Sha256);
        }

        /// <summary>
        /// What bounded the search, for a verdict that found no valid path (a reviewer must know that a valid path may
        /// lie beyond the bound), or null when the search saw every candidate.
        /// </summary>
        public string? Bound()
        {
            var parts = new List<string>(3);
            if (_firstCut is { } cut)
            {
                parts.Add($"only {MaxCandidatesPerCertificate} of the {cut.Total} candidate issuers of {cut.Cert.Name} (alike in name and key identifier) were tried");
                var more = _cut!.Count - 1;
                if (more > 0) parts.Add($"at most {MaxCandidatesPerCertificate} for each of {more} more certificate(s) on the paths tried");
            }
            if (NodesSpent) parts.Add($"the search stopped after {MaxNodesPerCertificate} candidate issuers");
            return parts.Count == 0 ? null : $"the issuer search was bounded, so a valid path may have been missed: {string.Join(", ", parts)} (docs/security.md)";
        }

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

        /// <returns>True when the offered path is valid.</returns>
        public bool Offer(Terminal terminal)
        {
            if (Best is null || terminal.BetterThan(Best.Value)) Best = terminal;
            return terminal.Result.Status == ChainStatus.Complete;
        }
    }
}
