using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Model;

namespace CertLint.Discovery;

/// <summary>
/// The state of one discovery run: files found (deduplicated by full path) and problems met. A context walk
/// (<paramref name="context"/>) looks for issuers and keys around the scope: certificate extensions only, no problems reported.
/// </summary>
/// <param name="manyFiles">Called once, when the walk has found <see cref="Engine.Workers.SequentialBelow"/> files: the
/// run is not small, and the engine starts loading the rule packs beside the rest of the walk.</param>
internal sealed class DiscoveryWalk(LintSettings settings, CancellationToken cancellationToken, bool context = false, Action? manyFiles = null)
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    private static readonly Func<string, bool> Everything = _ => true;

    private readonly string _root = Path.GetFullPath(settings.Root);
    private readonly PathFilter _filter = new(settings.Include, settings.Exclude);
    private readonly Dictionary<string, SourceFile> _files = new(StringComparer.Ordinal);
    private readonly List<ParseIssue> _issues = [];

    private void Add(string fullPath, SourceFile file)
    {
        if (_files.TryAdd(fullPath, file) && _files.Count == Engine.Workers.SequentialBelow) manyFiles?.Invoke();
    }

    public void AddPath(string path)
    {
        var full = Path.GetFullPath(path, _root);
        if (RepositoryRoot.HasGlob(full))
        {
            // Walk the directory before the first wildcard, keeping candidate files that match the pattern, anchored
            // there as a shell would (`certs/*.pem` is not `certs/sub/x.pem`).
            var baseDir = Path.GetDirectoryName(full[..full.IndexOfAny(['*', '?', '[', '{'])]) ?? _root;
            PathGlob pattern;
            try
            {
                pattern = new PathGlob("/" + Path.GetRelativePath(baseDir, full).Replace('\\', '/'));
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException($"{path}: {e.Message}.");
            }
            var before = _files.Count;
            if (Directory.Exists(baseDir)) Walk(baseDir, pattern.IsMatch);
            if (_files.Count == before && settings.PathsGiven)
                throw new UserErrorException($"{SettingsResolver.Display(full, settings.WorkingDirectory)}: the glob matches no certificate, key or keystore file.");
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

    /// <summary>Walks the whole root for context, leaving out what the scope already holds.</summary>
    public void AddContext(IReadOnlySet<string> inScope)
    {
        Walk(_root, Everything);
        foreach (var key in inScope) _files.Remove(key);
    }

    public void AddExplicitFile(string full)
    {
        if (Directory.Exists(full))
        {
            Walk(full, Everything);
            return;
        }
        Add(full, FileDiscovery.MakeSourceFile(_root, full, LengthOf(full)));
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
            // Entries are taken one at a time, not listed first: a folder of 200,000 files holds one entry at a time.
            foreach (var entry in Entries(directory))
            {
                // One lstat per entry (cached by the FileSystemInfo) gives type, length and mode; only reparse points cost a readlink.
                if (FileDiscovery.IsLink(entry))
                {
                    AddLink(entry, FileDiscovery.RelativePath(start, entry.FullName), select);
                }
                else if (entry is DirectoryInfo)
                {
                    if (!FileDiscovery.SkippedDirectories.Contains(entry.Name)) pending.Push(entry.FullName);
                }
                else if ((select == Everything || select(FileDiscovery.RelativePath(start, entry.FullName))) && PassesFilter(entry.FullName) && IsCandidate(entry))
                {
                    Add(entry.FullName, FileDiscovery.MakeSourceFile(_root, entry));
                }
            }
        }
    }

    /// <summary>A directory's entries, lazily; a directory that cannot be listed (or vanishes mid-way) is an issue, once.</summary>
    private IEnumerable<FileSystemInfo> Entries(string directory)
    {
        IEnumerator<FileSystemInfo>? entries = null;
        try
        {
            entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", OneLevel).GetEnumerator();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unlisted(directory, e);
        }
        if (entries is null) yield break;
        using (entries)
        {
            while (Next(directory, entries)) yield return entries.Current;
        }
    }

    private bool Next(string directory, IEnumerator<FileSystemInfo> entries)
    {
        try
        {
            return entries.MoveNext();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unlisted(directory, e);
            return false;
        }
    }

    /// <summary>Vanished or unreadable directory: say so (the root itself vanishing included) and go on.</summary>
    private void Unlisted(string directory, Exception e) =>
        Issue(directory, e is UnauthorizedAccessException ? "directory not readable: permission denied" : "directory could not be listed");

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
        if (CandidateSniffer.HasCandidateExtension(link.Name) || (!context && IsSniffable(target.FullName)))
        {
            Add(link.FullName, FileDiscovery.MakeSourceFile(_root, link.FullName, LengthOf(target.FullName)));
        }
    }

    private bool PassesFilter(string fullPath) =>
        _filter.IsEverything || _filter.Admits(FileDiscovery.RelativePath(_root, fullPath));

    /// <summary>
    /// Extension or content decides, for globbed and walked files alike (a glob like certs/** must not turn every README
    /// into an error). Context is found by extension only: it costs a directory listing, not a read of every file.
    /// </summary>
    private bool IsCandidate(FileSystemInfo entry) =>
        CandidateSniffer.HasCandidateExtension(entry.Name) || (!context && IsSniffable(entry.FullName));

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

    private void Issue(string fullPath, string message)
    {
        if (!context) _issues.Add(new ParseIssue(ParseIssueKind.Unreadable, new SourceLocation(FileDiscovery.MakeSourceFile(_root, fullPath, 0)), message));
    }
}
