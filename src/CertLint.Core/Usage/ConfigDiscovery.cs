using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;

namespace CertLint.Usage;

/// <summary>
/// Finds the files that may be TLS configurations under the scanned folders: by extension or well-known name only,
/// never by opening everything. Walks like discovery does (no symlinked directories, .git/bin/obj/node_modules skipped,
/// --include/--exclude honoured) and stops at <see cref="MaxFiles"/> so a hostile tree cannot make it run forever.
/// </summary>
internal static class ConfigDiscovery
{
    public const int MaxFiles = 5000;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".conf", ".cfg", ".vhost", ".yaml", ".yml", ".json", ".cpf", ".merge", ".ini", ".xml", ".properties", ".site",
    };

    /// <summary>Extension-less files worth a look: nginx sites-available/default, Apache sites.</summary>
    private static readonly HashSet<string> ExtensionlessDirectories = new(StringComparer.OrdinalIgnoreCase)
    {
        "sites-available", "sites-enabled", "conf.d", "vhosts.d", "http.d",
    };

    public static IReadOnlyList<SourceFile> Find(LintSettings settings, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(settings.Root);
        var filter = new PathFilter(settings.Include, settings.Exclude);
        var found = new SortedDictionary<string, SourceFile>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        foreach (var path in settings.Paths)
        {
            var full = Path.GetFullPath(path, root);
            if (full.IndexOfAny(['*', '?', '[']) >= 0) full = root; // globs narrow certificate discovery; configurations are read from the root
            if (Directory.Exists(full)) pending.Push(full);
            else if (File.Exists(full) && IsConfigName(full)) Add(found, root, new FileInfo(full));
        }
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0 && found.Count < MaxFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var directory = pending.Pop();
            if (!visited.Add(directory)) continue;
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0 }).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // certificate discovery reports unreadable directories
            }
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo)
                {
                    if (!FileDiscovery.IsLink(entry) && !FileDiscovery.SkippedDirectories.Contains(entry.Name)) pending.Push(entry.FullName);
                }
                else if (entry is FileInfo file && IsConfigName(file.FullName) && !FileDiscovery.IsLink(file)
                         && filter.Admits(FileDiscovery.RelativePath(root, file.FullName)))
                {
                    Add(found, root, file);
                }
            }
        }
        return [.. found.Values];
    }

    private static void Add(SortedDictionary<string, SourceFile> found, string root, FileInfo file)
    {
        if (found.Count >= MaxFiles || file.Name.Equals(".certlint.yml", StringComparison.OrdinalIgnoreCase)) return;
        found.TryAdd(file.FullName, FileDiscovery.MakeSourceFile(root, file));
    }

    private static bool IsConfigName(string fullPath)
    {
        var ext = Path.GetExtension(fullPath);
        if (Extensions.Contains(ext)) return true;
        return ext.Length == 0 && ExtensionlessDirectories.Contains(Path.GetFileName(Path.GetDirectoryName(fullPath)) ?? "");
    }
}
