using System.Text.RegularExpressions;
using CertLint.Rules.Compilation;
using CertLint.Tests.BuiltInRules;
using NUnit.Framework;
using Shouldly;
using YamlDotNet.RepresentationModel;

namespace CertLint.Tests.Rules;

/// <summary>
/// <see cref="SimplePattern"/> answers rule patterns without a regex engine; every answer must be the regex's. Checked
/// on every pattern of the built-in packs and on shapes chosen to break a naive reading (`$` before a final newline,
/// escapes, ranges, case), each against a few thousand values built from the pattern's own characters.
/// </summary>
public class SimplePatternTests
{
    private static readonly string[] Tricky =
    [
        "_", "^http://", "(?i)^http://", @"\.onion$", @"(?i)\.onion$", "^$", "^ $", "Z$", @"^$|^\.|\.\.|\.$", "^-|-$",
        @"^\$", @"a\|b", @"\^x", "^abc$", "(?i)^abc$|xyz", "(?i)k", "(?i)ss", @"[\x00-\x1F\x7F-\x9F]", @"[^\x00-\x7F]",
        @"^[a-zA-Z0-9=()+,\-./:? ']+$", @"^[^A-Za-z0-9\u0080-\uFFFF]*$", "^[a-c]*$", "^[-a]+$", "[a-]", "[^.]", @"^[\n]+$",
        "[^a]", @"[\-\]]", @"\S", "a.b", "a|", "|a", "^", "$", "x*", "(?i)[a-z]", "[a-z-[aeiou]]", @"\d", @"^[\d]+$",
    ];

    private static IEnumerable<string> PackPatterns()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Samples.RepoRoot, "rules"), "*.yml", SearchOption.AllDirectories))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            foreach (var doc in stream.Documents)
            {
                foreach (var node in doc.AllNodes.OfType<YamlMappingNode>())
                {
                    if (node.Children.TryGetValue(new YamlScalarNode("pattern"), out var value) && value is YamlScalarNode { Value: { } p })
                        yield return p;
                }
            }
        }
    }

    [Test]
    public void The_packs_patterns_are_mostly_simple_and_every_answer_equals_the_regex()
    {
        var patterns = PackPatterns().Distinct().ToArray();
        patterns.Length.ShouldBeGreaterThan(20);
        var simple = patterns.Where(p => SimplePattern.TryParse(p) is not null).ToArray();
        // The hot ones of a 10,000-certificate run (performance.md, session 8) must take the fast path.
        simple.ShouldContain("_");
        simple.ShouldContain(@"^$|^\.|\.\.|\.$");
        simple.ShouldContain(@"^[a-zA-Z0-9=()+,\-./:? ']+$");
        simple.ShouldContain(@"[\x00-\x1F\x7F-\x9F]");
        foreach (var p in patterns) AssertSameAnswers(p);
    }

    [TestCaseSource(nameof(Tricky))]
    public void Every_answer_equals_the_regex(string pattern) => AssertSameAnswers(pattern);

    [TestCase("a.b")]
    [TestCase("a|")]
    [TestCase("x*")]
    [TestCase(@"\d")]
    [TestCase("(?i)[a-z]")]
    [TestCase("[a-z-[aeiou]]")]
    [TestCase("^")]
    public void Other_shapes_are_left_to_the_regex(string pattern) => SimplePattern.TryParse(pattern).ShouldBeNull();

    [Test]
    public void A_case_insensitive_pattern_leaves_non_ascii_values_to_the_regex()
    {
        var p = SimplePattern.TryParse("(?i)k").ShouldNotBeNull();
        p.TryMatch("\u212A").ShouldBeNull(); // the Kelvin sign: the regex's case table decides
        p.TryMatch("K").ShouldBe(true);
        RegexFactory.CreateLazy("(?i)k", out _).IsMatch("\u212A").ShouldBe(new Regex("(?i)k", RegexOptions.CultureInvariant).IsMatch("\u212A"));
    }

    private static void AssertSameAnswers(string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        var lazy = RegexFactory.CreateLazy(pattern, out var error);
        error.ShouldBeNull();
        var simple = SimplePattern.TryParse(pattern);
        foreach (var value in Values(pattern))
        {
            var expected = regex.IsMatch(value);
            if (simple?.TryMatch(value) is { } answer)
                answer.ShouldBe(expected, $"pattern {pattern} on \"{Escape(value)}\"");
            lazy.IsMatch(value).ShouldBe(expected, $"pattern {pattern} on \"{Escape(value)}\"");
        }
    }

    /// <summary>Values made of the pattern's characters and a few others, in every short combination, plus random ones.</summary>
    private static IEnumerable<string> Values(string pattern)
    {
        var alphabet = pattern.Where(c => c is not ('\\' or '^' or '$' or '[' or ']' or '|')).Distinct()
            .Concat("aZ.-_ \n\u00e9\u212A\u0080\x7f\x1f9K").Distinct().ToArray();
        yield return "";
        foreach (var a in alphabet)
        {
            yield return a.ToString();
            foreach (var b in alphabet)
            {
                yield return $"{a}{b}";
                yield return $"{a}{b}\n";
                yield return $"\n{a}{b}";
            }
        }
        // The pattern's literal text with and without anchors stripped, as a value: the match a literal search must find.
        var bare = pattern.Replace("(?i)", "").Replace("\\", "").Replace("^", "").Replace("$", "");
        foreach (var part in bare.Split('|'))
        {
            yield return part;
            yield return part.ToUpperInvariant();
            yield return part + "\n";
            yield return "x" + part + "y";
            yield return part + part;
        }
        var random = new Random(pattern.Length * 7919 + pattern.Sum(c => c));
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 8)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            yield return new string(chars);
        }
    }

    private static string Escape(string s) => string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
