using Microsoft.Extensions.FileSystemGlobbing;

namespace CertLint.Inventory;

/// <summary>
/// A configuration path glob (e.g. "certs/clients/**/*.pem"), matched against a path relative to the scan root with
/// forward slashes, case-insensitively so that a configuration behaves the same on every OS.
/// </summary>
public sealed class PathGlob
{
    private readonly Matcher _matcher = new(StringComparison.OrdinalIgnoreCase);

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        _matcher.AddInclude(pattern.Replace('\\', '/').TrimStart('/'));
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _matcher.Match(Normalize(relativePath)).HasMatches;

    /// <summary>Forward slashes, no leading "./" or "/".</summary>
    public static string Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path.TrimStart('/');
    }

    public override string ToString() => Pattern;
}
