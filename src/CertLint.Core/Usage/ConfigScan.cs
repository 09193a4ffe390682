using CertLint.Model;

namespace CertLint.Usage;

/// <summary>
/// The configuration stage's output: the usages found, the configuration files read (with their syntax problems),
/// and certificates embedded in them, which join the scanned files and replace the plain parse of those files.
/// </summary>
public sealed class ConfigScan
{
    public static ConfigScan Empty { get; } = new() { Usages = [], ConfigFiles = [], Embedded = [] };

    public required IReadOnlyList<TlsUsage> Usages { get; init; }
    /// <summary>Every configuration file read, with the format that read it and its syntax issues.</summary>
    public required IReadOnlyList<(ParsedFile File, string Format)> ConfigFiles { get; init; }
    public required IReadOnlyList<ParsedFile> Embedded { get; init; }

    /// <summary>
    /// The parsed files to lint: the scan's own, except the configurations whose embedded objects replace them (a
    /// Secret's stringData PEM must not count twice), plus the embedded objects and configurations with syntax errors.
    /// </summary>
    public IReadOnlyList<ParsedFile> Merge(IEnumerable<ParsedFile> scanned)
    {
        var replaced = Embedded.Select(e => e.File.FullPath).ToHashSet(StringComparer.Ordinal);
        // No Select after another LINQ operator here: that call is a generic virtual method, resolved at run time on its first
        // call under Native AOT (docs/performance.md, Session 10 (h10s)).
        var issues = ConfigFiles.Select(c => c.File).Where(f => f.Issues.Count > 0);
        return [.. scanned.Where(p => !replaced.Contains(p.File.FullPath)).Concat(Embedded).Concat(issues)];
    }
}
