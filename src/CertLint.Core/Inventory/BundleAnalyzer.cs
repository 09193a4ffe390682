using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Checks a file holding several certificates as a TLS server sends them (RFC 5246 §7.4.2): every certificate's issuer
/// follows it in the file or is a trust anchor (Complete), and the order is leaf, intermediates, then roots only at the end
/// (Ordered; a CA bundle of roots is ordered). Order is checked in PEM files only: PKCS#7 certificates are a SET and PKCS#12
/// bags have no meaningful order, so only completeness is checked for those.
/// </summary>
/// <remarks>
/// Linear in the file, whatever it holds: a 10 MB PEM of 29,511 self-signed certificates took 40 s of CPU (each one
/// scanned the rest of the file for a repeat, a later non-root and its issuer), and its order finding quoted every
/// certificate (1.7 MB per message). Positions are looked up by hash and by name; at most
/// <see cref="MaxNamesakesLookedAt"/> certificates of the issuer's name are looked at on each side of a certificate, and
/// a bundle keeps at most <see cref="MaxProblems"/> problems and says how many more there were.
/// </remarks>
internal sealed class BundleAnalyzer(IssuerIndex index, SignatureVerifier verifier, IReadOnlySet<string> anchors, IReadOnlySet<string> selfSigned)
{
    /// <summary>Problems a bundle keeps for messages and reports; the rest are counted.</summary>
    internal const int MaxProblems = 16;

    /// <summary>Certificates named like the issuer looked at after, then before, a certificate (a file of look-alike CAs).</summary>
    internal const int MaxNamesakesLookedAt = 512;

    public BundleInfo Analyze(ParsedFile file)
    {
        var certs = file.Certificates;
        var problems = new List<string>();
        var more = 0;
        void Problem(string text)
        {
            if (problems.Count < MaxProblems) problems.Add(text);
            else more++;
        }
        var complete = true;
        var ordered = true;
        var checkOrder = certs.All(c => c.Format == ObjectFormat.Pem);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var named = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < certs.Count; i++)
        {
            first.TryAdd(certs[i].Sha256, i);
            var key = certs[i].Subject.NormalizedKey;
            if (!named.TryGetValue(key, out var at)) named[key] = at = [];
            at.Add(i);
        }
        var nextNonRoot = checkOrder ? NextNonRoots(certs) : [];

        for (var i = 0; i < certs.Count; i++)
        {
            var cert = certs[i];
            var firstAt = first[cert.Sha256];
            if (firstAt < i)
            {
                Problem($"{At(certs, i)} repeats certificate {firstAt + 1}");
                ordered &= !checkOrder;
                continue;
            }
            if (selfSigned.Contains(cert.Sha256))
            {
                var next = checkOrder ? nextNonRoot[i] : -1;
                if (next >= 0)
                {
                    ordered = false;
                    Problem($"{At(certs, i)} is a self-signed root but {At(certs, next)} follows it");
                }
                continue;
            }
            var namesakes = named.GetValueOrDefault(cert.Issuer.NormalizedKey) ?? [];
            var issuer = IssuerInFile(certs, cert, i, namesakes);
            if (issuer >= 0)
            {
                if (checkOrder && issuer < i)
                {
                    ordered = false;
                    Problem($"{At(certs, issuer)} issued {At(certs, i)} but comes before it");
                }
                continue;
            }
            if (IssuedByAnchor(cert)) continue;
            complete = false;
            var byName = namesakes.FirstOrDefault(j => j != i, -1);
            Problem(byName >= 0
                ? $"{At(certs, byName)} has the name of the issuer of {At(certs, i)} but its key does not verify that signature"
                : $"the issuer of {At(certs, i)}, {cert.Issuer.Text}, is neither in the file nor a trust anchor");
        }
        if (more > 0) problems.Add($"and {more} more");
        return new BundleInfo(file.File, certs, complete, ordered, problems);
    }

    private static string At(IReadOnlyList<CertificateInfo> certs, int i) => $"certificate {i + 1} ({certs[i].Name})";

    /// <summary>Position of a verified issuer in the file: the nearest one after <paramref name="i"/>, else the nearest
    /// before. Nearest candidates are verified first and at most <see cref="ChainBuilder.MaxCandidatesPerCertificate"/> of
    /// them: a file of look-alike CAs would otherwise make every pair in it a signature check.</summary>
    /// <param name="namesakes">Positions, ascending, of the file's certificates named like the issuer.</param>
    private int IssuerInFile(IReadOnlyList<CertificateInfo> certs, CertificateInfo cert, int i, List<int> namesakes)
    {
        var checks = 0;
        // The index's candidate rule (IssuerIndex.Candidates): the issuer's name, and its SKI equal to the AKI when both exist.
        bool Verified(int j) => IsCandidate(cert, certs[j]) && ++checks <= ChainBuilder.MaxCandidatesPerCertificate
            && verifier.Check(cert, certs[j]).IsValid;
        var split = namesakes.BinarySearch(i);
        var after = split >= 0 ? split + 1 : ~split;
        var before = split >= 0 ? split - 1 : ~split - 1;
        for (var k = after; k < namesakes.Count && k < after + MaxNamesakesLookedAt; k++) if (Verified(namesakes[k])) return namesakes[k];
        for (var k = before; k >= 0 && k > before - MaxNamesakesLookedAt; k--) if (Verified(namesakes[k])) return namesakes[k];
        return -1;
    }

    private static bool IsCandidate(CertificateInfo cert, CertificateInfo issuer) =>
        cert.AuthorityKeyIdentifier is not { } aki || issuer.SubjectKeyIdentifier is not { } ski
        || string.Equals(aki, ski, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a trust anchor issued it: at most <see cref="ChainBuilder.MaxCandidatesPerCertificate"/> anchors'
    /// signatures checked (a file of 2,000 look-alike self-signed CAs and certificates they did not sign had cost a
    /// million signature checks, 72 s of CPU).</summary>
    private bool IssuedByAnchor(CertificateInfo cert) =>
        anchors.Contains(cert.Sha256) || index.Candidates(cert).Bounded().Any(c => anchors.Contains(c.Sha256) && verifier.Check(cert, c).IsValid);

    /// <summary>For each position, the first later certificate that is not a self-signed root, or -1 (a CA bundle of roots is fine).</summary>
    private int[] NextNonRoots(IReadOnlyList<CertificateInfo> certs)
    {
        var next = new int[certs.Count];
        var found = -1;
        for (var j = certs.Count - 1; j >= 0; j--)
        {
            next[j] = found;
            if (!selfSigned.Contains(certs[j].Sha256)) found = j;
        }
        return next;
    }
}
