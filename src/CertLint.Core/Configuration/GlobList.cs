namespace CertLint.Configuration;

/// <summary>
/// An ordered list of <see cref="PathGlob"/>s where a leading `!` re-admits what an earlier entry matched, as in
/// .gitignore: the last entry that matches a path decides. Used by include/exclude (option and config alike).
/// </summary>
public sealed class GlobList
{
    private readonly (PathGlob Glob, bool Negated)[] _entries;

    /// <exception cref="ArgumentException">A malformed glob (the message names it).</exception>
    public GlobList(IEnumerable<string> patterns) =>
        _entries = patterns.Select(p => p.StartsWith('!') ? (GlobCache.Get(p[1..]), true) : (GlobCache.Get(p), false)).ToArray();

    public bool IsEmpty => _entries.Length == 0;

    /// <summary>True when the last entry matching the path is not negated.</summary>
    public bool IsMatch(string relativePath)
    {
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            if (_entries[i].Glob.IsMatch(relativePath)) return !_entries[i].Negated;
        }
        return false;
    }

    /// <summary>Checks one list entry, `!` allowed; throws <see cref="ArgumentException"/> when malformed.</summary>
    public static void Check(string pattern) => GlobCache.Get(pattern.StartsWith('!') ? pattern[1..] : pattern);
}

/// <summary>Include/exclude together: a path is scanned when it matches include (or include is empty) and not exclude.</summary>
public sealed class PathFilter(IReadOnlyList<string> include, IReadOnlyList<string> exclude)
{
    private readonly GlobList _include = new(include);
    private readonly GlobList _exclude = new(exclude);

    public bool IsEverything => _include.IsEmpty && _exclude.IsEmpty;

    public bool Admits(string relativePath) =>
        (_include.IsEmpty || _include.IsMatch(relativePath)) && !_exclude.IsMatch(relativePath);
}
