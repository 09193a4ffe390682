using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// 3,000 CA certificates of one name and one key identifier, none signed by another: each is a candidate issuer of
/// every other. The issuer index had built a list of all of them for every lookup and the path search sorted it (for
/// 10,000: 104 s of CPU, 699 MB; 25 s now); now a lookup costs the candidate bound. 3,000 keep the run to seconds, so the
/// engine's termination bound (<see cref="BoundedLint.Bound"/>) is far above it.
/// </summary>
public sealed class LookAlikeIssuerTests
{
    private const int Cas = 3_000;
    private static readonly byte[] KeyId = Enumerable.Repeat((byte)0x5A, 20).ToArray();

    /// <summary>One subject key, one signing key (whose certificate is absent), many certificates: cheap to make.</summary>
    private static List<byte[]> LookAlikeDers(int count)
    {
        using var subjectKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signingKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var name = new X500DistinguishedName("CN=Look-alike CA");
        var signer = X509SignatureGenerator.CreateForECDsa(signingKey);
        var ders = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var request = new CertificateRequest(name, subjectKey, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(KeyId, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(KeyId));
            using var cert = request.Create(name, signer, TestPki.DefaultNow.AddYears(-1), TestPki.DefaultNow.AddYears(3), BitConverter.GetBytes(i + 1));
            ders.Add(cert.RawData);
        }
        return ders;
    }

    [Test]
    public void Thousands_of_look_alike_CAs_finish_with_the_findings_they_had_before_the_bound()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "lookalikes.pem"), string.Concat(LookAlikeDers(Cas).Select(d => new string(PemEncoding.Write("CERTIFICATE", d)) + "\n")));

        var result = BoundedLint.Run(dir.Path, ".");

        var chains = result.Inventory.Chains.Select(c => c.Value).ToList();
        chains.Count.ShouldBe(Cas);
        chains.ShouldAllBe(c => c.Status != ChainStatus.Complete && c.Explored <= ChainBuilder.MaxNodesPerCertificate);
        // As before the index was bounded (the CLI's JSON findings on such a file are the same before and after): the
        // bundle has no complete chain, and every certificate's path is invalid or too deep, 100 shown per file.
        result.Findings.Select(f => f.Rule.Name).Distinct().Order(StringComparer.Ordinal)
            .ShouldBe(["chain-incomplete", "chain-invalid", "chain-too-deep"]);
        result.Findings.Single(f => f.Rule.Name == "chain-incomplete").Message.ShouldEndWith(
            "; and 2984 more. Add the missing intermediate after it, or pass its root with --ca.");
        result.Findings.Select(f => f.Message).ShouldContain(
            "2,951 more chain-too-deep findings in lookalikes.pem not shown: at most 100 findings are reported per file (limits.findingsPerFile)");
        result.Findings.Select(f => f.Message).ShouldContain(
            "2,950 more chain-invalid findings in lookalikes.pem not shown: at most 100 findings are reported per file (limits.findingsPerFile)");
    }

    [Test]
    public void A_lookup_among_look_alikes_lists_the_bound_and_counts_the_rest()
    {
        var certs = new TestScan().Raw("lookalikes.pem", [.. LookAlikeDers(200)]).Files.SelectMany(f => f.Certificates).ToList();
        var index = new IssuerIndex(certs);

        var candidates = index.Candidates(certs[0]);

        candidates.Count.ShouldBe(200);
        candidates.Bounded().ShouldBe(certs.Take(ChainBuilder.MaxCandidatesPerCertificate));
        candidates.NotTried().ShouldBe($"; {200 - ChainBuilder.MaxCandidatesPerCertificate} more certificates of its issuer's name were not tried");
        index.Candidates(certs[0].Issuer, aki: "00").Count.ShouldBe(0); // another key identifier: none of them
        index.CrlSigners(certs[0].Issuer, aki: "00").Bounded().ShouldBe(certs.Take(ChainBuilder.MaxCandidatesPerCertificate));
        index.HasNameMatchWithOtherKeyId(certs[0]).ShouldBeFalse();
    }
}
