namespace CertLint.Usage.Postgres;

/// <summary>
/// The files a PostgreSQL `include`, `include_if_exists` or `include_dir` names (postgresql.conf, and pg_hba.conf from
/// PostgreSQL 16): relative to the including file's folder, absolute ones found by their tail; a folder's `.conf` files,
/// dot files skipped, sorted by name. A relative `include` that is not there is a parse issue (the server does not start).
/// </summary>
internal static class PgIncludes
{
    public static bool IsInclude(string directive) => directive is "include" or "include_if_exists" or "include_dir";

    /// <summary>
    /// The include as written and the files it reads. Its absence is silent (<see cref="IncludeLine.Silent"/>) where
    /// PostgreSQL allows it (include_if_exists, a folder) and where it is reported here (a relative include missing).
    /// </summary>
    public static (IncludeLine Written, List<string> Paths) Resolve(ConfigSource source, int line, string directive, string value, ConfigReadResult result)
    {
        var isDir = directive == "include_dir";
        var full = UsagePaths.Locate(value, source, folder: isDir);
        var missingRelative = directive == "include" && !UsagePaths.IsAbsolute(value) && full is not null && !File.Exists(full);
        if (missingRelative) result.Error(source.At(line), "include names a file that is not there (PostgreSQL does not start)");
        var written = new IncludeLine(directive, value, Silent: directive != "include" || missingRelative);
        if (full is null) return (written, []);
        return (written, isDir ? UsagePaths.Listing(full, "*.conf", source.Root, ConfigIncludes<PgSetting>.MaxFiles) : [full]);
    }
}
