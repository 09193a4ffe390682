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
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, files.Count, options, i => results[i] = Parse(files[i], passwords));
        return results;
    }

    /// <summary>Bytes of a regular file, or the issue that stops us reading it. Checks the entry type first: opening a FIFO would block.</summary>
    private static (byte[]? Bytes, ParseIssue? Issue) Read(SourceFile file)
    {
        var location = new SourceLocation(file);
        var type = FileTypeProbe.GetEntryType(file.FullPath);
        if (type == EntryType.Symlink)
        {
            // Discovery hands us links to files; look at what they point to.
            type = LinkTargetType(file.FullPath);
            if (type == EntryType.Missing) return (null, new ParseIssue(ParseIssueKind.Unreadable, location, "broken or looping symbolic link"));
        }
        var problem = type switch
        {
            EntryType.Regular => null,
            EntryType.Missing => "file not found (deleted during the scan, or a broken link)",
            EntryType.Directory => "is a directory, not a file",
            EntryType.Fifo => "is a FIFO (named pipe), not a regular file; not read",
            EntryType.Socket => "is a socket, not a regular file; not read",
            EntryType.CharacterDevice or EntryType.BlockDevice => "is a device, not a regular file; not read",
            _ => "is not a regular file; not read",
        };
        if (problem is not null) return (null, new ParseIssue(ParseIssueKind.Unreadable, location, problem));
        try
        {
            // A bare handle: FileStream's strategy objects and position tracking buy nothing for one whole-file read.
            using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes) return (null, TooLarge(location, length));
            var bytes = new byte[length];
            for (var read = 0; read < bytes.Length;)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                if (n == 0) throw new EndOfStreamException();
                read += n;
            }
            return (bytes, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e switch
            {
                UnauthorizedAccessException => "permission denied",
                FileNotFoundException or DirectoryNotFoundException => "file not found (deleted during the scan?)",
                EndOfStreamException => "file shrank while being read",
                _ => "I/O error: " + e.Message,
            };
            return (null, new ParseIssue(ParseIssueKind.Unreadable, location, $"could not read: {reason}"));
        }
    }

    private static EntryType LinkTargetType(string path)
    {
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target is null ? EntryType.Missing : FileTypeProbe.GetEntryType(target.FullName);
        }
        catch (IOException)
        {
            return EntryType.Missing; // ELOOP
        }
    }

    private static ParseIssue TooLarge(SourceLocation location, long length) =>
        new(ParseIssueKind.ParseError, location, $"too large ({length / (1024.0 * 1024):0.#} MB); limit is {MaxFileBytes / (1024 * 1024)} MB, not parsed");
}
