using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;

namespace CertLint.Tests.CabfSmime;

/// <summary>The cabf-smime pack run over a fixture chain (<see cref="PackChainLint"/>), and its verdicts on the certificate under test.</summary>
internal static class CabfSmimeLint
{
    public static LintResult Run(Func<TestCertificate[]> chain) => PackChainLint.Run(chain(), "cabf-smime");

    /// <summary>The pack's findings on the certificate under test, sorted by rule name.</summary>
    public static string[] PackFindings(LintResult result) => PackChainLint.FirstFindings(result, "cabf-smime");

    public static string[] PackFindings(Func<TestCertificate[]> chain) => PackFindings(Run(chain));

    /// <summary>The pack's rules that judged the chain, sorted.</summary>
    public static string[] PackChecked(Func<TestCertificate[]> chain) => PackChainLint.Checked(Run(chain), "cabf-smime");
}
