using CertLint.Discovery;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// Reads and parses one candidate file into a <see cref="ParsedFile"/>. Never throws: unreadable files, FIFOs,
/// directories, oversized files and malformed content all become <see cref="ParseIssue"/>s with the path (and, for
/// PEM, the block's lines), so the run goes on and the engine reports them as findings.
/// </summary>
public static class FileParser
{
    /// <summary>Files larger than this are not read (a ParseError says so): certificate material is never this big.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static ParsedFile Parse(SourceFile file, IPasswordSource passwords)
    {
        try
        {
            var (bytes, issue) = Read(file);
            if (issue is not null) return new ParsedFile { File = file, Issues = [issue] };
            return ContentParser.Parse(file, bytes!, passwords);
        }
        catch (Exception e)
        {
            // Last resort: a bug or an exotic I/O failure must not stop the run.
            return new ParsedFile { File = file, Issues = [new ParseIssue(ParseIssueKind.ParseError, new SourceLocation(file), $"could not parse: {e.GetType().Name}")] };
        }
    }

    /// <summary>
    /// Parses many files in parallel (bounded by the processor count) and returns them in input order, so the output is
    /// deterministic whatever the scheduling.
    /// </summary>
    public static IReadOnlyList<ParsedFile> ParseAll(IReadOnlyList<SourceFile> files, IPasswordSource passwords, CancellationToken cancellationToken = default)
    {
        var results = new ParsedFile[files.Count];
        Engine.Workers.For(files.Count, i => results[i] = Parse(files[i], passwords), cancellationToken);
        return results;
    }

    /// <summary>Bytes of a regular file, or the issue that stops us reading it (FIFOs and devices are not opened).</summary>
    private static (byte[]? Bytes, ParseIssue? Issue) Read(SourceFile file)
    {
        var location = new SourceLocation(file);
        var read = BoundedFile.Read(file.FullPath, MaxFileBytes);
        return read.Failure switch
        {
            ReadFailure.None => (read.Bytes, null),
            ReadFailure.TooLarge => (null, TooLarge(location, read.Size)),
            _ => (null, new ParseIssue(ParseIssueKind.Unreadable, location, read.Problem!)),
        };
    }

    private static ParseIssue TooLarge(SourceLocation location, long length) =>
        new(ParseIssueKind.ParseError, location, length > MaxFileBytes + 1
            ? $"too large ({length / (1024.0 * 1024):0.#} MB); limit is {MaxFileBytes / (1024 * 1024)} MB, not parsed"
            : $"too large (over {MaxFileBytes / (1024 * 1024)} MB, the limit), not parsed");
}
