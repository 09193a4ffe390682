using CertLint.Configuration;
using CertLint.Model;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CertLint.Discovery;

/// <summary>The state of one discovery run: files found (deduplicated by full path) and problems met.</summary>
internal sealed class DiscoveryWalk(LintSettings settings, CancellationToken cancellationToken)
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private static readonly Func<string, bool> Everything = _ => true;

    private readonly string _root = Path.GetFullPath(settings.Root);
    private readonly Matcher? _filter = FileDiscovery.BuildMatcher(settings.Include, settings.Exclude);
    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
    private readonly List<ParseIssue> _issues = [];

    public void AddPath(string path)
    {
        var full = Path.GetFullPath(path, _root);
        var globAt = full.IndexOfAny(GlobCharacters);
        if (globAt >= 0)
        {
            // Walk the directory before the first wildcard, keeping candidate files that match the pattern.
            var baseDir = Path.GetDirectoryName(full[..globAt]) ?? _root;
            var pattern = new Matcher(StringComparison.Ordinal).AddInclude(Path.GetRelativePath(baseDir, full).Replace('\\', '/'));
            Walk(baseDir, rel => pattern.Match(rel).HasMatches);
            return;
        }
        switch (FileTypeProbe.GetEntryType(full))
        {
            case EntryType.Directory:
                Walk(full, Everything);
                break;
            case EntryType.Missing:
                Issue(full, "path not found");
                break;
            default:
                AddExplicitFile(full); // named explicitly: parsed whatever its extension; FileParser reports FIFOs etc.
                break;
        }
    }

    public void AddExplicitFile(string full)
    {
        if (Directory.Exists(full))
        {
            Walk(full, Everything);
            return;
        }
        _files.TryAdd(full, FileDiscovery.MakeSourceFile(_root, full, LengthOf(full)));
    }

    public DiscoveryResult Result()
    {
        var files = _files.Values.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        var issues = _issues.OrderBy(i => i.Location.File.RelativePath, StringComparer.Ordinal).ToList();
        return new DiscoveryResult(files, issues);
    }

    /// <summary>Iterative depth-first walk. <paramref name="select"/> sees paths relative to <paramref name="start"/>.</summary>
    private void Walk(string start, Func<string, bool> select)
    {
        var pending = new Stack<string>();
        pending.Push(start);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            List<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Vanished or unreadable directory: say so (the root itself vanishing included) and go on.
                Issue(directory, e is UnauthorizedAccessException ? "directory not readable: permission denied" : "directory could not be listed");
                continue;
            }
            foreach (var entry in entries)
            {
                // One lstat per entry (cached by the FileSystemInfo) gives type, length and mode; only reparse points cost a readlink.
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null)
                {
                    AddLink(entry, FileDiscovery.RelativePath(start, entry.FullName), select);
                }
                else if (entry is DirectoryInfo)
                {
                    if (!FileDiscovery.SkippedDirectories.Contains(entry.Name)) pending.Push(entry.FullName);
                }
                else if ((select == Everything || select(FileDiscovery.RelativePath(start, entry.FullName))) && PassesFilter(entry.FullName) && IsCandidate(entry))
                {
                    _files.TryAdd(entry.FullName, FileDiscovery.MakeSourceFile(_root, entry));
                }
            }
        }
    }

    /// <summary>Links to files are scanned; links to directories are not followed; broken or looping links with a certificate name are reported.</summary>
    private void AddLink(FileSystemInfo link, string relativeToStart, Func<string, bool> select)
    {
        if (!select(relativeToStart) || !PassesFilter(link.FullName)) return;
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            target = null; // ELOOP: a link cycle
        }
        if (target is DirectoryInfo { Exists: true }) return;
        if (target is not { Exists: true })
        {
            if (CandidateSniffer.HasCandidateExtension(link.Name)) Issue(link.FullName, "broken or looping symbolic link");
            return;
        }
        if (CandidateSniffer.HasCandidateExtension(link.Name) || IsSniffable(target.FullName))
        {
            _files.TryAdd(link.FullName, FileDiscovery.MakeSourceFile(_root, link.FullName, LengthOf(target.FullName)));
        }
    }

    private bool PassesFilter(string fullPath) =>
        _filter is null || _filter.Match(FileDiscovery.RelativePath(_root, fullPath)).HasMatches;

    /// <summary>Extension or content decides, for globbed and walked files alike (a glob like certs/** must not turn every README into an error).</summary>
    private static bool IsCandidate(FileSystemInfo entry) =>
        CandidateSniffer.HasCandidateExtension(entry.Name) || IsSniffable(entry.FullName);

    /// <summary>Only regular files are opened for sniffing: a FIFO or device would block or never end.</summary>
    private static bool IsSniffable(string fullPath) =>
        FileTypeProbe.GetEntryType(fullPath) == EntryType.Regular && CandidateSniffer.LooksLikeCandidate(fullPath, LengthOf(fullPath));

    private static long LengthOf(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists ? info.Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private void Issue(string fullPath, string message) =>
        _issues.Add(new ParseIssue(ParseIssueKind.Unreadable, new SourceLocation(FileDiscovery.MakeSourceFile(_root, fullPath, 0)), message));
}
