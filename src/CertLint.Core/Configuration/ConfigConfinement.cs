namespace CertLint.Configuration;

/// <summary>
/// A config is part of the repository a pull request controls, so every file it names must lie inside the repository
/// root once symbolic links are resolved (`trust.anchors: ../../etc/passwd` or a link to /etc is refused). Files
/// outside the repository can still be given on the command line, which the pipeline's owner controls.
/// </summary>
internal static class ConfigConfinement
{
    /// <summary>
    /// The one test of "is this path inside the root after symbolic links" (config references, files a TLS
    /// configuration includes or names): both sides resolved, then compared folder by folder. The root itself counts.
    /// </summary>
    public static bool IsInside(string path, string root) => RepositoryRoot.IsUnder(RealPath(path), RealPath(root));

    public static void Check(CertLintConfig config, string root)
    {
        var realRoot = RealPath(root);
        foreach (var r in config.References)
        {
            var full = r.FullPath;
            var globAt = full.IndexOfAny(['*', '?', '[', '{']);
            if (globAt >= 0) full = Path.GetDirectoryName(full[..globAt]) ?? full;
            if (RepositoryRoot.IsUnder(RealPath(full), realRoot)) continue;
            throw r.Origin.Error(
                $"'{r.Key}' names '{r.Value}', which is outside the repository root; a config may only name files inside it " +
                "(give files outside the repository on the command line)", r.Key);
        }
    }

    /// <summary>The path with every symbolic link along it resolved (missing parts kept as written). Bounded: 40 links.</summary>
    internal static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var done = Path.GetPathRoot(full)!;
        var pending = new Queue<string>(full[done.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(done, pending.Dequeue());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            string? target = null;
            try
            {
                target = info.LinkTarget;
            }
            catch (IOException)
            {
                // unreadable link: keep the name as written
            }
            if (target is null || ++links > 40)
            {
                done = next;
                continue;
            }
            var resolved = Path.GetFullPath(target, done);
            var rest = pending.ToArray();
            var resolvedRoot = Path.GetPathRoot(resolved)!;
            done = resolvedRoot;
            pending = new Queue<string>(resolved[resolvedRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(rest));
        }
        return done;
    }
}
