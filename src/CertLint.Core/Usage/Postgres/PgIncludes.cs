namespace CertLint.Usage.Postgres;

/// <summary>
/// The files a PostgreSQL `include`, `include_if_exists` or `include_dir` names (postgresql.conf, and pg_hba.conf from
/// PostgreSQL 16): relative to the including file's folder, absolute ones found by their tail; a folder's `.conf` files,
/// dot files skipped, sorted by name. A relative `include` that is not there is a parse issue (the server does not start).
/// </summary>
internal static class PgIncludes
{
    public static bool IsInclude(string directive) => directive is "include" or "include_if_exists" or "include_dir";

    public static List<string> Paths(ConfigSource source, int line, string directive, string value, ConfigReadResult result)
    {
        var isDir = directive == "include_dir";
        var absolute = UsagePaths.IsAbsolute(value);
        var full = absolute
            ? (isDir ? UsagePaths.DirectoryByTail(value, source.Directory, source.Root) : UsagePaths.FileByTail(value, source.Directory, source.Root))
            : Path.GetFullPath(value.Replace('\\', '/'), source.Directory);
        if (full is null) return [];
        if (!isDir)
        {
            if (directive == "include" && !absolute && !File.Exists(full))
                result.Error(source.At(line), "include names a file that is not there (PostgreSQL does not start)");
            return [full];
        }
        if (!Directory.Exists(full) || !CertLint.Configuration.ConfigConfinement.IsInside(full, source.Root)) return [];
        try
        {
            // Listing bounded before sorting: ConfigIncludes stops at its own count anyway.
            return [.. Directory.EnumerateFiles(full, "*.conf").Take(4 * ConfigIncludes<object>.MaxFiles)
                .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
