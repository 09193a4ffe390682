using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>
/// Lints a fixture chain (the certificate under test, then its issuers) written as one PEM file, with the packs named,
/// at the fixtures' fixed time through the real engine: the entry point the packs' finding-set and scope tests share.
/// </summary>
internal static class PackChainLint
{
    /// <summary>The fixtures' "now": every pack's fixtures are built to be judged on this day, never today.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static LintResult Run(TestCertificate[] chain, params string[] packs)
    {
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "chain.pem", chain);
        return new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path, Paths = ["chain.pem"], Now = Now, Packs = packs, Environment = _ => null,
        });
    }

    /// <summary>The sorted rule names of the packs' findings on the certificate under test (line 1 of the chain file).</summary>
    public static string[] FirstFindings(LintResult result, params string[] packs) =>
        [.. result.Findings.Where(f => packs.Contains(f.Rule.Pack) && f.Subject.Location.StartLine == 1).Select(f => f.Rule.Name).Order(StringComparer.Ordinal)];

    /// <summary>The sorted names of the pack's rules that judged some object (applicable and in effect).</summary>
    public static string[] Checked(LintResult result, string pack) =>
        [.. result.Checks.Where(c => c.Rule.Pack == pack).Select(c => c.Rule.Name).Distinct().Order(StringComparer.Ordinal)];
}
