namespace CertLint.Model;

/// <summary>A file the scan looked at. Paths are kept both absolute (for I/O) and relative to the scan root (for reports).</summary>
public sealed record SourceFile(
    string FullPath,
    string RelativePath,
    long Length,
    UnixFileMode? Mode)
{
    /// <summary>The relative path with forward slashes, as reports and globs use it.</summary>
    public string DisplayPath => RelativePath;

    /// <summary>
    /// Read for context only (issuers and keys elsewhere in the repository when part of it is scanned): judged, but its
    /// findings are not reported. The checks bounded to the first N objects of the scan take the scanned files first.
    /// </summary>
    public bool IsContext { get; init; }
}

/// <summary>
/// Where an object lives: a file and, for PEM, the 1-based line range of its block.
/// Binary files (DER, PKCS#7, PKCS#12) use line 1.
/// </summary>
public sealed record SourceLocation(SourceFile File, int StartLine = 1, int EndLine = 1, int Index = 0)
{
    public override string ToString() => StartLine == EndLine
        ? $"{File.DisplayPath}:{StartLine}"
        : $"{File.DisplayPath}:{StartLine}-{EndLine}";
}

/// <summary>A 1-based, inclusive range of lines in a file.</summary>
public readonly record struct LineSpan(int Start, int End);
