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
        var issues = ConfigFiles.Where(c => c.File.Issues.Count > 0).Select(c => c.File);
        return [.. scanned.Where(p => !replaced.Contains(p.File.FullPath)).Concat(Embedded).Concat(issues)];
    }
}
