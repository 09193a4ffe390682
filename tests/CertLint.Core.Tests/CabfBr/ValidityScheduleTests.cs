using static CertLint.Tests.CabfBr.ServerAuthScopeTests;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// BR §6.3.2's validity table (Ballot SC-081): each row binds certificates issued in its own window, so a certificate
/// is judged by one maximum (the row of its notBefore), and the same sentence recommends one day less. The days are
/// counted the BR way, notBefore and notAfter both included: notAfter − notBefore = N days is N days and one second.
/// </summary>
public sealed class ValidityScheduleTests
{
    private static readonly string[] Always = ["cabf-sub-ski-present", "cabf-subject-cn-not-recommended"];

    [TestCase(2026, 3, 14, 500, new[] { "cabf-validity-398" })]
    [TestCase(2026, 4, 1, 500, new[] { "cabf-validity-199", "cabf-validity-200" })]
    [TestCase(2026, 4, 1, 200, new[] { "cabf-validity-199", "cabf-validity-200" })]
    [TestCase(2026, 4, 1, 199, new[] { "cabf-validity-199" })]
    [TestCase(2026, 4, 1, 198, new string[0])]
    [TestCase(2027, 4, 1, 100, new[] { "cabf-validity-100", "cabf-validity-99" })]
    [TestCase(2027, 4, 1, 99, new[] { "cabf-validity-99" })]
    [TestCase(2029, 4, 1, 47, new[] { "cabf-validity-46", "cabf-validity-47" })]
    [TestCase(2029, 4, 1, 46, new[] { "cabf-validity-46" })]
    [TestCase(2029, 4, 1, 45, new string[0])]
    public void A_leaf_is_judged_by_the_row_of_its_issue_date(int year, int month, int day, int days, string[] validity)
    {
        var issued = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var result = Lint(CabfBrFixtures.Leaf(CabfBrFixtures.ValidFor(issued, TimeSpan.FromDays(days)))());

        CabfFindings(result).ShouldBe([.. Always.Concat(validity).Order(StringComparer.Ordinal)]);
    }
}
