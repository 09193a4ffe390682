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

    /// <summary>Parses one file, paying for key derivations from the run's budget: call in file order.</summary>
    public static ParsedFile Parse(SourceFile file, IPasswordSource passwords) => Parse(file, passwords, deferKdf: false)!;

    /// <returns>Null when <paramref name="deferKdf"/> and the file needs a key derivation.</returns>
    private static ParsedFile? Parse(SourceFile file, IPasswordSource passwords, bool deferKdf)
    {
        var read = default(BoundedRead);
        using var meter = ArithmeticMeter.Open(deferKdf, passwords.ArithmeticBudget);
        try
        {
            // The bytes are only read from: PEM is decoded out of them, binary content is copied (the model keeps slices of it).
            read = BoundedFile.ReadRented(file.FullPath, MaxFileBytes);
            if (Problem(file, read) is { } issue) return new ParsedFile { File = file, Issues = [issue] };
            return ContentParser.ParseBorrowed(file, read.Bytes.AsMemory(0, (int)read.Size), passwords, deferKdf);
        }
        catch (Exception e)
        {
            // Last resort: a bug or an exotic I/O failure must not stop the run.
            return new ParsedFile { File = file, Issues = [new ParseIssue(ParseIssueKind.ParseError, new SourceLocation(file), $"could not parse: {e.GetType().Name}")] };
        }
        finally
        {
            BoundedFile.Return(read);
        }
    }

    /// <summary>
    /// Parses many files in parallel (bounded by the processor count) and returns them in input order, so the output is
    /// deterministic whatever the scheduling. Files that need a key derivation (encrypted keys, keystores) or more key
    /// arithmetic than a file's allowance are parsed again afterwards, one by one in input order, so the run's budgets
    /// run out at the same object every time (<see cref="KdfBudget"/>, <see cref="ArithmeticBudget"/>).
    /// </summary>
    public static IReadOnlyList<ParsedFile> ParseAll(IReadOnlyList<SourceFile> files, IPasswordSource passwords, CancellationToken cancellationToken = default)
    {
        var results = new ParsedFile?[files.Count];
        Engine.Workers.For(files.Count, i => results[i] = Parse(files[i], passwords, deferKdf: true), cancellationToken);
        for (var i = 0; i < results.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] ??= Parse(files[i], passwords);
        }
        return results!;
    }

    /// <summary>The issue that stopped a file's read (FIFOs and devices are not opened), or null when its bytes were read.</summary>
    private static ParseIssue? Problem(SourceFile file, BoundedRead read) => read.Failure switch
    {
        ReadFailure.None => null,
        ReadFailure.TooLarge => TooLarge(new SourceLocation(file), read.Size),
        _ => new ParseIssue(ParseIssueKind.Unreadable, new SourceLocation(file), read.Problem!),
    };

    private static ParseIssue TooLarge(SourceLocation location, long length) =>
        new(ParseIssueKind.ParseError, location, length > MaxFileBytes + 1
            ? $"too large ({length / (1024.0 * 1024):0.#} MB); limit is {MaxFileBytes / (1024 * 1024)} MB, not parsed"
            : $"too large (over {MaxFileBytes / (1024 * 1024)} MB, the limit), not parsed");
}
