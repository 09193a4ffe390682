using CertLint.Engine;
using CertLint.Findings;
using CertLint.Tests.Pki;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// Lints one leaf and its root, written as a PEM bundle into a fresh temporary directory, with the cabf-br pack at
/// 2026-01-01 through the real engine: the entry point the focused cabf-br rule tests share.
/// </summary>
internal static class CabfBrLeafLint
{
    /// <summary>The findings on the leaf (the bundle's first certificate, line 1) of the rules named, and any parse-error.</summary>
    public static IEnumerable<Finding> Findings(TestCertificate leaf, TestCertificate root, params string[] rules) =>
        Findings([leaf, root], rules);

    /// <summary>The findings on the chain's first certificate (a fixture chain: that certificate, then its issuers).</summary>
    public static IEnumerable<Finding> Findings(TestCertificate[] chain, params string[] rules)
    {
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "leaf.pem", chain);
        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path,
            Paths = ["leaf.pem"],
            Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Packs = ["cabf-br"],
            Environment = _ => null,
        });
        return [.. result.Findings.Where(f => (f.Rule.Name == "parse-error" || rules.Contains(f.Rule.Name)) && f.Location.StartLine == 1)];
    }
}
