using System.Text.RegularExpressions;
using CertLint.Rules.Compilation;

namespace CertLint.Tests.Rules;

/// <summary>
/// An alternation of literals <see cref="SimplePattern"/> takes is not checked by building a regex (RegexFactory): that
/// holds only if every such pattern is valid .NET syntax. Checked on random patterns built from the pieces its parser
/// reads; an escaped underscore and a class (which .NET may read otherwise) are still checked, and reported as .NET does.
/// </summary>
public sealed class PatternSyntaxTests
{
    private static readonly string[] Pieces =
    [
        "a", "z", "Z", "0", "9", "_", "-", ".", " ", "é", "#", "<", ":", "/", "^", "$", "|", "[", "]", "[^", "(?i)", "*",
        @"\_", @"\.", @"\-", @"\\", @"\^", @"\$", @"\|", @"\[", @"\]", @"\<", @"\#", @"\ ", @"\/", @"\x4", @"\x41", @"\x7F",
        @"\u00e9", @"\u12", @"\uFFFF", @"\d", @"\q", @"\b", "a-z", "z-a", @"\x00-\x1F", "\t", "\n",
    ];

    [Test]
    public void Every_literal_pattern_simple_pattern_takes_without_an_escaped_underscore_is_valid_dotnet_syntax()
    {
        var random = new Random(18);
        var taken = 0;
        for (var i = 0; i < 200_000; i++)
        {
            var pattern = string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            if (random.Next(3) == 0) pattern = $"[{pattern}]";
            else if (random.Next(3) == 0) pattern = $"^[{pattern}]+$";
            if (SimplePattern.TryParse(pattern) is null || pattern.Contains('[') || pattern.Contains(@"\_", StringComparison.Ordinal)) continue;
            taken++;
            Should.NotThrow(() => new Regex(pattern, RegexOptions.CultureInvariant), pattern);
            RegexFactory.CreateLazy(pattern, out var error).ShouldNotBeNull(pattern);
            error.ShouldBeNull(pattern);
        }
        taken.ShouldBeGreaterThan(2_000);
    }

    [Test]
    public void An_escaped_underscore_or_a_class_dotnet_rejects_is_still_the_error_dotnet_reports()
    {
        foreach (var pattern in new[] { @"a\_b", @"^[\_a]+$", @"[x\_]", @"^[\$\--z-a]+$" })
        {
            SimplePattern.TryParse(pattern).ShouldNotBeNull(pattern);
            var expected = Should.Throw<ArgumentException>(() => new Regex(pattern, RegexOptions.CultureInvariant)).Message;
            RegexFactory.CreateLazy(pattern, out var error).ShouldBeNull();
            error.ShouldBe(expected);
        }
    }

    [Test]
    public void A_simple_pattern_builds_no_regex_until_a_value_needs_one_and_then_answers_as_the_regex()
    {
        var lazy = RegexFactory.CreateLazy(@"(?i)\.example-h10s$", out var error);
        error.ShouldBeNull();
        lazy.IsMatch("www.EXAMPLE-h10s").ShouldBeTrue();
        lazy.IsMatch("example-h10s.org").ShouldBeFalse();
        lazy.IsBuilt.ShouldBeFalse();
        // A non-ASCII value under (?i) is the regex's to answer (the Kelvin sign is a K to it).
        lazy.IsMatch("x.EXAMPLE-H10S\u212A").ShouldBe(Regex.IsMatch("x.EXAMPLE-H10S\u212A", @"(?i)\.example-h10s$", RegexOptions.CultureInvariant));
        lazy.IsMatch("\u212A.example-h10s").ShouldBeTrue();
    }
}
