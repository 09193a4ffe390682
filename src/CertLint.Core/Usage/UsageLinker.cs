using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Usage;

/// <summary>
/// Resolves what usages name to the scanned files, and derives certificate roles from use: the leaves of a file a
/// server serves are server certificates, those a client presents client certificates. An absolute deployment path
/// (/etc/nginx/certs/www.crt) is looked for by its longest tail among the scanned files (certs/www.crt), the one
/// nearest the configuration winning a tie. A docker-compose mount of a repository file or folder at that path wins
/// over the tail: `./certs/www.crt:/etc/nginx/tls/server.crt` says exactly which file nginx will read there.
/// </summary>
public sealed class UsageLinker
{
    private readonly IReadOnlyList<ParsedFile> _scanned;
    private Dictionary<string, List<ParsedFile>>? _index;
    private PathTails? _tails;

    public UsageLinker(IReadOnlyList<ParsedFile> files) => _scanned = files;

    /// <summary>
    /// The files that hold something, by full path: built when a reference is first resolved (a repository without
    /// TLS configurations has none, and 20,000 paths hashed for nothing were a real part of the inventory's time).
    /// </summary>
    private Dictionary<string, List<ParsedFile>> ByFullPath => _index ??= Index(_scanned);

    private PathTails Tails => _tails ??= new PathTails(ByFullPath.Keys);

    private static Dictionary<string, List<ParsedFile>> Index(IReadOnlyList<ParsedFile> files)
    {
        var byFullPath = new Dictionary<string, List<ParsedFile>>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (f.Certificates.Count == 0 && f.Keys.Count == 0 && f.Issues.Count == 0 && f.Keystore is null) continue;
            if (!byFullPath.TryGetValue(f.File.FullPath, out var list)) byFullPath[f.File.FullPath] = list = [];
            list.Add(f);
        }
        return byFullPath;
    }

    /// <summary>The usages with every resolvable reference resolved.</summary>
    public IReadOnlyList<TlsUsage> Link(IReadOnlyList<TlsUsage> usages)
    {
        var mounts = MountsByTarget(usages);
        FileReference? Resolve(FileReference? r) => ByMount(r, mounts) ?? this.Resolve(r);
        return [.. usages.Select(u => u with
        {
            Certificate = Resolve(u.Certificate),
            Key = Resolve(u.Key),
            Chain = Resolve(u.Chain),
            CaFiles = [.. u.CaFiles.Select(Resolve).OfType<FileReference>()],
            CrlFiles = [.. u.CrlFiles.Select(Resolve).OfType<FileReference>()],
        })];
    }

    /// <summary>
    /// Container paths compose mounts repository files at, by target: (source full path, compose file's folder), the first
    /// source per folder (the one a tie went to), so a lookup costs the path's segments, not every mount.
    /// </summary>
    private static Dictionary<string, List<(string Source, string From)>> MountsByTarget(IReadOnlyList<TlsUsage> usages)
    {
        var byTarget = new Dictionary<string, List<(string Source, string From)>>(StringComparer.Ordinal);
        foreach (var u in usages)
        {
            foreach (var s in u.Settings.Where(s => s.Key.StartsWith(Compose.ComposeReader.MountPrefix, StringComparison.Ordinal)))
            {
                var target = s.Key[Compose.ComposeReader.MountPrefix.Length..];
                var from = Path.GetDirectoryName(u.Location.File.FullPath) ?? "";
                if (!byTarget.TryGetValue(target, out var list)) byTarget[target] = list = [];
                if (!list.Any(m => m.From == from)) list.Add((s.Value, from));
            }
        }
        return byTarget;
    }

    /// <summary>An absolute path under a mount target: the longest target wins, then the compose file nearest the configuration.</summary>
    private static FileReference? ByMount(FileReference? reference, Dictionary<string, List<(string Source, string From)>> mounts)
    {
        if (reference is null || reference.Embedded is not null || !reference.Path.StartsWith('/') || mounts.Count == 0 || reference.Path.Contains('\0')) return null;
        var path = reference.Path.Replace('\\', '/');
        var configDir = Path.GetDirectoryName(reference.At.File.FullPath) ?? "";
        string? target = null, source = null;
        // The path itself, then each shorter prefix ending before a '/': the first target found is the longest.
        for (var end = path.Length; end > 0 && target is null; end = path.LastIndexOf('/', end - 1))
        {
            if (!mounts.TryGetValue(path[..end], out var list)) continue;
            target = path[..end];
            source = list.OrderByDescending(m => CommonPrefix(m.From, configDir)).First().Source;
        }
        if (target is null || source is null) return null;
        var resolved = path == target ? source : Path.GetFullPath(path[(target.Length + 1)..], source);
        return reference with { ResolvedFullPath = resolved };
    }

    /// <summary>Roles from use, with the place each came from ("nginx/nginx.conf:14 ssl_certificate").</summary>
    public IReadOnlyDictionary<CertificateInfo, (CertificateRole Role, string Source)> Roles(IReadOnlyList<TlsUsage> linked)
    {
        var roles = new Dictionary<CertificateInfo, (CertificateRole Role, string Source)>(ReferenceEqualityComparer.Instance);
        foreach (var usage in linked)
        {
            if (usage.Certificate is not { } reference || usage.Role == UsageRole.Unknown) continue;
            var role = usage.Role == UsageRole.Server ? CertificateRole.Server : CertificateRole.Client;
            foreach (var cert in CertificatesOf(reference).Where(c => !c.IsCa))
            {
                roles[cert] = roles.TryGetValue(cert, out var had)
                    ? (had.Role | role, had.Role.HasFlag(role) ? had.Source : had.Source + ", " + reference.Source)
                    : (role, reference.Source);
            }
        }
        return roles;
    }

    /// <summary>The parsed files a reference resolved to (one file may be several: its plain parse and embedded objects).</summary>
    public IReadOnlyList<ParsedFile> FilesOf(FileReference? reference) =>
        reference is null ? [] :
        reference.Embedded is { } embedded ? [embedded] :
        reference.ResolvedFullPath is { } path && ByFullPath.TryGetValue(path, out var list) ? list : [];

    public IEnumerable<CertificateInfo> CertificatesOf(FileReference? reference) => FilesOf(reference).SelectMany(f => f.Certificates);

    public IEnumerable<KeyInfo> KeysOf(FileReference? reference) => FilesOf(reference).SelectMany(f => f.Keys);

    private FileReference? Resolve(FileReference? reference)
    {
        if (reference is null || reference.Embedded is not null) return reference;
        if (reference.ResolvedFullPath is not null) return reference; // relative: resolved against the configuration's folder
        return BySuffix(reference) is { } found ? reference with { ResolvedFullPath = found } : reference;
    }

    private const int MaxTailSegments = 16;

    private string? BySuffix(FileReference reference)
    {
        var segments = reference.Path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var configDir = Path.GetDirectoryName(reference.At.File.FullPath) ?? "";
        // The last MaxTailSegments segments at most: a deeper path's longer tails name no repository file in practice, and
        // each tail costs its length (a path of 1,000 segments was 1,000 tails of up to 1,000 segments each).
        for (var i = Math.Max(0, segments.Length - MaxTailSegments); i < segments.Length; i++)
        {
            var bare = i == segments.Length - 1;
            var matches = Tails.Ending(segments.AsSpan(i), bare ? 2 : PathTails.MaxMatches);
            if (matches.Count == 0) continue;
            // The bare file name is weak evidence: only take it when it names one file.
            if (bare && matches.Count > 1) return null;
            return matches.OrderByDescending(m => CommonPrefix(m, configDir)).ThenBy(m => m, StringComparer.Ordinal).First();
        }
        return null;
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }
}
