using CertLint.Model;

namespace CertLint.Usage;

/// <summary>How a path written in a configuration becomes a <see cref="FileReference"/>.</summary>
public static class UsagePaths
{
    /// <summary>
    /// A relative path resolves against <paramref name="baseDirectory"/> (the configuration's folder, the format's
    /// prefix); an absolute one is left for <see cref="UsageLinker"/> to find by its tail among the scanned files.
    /// </summary>
    public static FileReference Reference(string path, SourceLocation at, string directive, string baseDirectory)
    {
        var trimmed = path.Trim().Trim('"', '\'');
        var reference = new FileReference(trimmed, at, directive);
        if (IsAbsolute(trimmed)) return reference;
        return reference with { ResolvedFullPath = Path.GetFullPath(trimmed.Replace('\\', '/'), baseDirectory) };
    }

    /// <summary>
    /// A deployment path on any platform: /etc/..., C:\InterSystems\..., \\server\share\... (a Windows path read on
    /// Linux is not rooted for .NET, yet it is no repository path either).
    /// </summary>
    public static bool IsAbsolute(string path) =>
        path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path)
        || (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/');

    /// <summary>Names read from one folder at most before sorting (a hostile repository may hold millions).</summary>
    private const int MaxFolderEntries = 10_000;

    /// <summary>
    /// The files of a folder a configuration names (HAProxy `crt DIR` and `ca-file DIR`, Apache
    /// SSLCACertificatePath), each a reference at the same line and directive: sorted by name, dot files skipped, at
    /// most <paramref name="max"/>. Null when the reference is no folder inside the scan root.
    /// </summary>
    public static List<FileReference>? FolderFiles(FileReference reference, string baseDirectory, string root, Func<string, bool> include, int max)
    {
        var dir = reference.ResolvedFullPath is { } full && Directory.Exists(full) ? full
            : reference.IsAbsolute ? DirectoryByTail(reference.Path, baseDirectory, root) : null;
        if (dir is null || !Inside(dir, root)) return null;
        return [.. Listing(dir, "*", root, max, include).Select(path => Path.GetFileName(path))
            .Select(name => new FileReference(reference.Path.TrimEnd('/', '\\') + "/" + name, reference.At, reference.Directive)
            {
                ResolvedFullPath = Path.Join(dir, name),
            })];
    }

    /// <summary>Files read from one CA folder at most (Redis tls-ca-cert-dir, MySQL ssl-capath).</summary>
    public const int MaxCaFolderFiles = 100;

    /// <summary>
    /// An OpenSSL CA folder (Redis tls-ca-cert-dir, MySQL ssl-capath): every certificate file in it, OpenSSL's hashed
    /// links included, sorted, at most <see cref="MaxCaFolderFiles"/>; the folder itself when it is not in the repository.
    /// </summary>
    public static List<FileReference> CaFolder(FileReference dir, ConfigSource source) =>
        FolderFiles(dir, source.Directory, source.Root, IsCaFolderCertificate, MaxCaFolderFiles) ?? [dir];

    /// <summary>
    /// Whether a file of an OpenSSL CA folder (mod_ssl's SSLCACertificatePath, Redis tls-ca-cert-dir, MySQL ssl-capath)
    /// can be a CA certificate: such folders also hold keys, serial files and requests (openssl ca's .key, .srl,
    /// .csr) and CRLs, by name or as c_rehash's hash links HASH.rN. OpenSSL finds certificates only through HASH.N
    /// links, but every certificate file of the folder is one the folder trusts.
    /// </summary>
    public static bool IsCaFolderCertificate(string name) =>
        Path.GetExtension(name).ToLowerInvariant() is not (".key" or ".crl" or ".srl" or ".csr") && !IsCrlHashLink(name);

    /// <summary>c_rehash names a CRL HASH.rN (a certificate HASH.N): ".r" and a number end the name.</summary>
    private static bool IsCrlHashLink(string name)
    {
        var dot = name.LastIndexOf(".r", StringComparison.Ordinal);
        return dot > 0 && dot + 2 < name.Length && name.AsSpan(dot + 2).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>Whether a path's file name is a glob (`*`, `?`, `[`), as include lines and glob(3) take it.</summary>
    public static bool IsGlob(string path) => Path.GetFileName(path.Replace('\\', '/')).IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>
    /// The files an include names (nginx `include`, Apache `Include`, Redis `include`): the path itself, or, when its
    /// file name is a glob(3) pattern (conf.d/*.conf), the matching files of its folder as <see cref="Listing"/> gives them.
    /// </summary>
    public static List<string> IncludeGlob(string full, string root, int max)
    {
        var name = Path.GetFileName(full);
        return IsGlob(name) ? Listing(Path.GetDirectoryName(full)!, name, root, max) : [full];
    }

    /// <summary>
    /// A folder's files whose names match <paramref name="pattern"/> (`*` and `?`), sorted by name as glob(3) sorts
    /// them, dot files skipped as glob(3) skips them for a pattern not starting with a dot, at most
    /// <paramref name="max"/>; at most <see cref="MaxFolderEntries"/> names are read before sorting. Empty when the
    /// folder is missing, unreadable or outside the scan root.
    /// </summary>
    public static List<string> Listing(string dir, string pattern, string root, int max, Func<string, bool>? include = null)
    {
        if (!Directory.Exists(dir) || !Inside(dir, root)) return [];
        var dotFiles = pattern.StartsWith('.');
        try
        {
            return [.. Directory.EnumerateFiles(dir, pattern).Take(MaxFolderEntries)
                .Where(path => Path.GetFileName(path) is var name && (dotFiles || !name.StartsWith('.')) && (include is null || include(name)))
                .Order(StringComparer.Ordinal).Take(max)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>
    /// A file (or, with <paramref name="folder"/>, a folder) a configuration names: a relative path resolved against
    /// the configuration's folder, an absolute one found by its tail, a glob file name (/etc/redis/conf.d/*.conf) by
    /// its folder's tail (null when not there).
    /// </summary>
    public static string? Locate(string written, ConfigSource source, bool folder = false)
    {
        if (!IsAbsolute(written)) return Path.GetFullPath(written.Replace('\\', '/'), source.Directory);
        if (folder) return DirectoryByTail(written, source.Directory, source.Root);
        if (!IsGlob(written)) return FileByTail(written, source.Directory, source.Root);
        // A glob's tail is found by its folder, which may be the configuration's own (conf.d/*.conf read from conf.d).
        return ByTail(written, source.Directory, source.Root, glob => Directory.Exists(Path.GetDirectoryName(glob)));
    }

    /// <summary>
    /// A file an absolute deployment path names (/etc/haproxy/crt-list.txt), found by its longest tail under the
    /// configuration's folder; null when none exists there or it leaves the scan root.
    /// </summary>
    public static string? FileByTail(string path, string baseDirectory, string root) => ByTail(path, baseDirectory, root, File.Exists);

    /// <summary>
    /// A folder an absolute deployment path names (/etc/haproxy/certs/), found by its longest tail under the
    /// configuration's folder; null when none exists there or it leaves the scan root.
    /// </summary>
    public static string? DirectoryByTail(string path, string baseDirectory, string root) => ByTail(path, baseDirectory, root, Directory.Exists);

    private static string? ByTail(string path, string baseDirectory, string root, Func<string, bool> exists)
    {
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var full = Path.GetFullPath(string.Join('/', segments[i..]), baseDirectory);
            if (Inside(full, root) && exists(full)) return full;
        }
        return null;
    }

    private static bool Inside(string path, string root) => path == root || CertLint.Configuration.ConfigConfinement.IsInside(path, root);
}
