using CertLint.Model;

namespace CertLint.Usage.Openvpn;

/// <summary>
/// One OpenVPN option: name (lower-cased, without a leading "--"), arguments, where; or an inline file
/// (<c>&lt;ca&gt;</c> ... <c>&lt;/ca&gt;</c>) with its text and the lines that hold it.
/// </summary>
internal sealed record OpenvpnOption(string Name, IReadOnlyList<string> Args, SourceLocation At)
{
    /// <summary>The inline file's content (the lines between the tags), or null for an option line.</summary>
    public string? Inline { get; init; }

    /// <summary>The lines of <see cref="Inline"/>'s content (the first after the opening tag to the last before the closing one).</summary>
    public LineSpan InlineLines { get; init; }

    /// <summary>The configuration file the option was read from (an included one has its own folder).</summary>
    public required ConfigSource Source { get; init; }
}

/// <summary>
/// OpenVPN's configuration syntax (options.c read_config_file and parse_line): one option per line, a leading "--"
/// allowed, words split on blanks, double or single quotes grouping, a backslash escaping; '#' or ';' starting a
/// comment where a word would start. An inline file is a line <c>&lt;name&gt;</c>, the file's lines, and
/// <c>&lt;/name&gt;</c>; an inline block never closed is a parse issue at its opening line, and OpenVPN stops there too.
/// <c>config FILE</c> reads another file in place, bounded like the other formats' includes.
/// </summary>
internal sealed class OpenvpnConfig(ConfigSource main, ConfigReadResult result)
{
    /// <summary>Inline blocks read per configuration: a profile has a handful; a hostile one could hold thousands.</summary>
    public const int MaxInlineBlocks = 64;

    private readonly ConfigIncludes<OpenvpnOption> _includes = new(result);
    private int _inline;

    /// <summary>An inline file was never closed: OpenVPN refuses the configuration, so it configures nothing to judge.</summary>
    public bool Refused { get; private set; }

    public List<OpenvpnOption> Parse() => _includes.Parse(main, 0, Parse);

    private List<OpenvpnOption> Parse(ConfigSource source, int depth)
    {
        var options = new List<OpenvpnOption>();
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (InlineTag(line) is { } tag)
            {
                var closing = $"</{tag}>";
                var close = Array.FindIndex(lines, i + 1, l => l.AsSpan().Trim().SequenceEqual(closing));
                if (close < 0)
                {
                    result.Error(source.At(i + 1), $"inline file <{ConfigWords.Safe(tag)}> is not closed: OpenVPN refuses the configuration");
                    Refused = true;
                    break;
                }
                if (++_inline > MaxInlineBlocks)
                {
                    result.Error(source.At(i + 1), $"more than {MaxInlineBlocks} inline files in one configuration: the rest are not read");
                    break;
                }
                var text = string.Join('\n', lines[(i + 1)..close].Select(l => l.TrimEnd('\r'))) + "\n";
                options.Add(new OpenvpnOption(tag, [], source.At(i + 1)) { Inline = text, InlineLines = new LineSpan(i + 2, close), Source = source });
                i = close;
                continue;
            }
            if (line.StartsWith(';')) continue;
            if (ConfigWords.Split(line, inlineComments: true, out var error) is not { } words)
            {
                result.Error(source.At(i + 1), error!);
                continue;
            }
            if (words.Count == 0) continue;
            var name = (words[0].StartsWith("--", StringComparison.Ordinal) ? words[0][2..] : words[0]).ToLowerInvariant();
            if (name == "config" && words.Count == 2) _includes.Expand(source, i + 1, new IncludeLine("config", words[1]), IncludePaths(source, words[1]), depth, options, Parse);
            else options.Add(new OpenvpnOption(name, words.Skip(1).ToList(), source.At(i + 1)) { Source = source });
        }
        return options;
    }

    /// <summary>"ca" for a line "&lt;ca&gt;": an option name between angle brackets, alone on its line.</summary>
    private static string? InlineTag(string line) =>
        line.Length is > 2 and <= 42 && line[0] == '<' && line[^1] == '>' && line[1] != '/'
        && line[1..^1].All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? line[1..^1] : null;

    private static List<string> IncludePaths(ConfigSource source, string written) =>
        UsagePaths.Locate(written, source) is { } full && File.Exists(full) ? [full] : [];
}
