using CertLint.Model;
using CertLint.Parsing;

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
    public required string Text { get; init; }
    /// <summary>Absolute scan root: includes and referenced files inside it are read, outside it never.</summary>
    public required string Root { get; init; }
    public required IPasswordSource Passwords { get; init; }
    /// <summary>Reads another configuration file inside the root (bounded), for includes; null when it is not readable.</summary>
    public required Func<string, ConfigSource?> Open { get; init; }

    public string Directory => Path.GetDirectoryName(File.FullPath) ?? Root;

    public SourceLocation At(int line) => new(File, line, line);
}

/// <summary>What reading configuration files yields: usages, syntax problems per file, objects embedded in them.</summary>
public sealed class ConfigReadResult
{
    public List<TlsUsage> Usages { get; } = [];
    public List<ParseIssue> Issues { get; } = [];
    /// <summary>Certificates and keys embedded in a configuration (Secret data), with locations in that configuration.</summary>
    public List<ParsedFile> Embedded { get; } = [];
    /// <summary>Files another configuration includes: read there, not again on their own.</summary>
    public HashSet<string> Included { get; } = new(StringComparer.Ordinal);

    public void Error(SourceLocation at, string message) => Issues.Add(new ParseIssue(ParseIssueKind.ParseError, at, message));
}
