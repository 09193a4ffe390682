using CertLint.Model;

namespace CertLint.Usage.Haproxy;

/// <summary>One HAProxy line: keyword, arguments and where it is.</summary>
internal sealed record HaproxyLine(string Keyword, IReadOnlyList<string> Args, SourceLocation At);

/// <summary>A section (global, defaults, frontend NAME, backend NAME, listen NAME...) and its lines.</summary>
internal sealed record HaproxySection(string Kind, string Name, SourceLocation At, List<HaproxyLine> Lines);

/// <summary>
/// HAProxy's configuration syntax: a line starts a section (global, defaults, frontend, backend, listen...) or is a
/// keyword inside the current one; '#' comments, quotes and backslash escapes as HAProxy reads them. A keyword
/// before any section and an unterminated quote are parse issues at the line.
/// </summary>
internal static class HaproxyConfig
{
    private static readonly HashSet<string> SectionKeywords =
    [
        "global", "defaults", "frontend", "backend", "listen", "userlist", "peers", "resolvers", "mailers", "program",
        "http-errors", "ring", "cache", "crt-store", "log-forward", "fcgi-app", "traces",
    ];

    public static List<HaproxySection> Parse(ConfigSource source, ConfigReadResult result)
    {
        var sections = new List<HaproxySection>();
        source.RefusedWithMark("HAProxy", result);
        var lines = source.Text.Split('\n');
        var reported = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (ConfigWords.Split(lines[i].TrimEnd('\r'), inlineComments: true, out var error) is not { } words)
            {
                result.Error(source.At(i + 1), error!);
                continue;
            }
            if (words.Count == 0) continue;
            var keyword = words[0].ToLowerInvariant();
            if (SectionKeywords.Contains(keyword))
            {
                sections.Add(new HaproxySection(keyword, words.Count > 1 ? words[1] : "", source.At(i + 1), []));
            }
            else if (sections.Count == 0)
            {
                if (!reported) result.Error(source.At(i + 1), $"keyword '{ConfigWords.Safe(words[0])}' outside any section (global, defaults, frontend, backend, listen)");
                reported = true;
            }
            else
            {
                sections[^1].Lines.Add(new HaproxyLine(keyword, words.Skip(1).ToList(), source.At(i + 1)));
            }
        }
        return sections;
    }
}
