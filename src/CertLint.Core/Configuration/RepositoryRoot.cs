using CertLint.Discovery;
using CertLint.Engine;

namespace CertLint.Configuration;

/// <summary>Where a run stands: the repository root every relative path is reported against, and the config in use.</summary>
/// <param name="Root">Absolute repository root: config paths, include/exclude, suppressions and report URIs are relative to it.</param>
/// <param name="ConfigFile">The `.certlint.yml` in use (absolute), if any.</param>
/// <param name="WorkingDirectory">Absolute current folder: command-line paths are relative to it; the console shows paths from it.</param>
public sealed record RepositoryRoot(string Root, string? ConfigFile, string WorkingDirectory)
{
    private static readonly char[] GlobCharacters = ['*', '?', '[', '{'];

    /// <summary>
    /// The one place the root is decided, so every host and every current folder gets the same answer:
    /// the folder of the `.certlint.yml` in use, else the top of the git work tree holding the scanned paths, else the
    /// scanned folder (for several paths their common folder, for a file or glob its folder), else the current folder
    /// when no path is given. Never the current folder when paths are given, so the answer does not depend on it.
    /// The config in use is `--config`, else the nearest `.certlint.yml` from the scanned paths up to the work-tree
    /// top (without git: up to the current folder when the paths are under it, else only their folder).
    /// </summary>
    public static RepositoryRoot Resolve(LintRequest request)
    {
        var cwd = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.WorkingDirectory));
        var given = request.Paths.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        foreach (var p in given) CheckExists(p, cwd);
        var bases = given.Select(p => BaseFolder(Path.GetFullPath(p, cwd))).ToArray();
        var start = bases.Length == 0 ? cwd : CommonFolder(bases);
        var gitTop = FindGitTop(start);
        var config = Explicit(request.ConfigPath, cwd) ?? FindConfig(start, gitTop ?? (IsUnder(start, cwd) ? cwd : start));
        var configFolder = config is null ? null : Path.GetDirectoryName(config)!;
        string root;
        if (configFolder is not null && IsUnder(start, configFolder)) root = configFolder;
        else if (gitTop is not null) root = gitTop;
        else root = start;
        return new RepositoryRoot(root, config, cwd);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (lexically).</summary>
    public static bool IsUnder(string path, string folder)
    {
        var f = Path.TrimEndingDirectorySeparator(folder);
        var p = Path.TrimEndingDirectorySeparator(path);
        return p.Equals(f, StringComparison.Ordinal) ||
               (p.StartsWith(f, StringComparison.Ordinal) && (f.EndsWith(Path.DirectorySeparatorChar) || p[f.Length] == Path.DirectorySeparatorChar));
    }

    public static bool HasGlob(string path) => path.IndexOfAny(GlobCharacters) >= 0;

    /// <summary>A path given to scan must exist (a glob is checked once it has been expanded).</summary>
    private static void CheckExists(string given, string cwd)
    {
        if (HasGlob(given)) return;
        if (FileTypeProbe.GetEntryType(Path.GetFullPath(given, cwd)) == EntryType.Missing)
            throw new UserErrorException($"{given}: no such file or folder.");
    }

    /// <summary>The folder a given path stands for: itself, a file's folder, or a glob's folder before its first wildcard.</summary>
    private static string BaseFolder(string full)
    {
        var globAt = full.IndexOfAny(GlobCharacters);
        if (globAt >= 0) return Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(full[..globAt]) ?? full[..globAt]);
        return Directory.Exists(full) ? Path.TrimEndingDirectorySeparator(full) : Path.GetDirectoryName(full)!;
    }

    private static string CommonFolder(string[] folders)
    {
        var common = folders[0];
        foreach (var f in folders.Skip(1))
        {
            while (!IsUnder(f, common)) common = Path.GetDirectoryName(common) ?? common;
        }
        return common;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding `.git` (a folder, or a file in worktrees and submodules).</summary>
    private static string? FindGitTop(string start)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return dir;
        }
        return null;
    }

    private static string? Explicit(string? configPath, string cwd)
    {
        if (string.IsNullOrWhiteSpace(configPath)) return null;
        var path = Path.GetFullPath(configPath, cwd);
        return File.Exists(path) ? path : throw new ConfigurationException(configPath, 1, 1, "configuration file not found");
    }

    /// <summary>The nearest `.certlint.yml` (or `.yaml`) from <paramref name="start"/> up to <paramref name="stop"/>.</summary>
    private static string? FindConfig(string start, string stop)
    {
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            foreach (var name in ConfigLoader.FileNames)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
            if (!IsUnder(dir, stop) || dir == Path.TrimEndingDirectorySeparator(stop)) break;
        }
        return null;
    }
}
