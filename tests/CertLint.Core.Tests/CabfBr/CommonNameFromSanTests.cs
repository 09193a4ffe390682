using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.CabfBr.ServerAuthScopeTests;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The subject CN must be one of the SAN values (BR 1.x §7.1.4.2.2(a), compared ignoring case, as zlint's
/// e_subject_common_name_not_from_san does) and, from BR 1.8.0 (2021-08-25), a character-for-character copy of one
/// (§7.1.4.3): a certificate is judged by exactly one of the two rules, by its notBefore.
/// </summary>
public sealed class CommonNameFromSanTests
{
    private static string[] CnFindings(int year, string cn)
    {
        var result = Lint(CabfBrFixtures.Leaf(b =>
        {
            CabfBrFixtures.ValidFor(new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(90))(b);
            b.Subject = Der.CnName(cn);
        })());
        return [.. CabfFindings(result).Where(r => r.StartsWith("cabf-cn-", StringComparison.Ordinal))];
    }

    [TestCase(2020, "www.example.com", new string[0])]
    [TestCase(2020, "WWW.example.com", new string[0])]
    [TestCase(2020, "shop.example.com", new[] { "cabf-cn-not-from-san-legacy" })]
    [TestCase(2022, "WWW.example.com", new[] { "cabf-cn-not-from-san" })]
    [TestCase(2022, "shop.example.com", new[] { "cabf-cn-not-from-san" })]
    public void The_rule_of_the_issue_date_judges_the_common_name(int year, string cn, string[] expected) =>
        CnFindings(year, cn).ShouldBe(expected);
}
