using CertLint.Configuration;
using CertLint.Discovery;
using System.IO.Enumeration;
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
        // MySQL / MariaDB option files; the other readers ask for their own extensions, so only MysqlReader reads these.
        ".cnf",
        // OpenVPN client profiles.
        ".ovpn",
        // Traefik's file provider and static configuration in TOML.
        ".toml",
        // HashiCorp's agent configurations (Vault, Consul, Nomad): read by HashicorpReader only.
        ".hcl",
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
            List<(string FullPath, bool IsDirectory)> entries;
            try
            {
                entries = [.. Listing(directory)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // certificate discovery reports unreadable directories
            }
            foreach (var (fullPath, isDirectory) in entries)
            {
                if (isDirectory)
                {
                    if (!FileDiscovery.SkippedDirectories.Contains(Path.GetFileName(fullPath))) pending.Push(fullPath);
                }
                else if (filter.Admits(FileDiscovery.RelativePath(root, fullPath)))
                {
                    Add(found, root, new FileInfo(fullPath));
                }
            }
        }
        return [.. found.Values];
    }

    /// <summary>
    /// A directory's subdirectories and configuration-named files, symbolic links left out. Decided from the listing's
    /// names and entry types alone: the 20,000 certificate files of a large tree cost no stat call and no object here,
    /// only the few files kept are looked at (<see cref="Add"/>).
    /// </summary>
    private static FileSystemEnumerable<(string FullPath, bool IsDirectory)> Listing(string directory) =>
        new(directory, static (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory), ListingOptions)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => entry.IsDirectory || IsConfigName(entry.Directory, entry.FileName),
        };

    /// <summary>One level; links skipped by the entry type the listing reports (no lstat, no readlink).</summary>
    private static readonly EnumerationOptions ListingOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.ReparsePoint,
    };

    private static void Add(SortedDictionary<string, SourceFile> found, string root, FileInfo file)
    {
        if (found.Count >= MaxFiles || file.Name.Equals(".certlint.yml", StringComparison.OrdinalIgnoreCase)) return;
        found.TryAdd(file.FullName, FileDiscovery.MakeSourceFile(root, file));
    }

    private static bool IsConfigName(string fullPath) =>
        IsConfigName(Path.GetDirectoryName(fullPath.AsSpan()), Path.GetFileName(fullPath.AsSpan()));

    private static bool IsConfigName(ReadOnlySpan<char> directory, ReadOnlySpan<char> fileName)
    {
        var ext = Path.GetExtension(fileName);
        if (ExtensionLookup.Contains(ext)) return true;
        // Caddy's names (Caddyfile, Caddyfile.prod, site.caddyfile): read by CaddyReader only.
        if (Caddy.CaddyReader.IsCaddyfileName(fileName)) return true;
        return ext.Length == 0 && ExtensionlessLookup.Contains(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)));
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExtensionLookup = Extensions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ExtensionlessLookup =
        ExtensionlessDirectories.GetAlternateLookup<ReadOnlySpan<char>>();
}
