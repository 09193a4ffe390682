using System.Text.RegularExpressions;
using CertLint.Rules.Loading;

namespace CertLint.Tests.Rules;

/// <summary>The written-out id, name and parameter-name checks answer as the patterns they replace.</summary>
public sealed class RuleNamesTests
{
    [Test]
    public void Each_check_answers_as_its_pattern_on_tricky_and_random_strings()
    {
        var values = new List<string>
        {
            "", "\n", "CL0101", "CL0101\n", "CL0101\n\n", "\nCL0101", "C0101", "ABCDEF123", "ABCDE12345", "AB12", "AB123456", "cl0101",
            "CL01O1", "ＣＬ0101", "CL٠١٠١", "a", "a-b", "-a", "a-", "a--b", "a\n", "A", "a_b", "cert-expired", "x9-y", "é",
            "days", "Days_2", "2days", "_x", "x-", "x y", "x\ty", "K", "\u212A", "ı", "x\r\n",
        };
        var random = new Random(18);
        const string alphabet = "AZaz09-_\n\u212A\u0131 é";
        for (var i = 0; i < 20_000; i++)
            values.Add(new string([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var v in values)
        {
            RuleNames.IsId(v).ShouldBe(Regex.IsMatch(v, "^[A-Z]{2,5}[0-9]{3,5}$"), v);
            RuleNames.IsName(v).ShouldBe(Regex.IsMatch(v, "^[a-z0-9]+(-[a-z0-9]+)*$"), v);
            RuleNames.IsParameterName(v).ShouldBe(Regex.IsMatch(v, "^[A-Za-z][A-Za-z0-9_-]*$"), v);
        }
    }
}
