namespace CertLint.Usage.Postgres;

/// <summary>
/// The files a PostgreSQL `include`, `include_if_exists` or `include_dir` names (postgresql.conf, and pg_hba.conf from
/// PostgreSQL 16): relative to the including file's folder, absolute ones found by their tail; a folder's `.conf` files,
/// dot files skipped, sorted by name. A relative `include` that is not there is a parse issue (the server does not start).
/// </summary>
internal static class PgIncludes
{
    public static bool IsInclude(string directive) => directive is "include" or "include_if_exists" or "include_dir";

    /// <summary>The include as written: silent when PostgreSQL allows its absence (include_if_exists, a folder) or
    /// <see cref="Paths"/> has reported it.</summary>
    public static IncludeLine Line(ConfigSource source, string directive, string value) =>
        new(directive, value, Silent: directive != "include" || IsMissingRelative(source, value));

    public static List<string> Paths(ConfigSource source, int line, string directive, string value, ConfigReadResult result)
    {
        var isDir = directive == "include_dir";
        if (UsagePaths.Locate(value, source, folder: isDir) is not { } full) return [];
        if (isDir) return UsagePaths.Listing(full, "*.conf", source.Root, ConfigIncludes<PgSetting>.MaxFiles);
        if (directive == "include" && IsMissingRelative(source, value))
            result.Error(source.At(line), "include names a file that is not there (PostgreSQL does not start)");
        return [full];
    }

    private static bool IsMissingRelative(ConfigSource source, string value) =>
        !UsagePaths.IsAbsolute(value) && UsagePaths.Locate(value, source) is { } full && !File.Exists(full);
}
