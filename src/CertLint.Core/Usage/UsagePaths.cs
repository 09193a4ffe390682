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

    /// <summary>
    /// A folder an absolute deployment path names (/etc/haproxy/certs/), found by its longest tail under the
    /// configuration's folder; null when none exists there or it leaves the scan root.
    /// </summary>
    public static string? DirectoryByTail(string path, string baseDirectory, string root)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var full = Path.GetFullPath(string.Join('/', segments[i..]), baseDirectory);
            if ((full == root || ConfigStage.IsInside(full, root)) && Directory.Exists(full)) return full;
        }
        return null;
    }
}
