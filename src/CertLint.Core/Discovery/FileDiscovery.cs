using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Discovery;

/// <summary>
/// Enumerates candidate files from <see cref="LintSettings"/>: Paths (files, folders or globs) and ExtraFiles,
/// filtered by Include/Exclude globs relative to Root, plus the context: candidate files elsewhere in the root. Walks directories itself (no symlinked directories are
/// followed, so loops cannot happen), skips .git/bin/obj/node_modules, opens nothing it does not have to, and never
/// throws for file-system reasons: those become <see cref="DiscoveryResult.Issues"/>.
/// </summary>
public static class FileDiscovery
{
    public static readonly IReadOnlySet<string> SkippedDirectories = new HashSet<string>(StringComparer.Ordinal)
    {
        ".git", "bin", "obj", "node_modules",
    };

    public static DiscoveryResult Discover(LintSettings settings, CancellationToken cancellationToken = default) =>
        Discover(settings, null, cancellationToken);

    /// <param name="manyFiles">Called once if the scope or its context reaches <see cref="Engine.Workers.SequentialBelow"/>
    /// files, as soon as it does (the engine then loads the rule packs beside the rest of the walk).</param>
    public static DiscoveryResult Discover(LintSettings settings, Action? manyFiles, CancellationToken cancellationToken = default)
    {
        var walk = new DiscoveryWalk(settings, cancellationToken, manyFiles: manyFiles);
        foreach (var path in settings.Paths) walk.AddPath(path);
        foreach (var extra in settings.ExtraFiles) walk.AddExplicitFile(Path.GetFullPath(extra, settings.Root));
        var scope = walk.Result();
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Root));
        if (settings.ExtraFiles.Count == 0 && settings.Paths.All(p => Path.TrimEndingDirectorySeparator(p) == root)) return scope;
        // The scope is part of the root: issuers and keys elsewhere in it complete chains and pairs.
        var context = new DiscoveryWalk(settings, cancellationToken, context: true, manyFiles);
        context.AddContext(scope.Files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal));
        return scope with { Context = [.. context.Result().Files.Select(f => f with { IsContext = true })] };
    }

    /// <summary>Relative path with forward slashes, as reports and globs use it.</summary>
    /// <summary>
    /// A listing entry that is a symbolic link. The listing's attributes (one lstat, cached by the entry) answer without a
    /// further system call; only a reparse point is asked for its target (a readlink per file is costly on large trees).
    /// </summary>
    internal static bool IsLink(FileSystemInfo entry) =>
        entry.Attributes.HasFlag(FileAttributes.ReparsePoint) && entry.LinkTarget is not null;

    public static string RelativePath(string root, string fullPath)
    {
        // Fast path for the usual case, a file under the root: Path.GetRelativePath normalises both paths first.
        var under = root.EndsWith(Path.DirectorySeparatorChar) ? root.Length
            : fullPath.Length > root.Length && fullPath[root.Length] == Path.DirectorySeparatorChar ? root.Length + 1 : -1;
        var relative = under > 0 && fullPath.Length > under && fullPath.StartsWith(root, StringComparison.Ordinal)
            ? fullPath[under..]
            : Path.GetRelativePath(root, fullPath);
        return relative.Replace('\\', '/');
    }

    internal static SourceFile MakeSourceFile(string root, string fullPath, long length) =>
        new(fullPath, RelativePath(root, fullPath), length, ModeOf(fullPath));

    /// <summary>A file met in a directory listing: its length and mode come with the entry's cached lstat, no more stat calls.</summary>
    internal static SourceFile MakeSourceFile(string root, FileSystemInfo entry) =>
        new(entry.FullName, RelativePath(root, entry.FullName), entry is FileInfo { Exists: true } file ? file.Length : 0,
            OperatingSystem.IsWindows() ? null : entry.UnixFileMode);

    private static UnixFileMode? ModeOf(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            return File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
