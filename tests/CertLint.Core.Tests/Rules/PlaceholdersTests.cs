using System.Text.RegularExpressions;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;

namespace CertLint.Tests.Rules;

/// <summary>The written-out placeholder scan finds what the message pattern it replaces finds, from every position.</summary>
public sealed class PlaceholdersTests
{
    private static readonly Regex Pattern = new(@"\{\{\s*([#^/]?)\s*([A-Za-z0-9_.-]+)\s*\}\}");

    [Test]
    public void Each_message_is_scanned_as_the_pattern_scans_it()
    {
        var texts = new List<string>
        {
            "", "{{", "}}", "{{}}", "{{x}}", "{{ x }}", "{{#x}}a{{/x}}", "{{^ x}}", "{{ # x }}", "{{##x}}", "{{#}}", "{{x y}}",
            "{{{x}}}", "{{{{x}}}}", "{ {x}}", "{{x} }", "{{x}", "{{x}}}", "a{{b}}c{{d}}e", "{{a.b-c_d9}}", "{{é}}", "{{x\u2028}}",
            "{{\u00a0x\u0085}}", "{{\u3000#x}}", "{{\u200bx}}", "{{/}}", "{{ /x/ }}", "{{x}}{{", "{{\t\n\v\f\r x \r\n}}",
        };
        texts.AddRange(RuleLoader.LoadBuiltIn().Select(r => r.Message).OfType<string>());
        var random = new Random(18);
        const string alphabet = "{{}}#^/ \t\n\u2028\u00a0\u0085ax_.-Z9é";
        for (var i = 0; i < 30_000; i++)
            texts.Add(new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var text in texts)
        {
            for (var from = 0; from <= text.Length; from++)
            {
                var expected = Pattern.Match(text, from);
                var found = Placeholders.Next(text, from);
                if (!expected.Success)
                {
                    found.ShouldBeNull(text);
                    continue;
                }
                found.ShouldBe(new Placeholders.Match(expected.Index, expected.Length, expected.Groups[1].Value, expected.Groups[2].Value), text);
            }
        }
    }
}
