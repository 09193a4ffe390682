namespace CertLint.Usage;

/// <summary>
/// Full paths indexed by their tails (their last segments), for deployment paths looked up by their longest tail among
/// the scanned files. Each path is kept once with its segments reversed, sorted, so the paths ending in a tail are one
/// run found by binary search: a lookup costs segments × log(files), where scanning every file for every tail of every
/// reference cost references × segments × files (50,000 references against 200,000 files: hours).
/// </summary>
internal sealed class PathTails
{
    /// <summary>Most paths taken for one tail: past it, the choice (nearest the configuration) is made among the first
    /// ones in reversed-path order, so a tail shared by 200,000 files costs no more than one shared by 1,024.</summary>
    public const int MaxMatches = 1024;

    private readonly (string Reversed, string FullPath)[] _entries;

    public PathTails(IEnumerable<string> fullPaths)
    {
        _entries = [.. fullPaths.Select(p => (Reverse(p.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries)), p))];
        Array.Sort(_entries, static (a, b) => string.CompareOrdinal(a.Reversed, b.Reversed));
    }

    /// <summary>The paths that end with "/" and the tail <paramref name="segments"/>, at most <paramref name="limit"/>.</summary>
    public List<string> Ending(ReadOnlySpan<string> segments, int limit)
    {
        var key = Reverse(segments);
        var found = new List<string>();
        Collect(key, exact: true, found, limit);      // a path that is the tail itself
        Collect(key + "/", exact: false, found, limit);   // paths with segments before it: one sorted run
        return found;
    }

    private void Collect(string key, bool exact, List<string> found, int limit)
    {
        for (var i = LowerBound(key); i < _entries.Length && found.Count < limit; i++)
        {
            var reversed = _entries[i].Reversed;
            if (exact ? reversed != key : !reversed.StartsWith(key, StringComparison.Ordinal)) break;
            found.Add(_entries[i].FullPath);
        }
    }

    /// <summary>The first entry not ordinally below <paramref name="key"/>.</summary>
    private int LowerBound(string key)
    {
        int low = 0, high = _entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(_entries[middle].Reversed, key) < 0) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    private static string Reverse(ReadOnlySpan<string> segments)
    {
        var reversed = segments.ToArray();
        Array.Reverse(reversed);
        return string.Join('/', reversed);
    }
}
