using CertLint.Model;

namespace CertLint.Usage.Mosquitto;

/// <summary>
/// One mosquitto.conf line: the option name, its value (the rest of the line, blanks trimmed, as conf__parse_string
/// takes a path with spaces), where, and the file it came from. <see cref="Kind"/> marks where an included file's
/// options start and end: mosquitto reads each file with its own current listener and bridge.
/// </summary>
internal sealed record MosquittoOption(string Name, string Value, SourceLocation At, ConfigSource Source)
{
    public MosquittoFrame Kind { get; init; } = MosquittoFrame.Option;
}

internal enum MosquittoFrame
{
    Option,
    /// <summary>A file starts: mosquitto's config__read_file_core begins it on the default listener, with no bridge.</summary>
    FileStart,
    /// <summary>The file ends: the including file goes on with its own listener and bridge.</summary>
    FileEnd,
}

/// <summary>
/// mosquitto.conf's syntax (src/conf.c, config__read_file_core): one option per line, the name up to the first blank,
/// the value the rest of the line; a line whose first character is '#' is a comment (a '#' later in the line is
/// part of the value). `include_dir DIR` reads every file of DIR whose name ends in ".conf", in mosquitto's order
/// (case-insensitive, upper case first), each in place, bounded like the other formats' includes. A folder that is not
/// in the repository reads nothing, silently, as MySQL's !includedir: conf.d folders are often empty.
/// </summary>
internal sealed class MosquittoConfig(ConfigSource main, ConfigReadResult result)
{
    private readonly ConfigIncludes<MosquittoOption> _includes = new(result);

    public List<MosquittoOption> Parse() => _includes.Parse(main, 0, Parse);

    private List<MosquittoOption> Parse(ConfigSource source, int depth)
    {
        var options = new List<MosquittoOption> { new("", "", source.At(1), source) { Kind = MosquittoFrame.FileStart } };
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var blank = line.IndexOfAny([' ', '\t']);
            var name = blank < 0 ? line : line[..blank];
            var value = blank < 0 ? "" : line[(blank + 1)..].Trim();
            if (name == "include_dir" && value.Length > 0) IncludeDir(source, i + 1, value, depth, options);
            else options.Add(new MosquittoOption(name, value, source.At(i + 1), source));
        }
        options.Add(new MosquittoOption("", "", source.At(Math.Max(1, lines.Length)), source) { Kind = MosquittoFrame.FileEnd });
        return options;
    }

    private void IncludeDir(ConfigSource source, int line, string written, int depth, List<MosquittoOption> into)
    {
        var full = UsagePaths.Locate(written, source, folder: true);
        List<string> paths = full is null ? []
            : [.. UsagePaths.Listing(full, "*", source.Root, ConfigIncludes<MosquittoOption>.MaxFiles, IsConfName).Order(LoadOrder)];
        _includes.Expand(source, line, new IncludeLine("include_dir", written, Silent: true), paths, depth, into, Parse);
    }

    /// <summary>config__get_dir_files keeps the names ending in ".conf", case-sensitively.</summary>
    private static bool IsConfName(string name) => name.Length > 5 && name.EndsWith(".conf", StringComparison.Ordinal);

    /// <summary>mosquitto.conf(5): "case sensitive alphabetical order, with the upper case of each letter ordered before
    /// the lower case of the same letter" (00.conf, 01.conf, A.conf, a.conf, B.conf, b.conf).</summary>
    private static readonly Comparer<string> LoadOrder = Comparer<string>.Create((a, b) =>
    {
        var folded = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        return folded != 0 ? folded : string.CompareOrdinal(a, b);
    });
}
