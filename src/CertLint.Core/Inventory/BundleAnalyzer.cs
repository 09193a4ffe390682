using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Checks a file holding several certificates as a TLS server sends them (RFC 5246 §7.4.2): every certificate's issuer
/// follows it in the file or is a trust anchor (Complete), and the order is leaf, intermediates, then roots only at the end
/// (Ordered; a CA bundle of roots is ordered). Order is checked in PEM files only: PKCS#7 certificates are a SET and PKCS#12
/// bags have no meaningful order, so only completeness is checked for those.
/// </summary>
internal sealed class BundleAnalyzer(IssuerIndex index, SignatureVerifier verifier, IReadOnlySet<string> anchors, IReadOnlySet<string> selfSigned)
{
    public BundleInfo Analyze(ParsedFile file)
    {
        var certs = file.Certificates;
        var problems = new List<string>();
        var complete = true;
        var ordered = true;
        var checkOrder = certs.All(c => c.Format == ObjectFormat.Pem);

        for (var i = 0; i < certs.Count; i++)
        {
            var cert = certs[i];
            var first = IndexOf(certs, cert.Sha256);
            if (first < i)
            {
                problems.Add($"{At(certs, i)} repeats certificate {first + 1}");
                ordered &= !checkOrder;
                continue;
            }
            if (selfSigned.Contains(cert.Sha256))
            {
                var next = checkOrder ? NextNonRoot(certs, i) : -1;
                if (next >= 0)
                {
                    ordered = false;
                    problems.Add($"{At(certs, i)} is a self-signed root but {At(certs, next)} follows it");
                }
                continue;
            }
            var issuer = IssuerInFile(certs, cert, i);
            if (issuer >= 0)
            {
                if (checkOrder && issuer < i)
                {
                    ordered = false;
                    problems.Add($"{At(certs, issuer)} issued {At(certs, i)} but comes before it");
                }
                continue;
            }
            if (IssuedByAnchor(cert)) continue;
            complete = false;
            var byName = IndexOfName(certs, cert.Issuer.NormalizedKey, i);
            problems.Add(byName >= 0
                ? $"{At(certs, byName)} has the name of the issuer of {At(certs, i)} but its key does not verify that signature"
                : $"the issuer of {At(certs, i)}, {cert.Issuer.Text}, is neither in the file nor a trust anchor");
        }
        return new BundleInfo(file.File, certs, complete, ordered, problems);
    }

    private static string At(IReadOnlyList<CertificateInfo> certs, int i) => $"certificate {i + 1} ({certs[i].Name})";

    /// <summary>Position of a verified issuer in the file: the nearest one after <paramref name="i"/>, else the nearest
    /// before. Nearest candidates are verified first and at most <see cref="ChainBuilder.MaxCandidatesPerCertificate"/> of
    /// them: a file of look-alike CAs would otherwise make every pair in it a signature check.</summary>
    private int IssuerInFile(IReadOnlyList<CertificateInfo> certs, CertificateInfo cert, int i)
    {
        var candidates = index.Candidates(cert).Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        var checks = 0;
        bool Verified(int j) => candidates.Contains(certs[j].Sha256) && ++checks <= ChainBuilder.MaxCandidatesPerCertificate
            && verifier.Check(cert, certs[j]).IsValid;
        for (var j = i + 1; j < certs.Count; j++) if (Verified(j)) return j;
        for (var j = i - 1; j >= 0; j--) if (Verified(j)) return j;
        return -1;
    }

    private bool IssuedByAnchor(CertificateInfo cert) =>
        anchors.Contains(cert.Sha256) || index.Candidates(cert).Any(c => anchors.Contains(c.Sha256) && verifier.Check(cert, c).IsValid);

    private static int IndexOf(IReadOnlyList<CertificateInfo> certs, string sha256)
    {
        for (var j = 0; j < certs.Count; j++) if (certs[j].Sha256 == sha256) return j;
        return -1;
    }

    private static int IndexOfName(IReadOnlyList<CertificateInfo> certs, string subject, int except)
    {
        for (var j = 0; j < certs.Count; j++) if (j != except && certs[j].Subject.NormalizedKey == subject) return j;
        return -1;
    }

    /// <summary>The first certificate after <paramref name="i"/> that is not a self-signed root (a CA bundle of roots is fine).</summary>
    private int NextNonRoot(IReadOnlyList<CertificateInfo> certs, int i)
    {
        for (var j = i + 1; j < certs.Count; j++) if (!selfSigned.Contains(certs[j].Sha256)) return j;
        return -1;
    }
}
