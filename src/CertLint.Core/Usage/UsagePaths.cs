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
}
