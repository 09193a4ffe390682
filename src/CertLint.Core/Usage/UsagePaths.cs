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
        if (trimmed.StartsWith('/') || Path.IsPathRooted(trimmed)) return reference;
        return reference with { ResolvedFullPath = Path.GetFullPath(trimmed.Replace('\\', '/'), baseDirectory) };
    }

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
