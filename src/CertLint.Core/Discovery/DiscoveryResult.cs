using CertLint.Model;

namespace CertLint.Discovery;

/// <summary>
/// What discovery found. <see cref="Files"/> are candidates for <c>FileParser</c>, ordered by relative path (ordinal).
/// <see cref="Issues"/> are problems met while walking (a named path that does not exist, an unreadable directory,
/// a broken or looping symlink with a certificate-like name): the engine reports them like parse issues.
/// Problems with a candidate file itself (FIFO, permissions, too large) are left to FileParser, which reports them
/// as Unreadable/ParseError for that file, so each problem is reported exactly once.
/// </summary>
public sealed record DiscoveryResult(IReadOnlyList<SourceFile> Files, IReadOnlyList<ParseIssue> Issues)
{
    /// <summary>
    /// Files elsewhere in the root (outside the given paths, inside include/exclude): parsed so that chains and key
    /// pairs find their issuers and keys, but nothing about them is reported.
    /// </summary>
    public IReadOnlyList<SourceFile> Context { get; init; } = [];

    /// <summary>The discovery issues as one ParsedFile each, ready to join FileParser's results for the rules.</summary>
    public IReadOnlyList<ParsedFile> IssuesAsParsedFiles() =>
        Issues.Select(issue => new ParsedFile { File = issue.Location.File, Issues = [issue] }).ToList();
}
