using System.Collections.Concurrent;

namespace CertLint.Configuration;

/// <summary>Compiled globs by pattern, shared by every caller (settings hold patterns as text).</summary>
public static class GlobCache
{
    private static readonly ConcurrentDictionary<string, PathGlob> Globs = new(StringComparer.Ordinal);

    public static PathGlob Get(string pattern) => Globs.GetOrAdd(pattern, p => new PathGlob(p));

    /// <summary>True when any of the globs matches the relative path.</summary>
    public static bool AnyMatch(IEnumerable<string> patterns, string relativePath) =>
        patterns.Any(p => Get(p).IsMatch(relativePath));
}
