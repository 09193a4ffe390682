using System.Collections.ObjectModel;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Discovery;

namespace CertLint.Usage;

/// <summary>
/// One configuration format. Readers are small and forgiving: unknown keys are ignored, a syntax error is a
/// <see cref="ParseIssue"/> with file and line (never an exception, never the offending text), and they read only
/// the text they are given (the stage bounds its size).
/// </summary>
public interface IConfigReader
{
    /// <summary>The format name usages carry (nginx, kubernetes...).</summary>
    string Format { get; }

    /// <summary>Whether this file is one of ours: by name first, then by a look at its text.</summary>
    bool Detect(string relativePath, string text);

    void Read(ConfigSource source, ConfigReadResult result);
}

/// <summary>A configuration file's text and what a reader needs to resolve paths and includes.</summary>
public sealed class ConfigSource
{
    public required SourceFile File { get; init; }
    /// <summary>The file's text, without its byte order mark (<see cref="Mark"/> says which it had).</summary>
    public required string Text { get; init; }
    public TextMark Mark { get; init; }
    /// <summary>Absolute scan root: includes and referenced files inside it are read, outside it never.</summary>
    public required string Root { get; init; }
    public required IPasswordSource Passwords { get; init; }
    /// <summary>
    /// Reads another configuration file inside the root (bounded), for includes; null when it is not readable or when
    /// <see cref="Includes"/> is spent (then say so at the include line: <see cref="IncludeBudget.Problem"/>).
    /// </summary>
    public required Func<string, ConfigSource?> Open { get; init; }
    /// <summary>What <see cref="Open"/> may still read in this run: one budget shared by every configuration.</summary>
    public IncludeBudget Includes { get; init; } = new();

    public string Directory => Path.GetDirectoryName(File.FullPath) ?? Root;

    public SourceLocation At(int line) => new(File, line, line);

    /// <summary>
    /// For a program that reads its configuration as bytes of ASCII or UTF-8 and refuses a byte order mark (nginx,
    /// Apache httpd and HAProxy take a UTF-8 mark for part of the first directive and stop with "unknown directive"):
    /// one encoding issue at line 1 when this file has a mark. The file is still read, so its settings are judged.
    /// </summary>
    public void RefusedWithMark(string program, ConfigReadResult result)
    {
        if (Mark == TextMark.None) return;
        result.Encoding(At(1), TextMarks.IsUtf16(Mark)
            ? $"the file is stored as {TextMarks.Describe(Mark)}: {program} reads only ASCII or UTF-8 text and refuses it: save it as UTF-8 without a byte order mark"
            : $"the file starts with a UTF-8 byte order mark (EF BB BF): {program} reads it as part of the first directive and refuses the file: save it as UTF-8 without a byte order mark");
    }
}

/// <summary>What reading configuration files yields: usages, syntax problems per file, objects embedded in them.</summary>
public sealed class ConfigReadResult
{
    public UsageList Usages { get; } = [];
    public List<ParseIssue> Issues { get; } = [];
    /// <summary>Certificates and keys embedded in a configuration (Secret data), with locations in that configuration.</summary>
    public List<ParsedFile> Embedded { get; } = [];
    /// <summary>Files another configuration includes: read there, not again on their own.</summary>
    public HashSet<string> Included { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems kept per reading (a configuration with its includes), as many as findings per file: a 1 MB file of
    /// 200,000 stray closing tags would otherwise keep 200,000 issues, and 5,000 such files a billion.</summary>
    public const int MaxIssues = 100;

    private int _notListed;

    /// <summary>A problem; past <see cref="MaxIssues"/> one more issue, at the first not listed, counts the rest.</summary>
    public void Error(SourceLocation at, string message) => Add(ParseIssueKind.ParseError, at, () => message);

    /// <summary>An include that read no file (rule config-include-not-read): what it holds is not checked. The message is
    /// made only when it is kept (it looks at the file system, and a hostile file may hold 100,000 such includes).</summary>
    public void IncludeNotRead(SourceLocation at, Func<string> message) => Add(ParseIssueKind.IncludeNotRead, at, message);

    /// <summary>The file's encoding is one its program refuses (rule file-encoding).</summary>
    public void Encoding(SourceLocation at, string message) => Add(ParseIssueKind.Encoding, at, () => message);

    private void Add(ParseIssueKind kind, SourceLocation at, Func<string> message)
    {
        if (Issues.Count < MaxIssues)
        {
            Issues.Add(new ParseIssue(kind, at, message()));
            return;
        }
        _notListed++;
        var summary = $"more than {MaxIssues} problems in this configuration: {_notListed} from this one on (by reading order) are not listed";
        if (_notListed == 1) Issues.Add(new ParseIssue(ParseIssueKind.ParseError, at, summary));
        else Issues[^1] = Issues[^1] with { Message = summary };
    }
}

/// <summary>
/// Files and bytes that includes (nginx and Apache include, HAProxy crt-list, Kestrel base files) may read in one run,
/// across every configuration. Each include is bounded in depth and count per file, but every configuration file is
/// also read on its own: 5,000 files each including a glob of the others would read millions of files without it.
/// </summary>
public sealed class IncludeBudget
{
    public const int MaxFiles = 10_000;
    public const long MaxBytes = 64L * 1024 * 1024;

    private int _files;
    private long _bytes;

    public bool Spent { get; private set; }

    public static string Problem => $"includes not read: the configurations include more than {MaxFiles} files or {MaxBytes / (1024 * 1024)} MB in all";

    /// <summary>Counts one file of <paramref name="length"/> bytes; false (and spent from now on) past the budget.</summary>
    public bool Take(long length)
    {
        if (Spent || ++_files > MaxFiles || (_bytes += Math.Max(0, length)) > MaxBytes) Spent = true;
        return !Spent;
    }
}

/// <summary>
/// The usages one configuration (with its includes) defines, at most <see cref="MaxUsages"/>. Settings multiply:
/// 10,000 nginx ssl_certificate lines in http {} inherited by 10,000 servers are 10^8 usages from 400 KB of text, so
/// the reader is stopped (<see cref="TooManyUsagesException"/>, which ConfigStage turns into a parse issue at the line).
/// </summary>
public sealed class UsageList : Collection<TlsUsage>
{
    public const int MaxUsages = 5_000;

    protected override void InsertItem(int index, TlsUsage item)
    {
        if (Count >= MaxUsages) throw new TooManyUsagesException(item.Location);
        base.InsertItem(index, item);
    }
}

/// <summary>A configuration defines more than <see cref="UsageList.MaxUsages"/> usages; <see cref="At"/> is the first one over.</summary>
public sealed class TooManyUsagesException(SourceLocation at)
    : Exception($"more than {UsageList.MaxUsages} TLS usages in one configuration: the rest are not read")
{
    public SourceLocation At { get; } = at;
}
