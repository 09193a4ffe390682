using CertLint.Model;

namespace CertLint.Usage;

/// <summary>How a path written in a configuration becomes a <see cref="FileReference"/>.</summary>
public static class UsagePaths
{
    /// <summary>
    /// A relative path resolves against <paramref name="baseDirectory"/> (the configuration's folder, the format's
    /// prefix); an absolute one is left for <see cref="UsageLinker"/> to find by its tail among the scanned files.
    /// </summary>
    public static FileReference Reference(string path, SourceLocation at, string directive, string baseDirectory)
    {
        var trimmed = path.Trim().Trim('"', '\'');
        var reference = new FileReference(trimmed, at, directive);
        if (IsAbsolute(trimmed)) return reference;
        return reference with { ResolvedFullPath = Path.GetFullPath(trimmed.Replace('\\', '/'), baseDirectory) };
    }

    /// <summary>
    /// A deployment path on any platform: /etc/..., C:\InterSystems\..., \\server\share\... (a Windows path read on
    /// Linux is not rooted for .NET, yet it is no repository path either).
    /// </summary>
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path)
        || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');

    /// <summary>Names read from one folder at most before sorting (a hostile repository may hold millions).</summary>
    private const int MaxFolderEntries = 10_000;

    /// <summary>
    /// The files of a folder a configuration names (HAProxy `crt DIR` and `ca-file DIR`, Apache
    /// SSLCACertificatePath), each a reference at the same line and directive: sorted by name, dot files skipped, at
    /// most <paramref name="max"/>. Null when the reference is no folder inside the scan root.
    /// </summary>
    public static List<FileReference>? FolderFiles(FileReference reference, string baseDirectory, string root, Func<string, bool> include, int max)
    {
        var dir = reference.ResolvedFullPath is { } full && Directory.Exists(full) ? full
            : reference.IsAbsolute ? DirectoryByTail(reference.Path, baseDirectory, root) : null;
        if (dir is null || !(dir == root || CertLint.Configuration.ConfigConfinement.IsInside(dir, root))) return null;
        try
        {
            return [.. Directory.EnumerateFiles(dir).Take(MaxFolderEntries).Select(Path.GetFileName).OfType<string>()
                .Where(name => !name.StartsWith('.') && include(name)).Order(StringComparer.Ordinal).Take(max)
                .Select(name => new FileReference(reference.Path.TrimEnd('/', '\\') + "/" + name, reference.At, reference.Directive)
                {
                    ResolvedFullPath = Path.Join(dir, name),
                })];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// A file an absolute deployment path names (/etc/haproxy/crt-list.txt), found by its longest tail under the
    /// configuration's folder; null when none exists there or it leaves the scan root.
    /// </summary>
    public static string? FileByTail(string path, string baseDirectory, string root) => ByTail(path, baseDirectory, root, File.Exists);

    /// <summary>
    /// A folder an absolute deployment path names (/etc/haproxy/certs/), found by its longest tail under the
    /// configuration's folder; null when none exists there or it leaves the scan root.
    /// </summary>
    public static string? DirectoryByTail(string path, string baseDirectory, string root) => ByTail(path, baseDirectory, root, Directory.Exists);

    private static string? ByTail(string path, string baseDirectory, string root, Func<string, bool> exists)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var full = Path.GetFullPath(string.Join('/', segments[i..]), baseDirectory);
            if ((full == root || CertLint.Configuration.ConfigConfinement.IsInside(full, root)) && exists(full)) return full;
        }
        return null;
    }
}
