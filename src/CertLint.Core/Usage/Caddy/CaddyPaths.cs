namespace CertLint.Usage.Caddy;

/// <summary>
/// The files a Caddyfile names. Caddy opens them relative to its working directory, the main Caddyfile's folder when
/// it is run there: relative paths resolve against that folder, absolute ones by their tail (<see cref="UsagePaths"/>).
/// A path holding a placeholder (<c>{$CERTS}/www.crt</c>, <c>{env.CERTS}</c>) is the deployment's to resolve and, as
/// nginx's <c>$variable</c> paths, is no reference: nothing is said about a file CertLint cannot name.
/// </summary>
internal static class CaddyPaths
{
    public static FileReference? Reference(string path, CaddyDirective at, string baseDirectory, string? directive = null) =>
        path.Length == 0 || path.Contains('{') ? null : UsagePaths.Reference(path, at.At, directive ?? at.Name, baseDirectory);

    /// <summary>
    /// A <c>trust_pool file [PEM_FILE…] { pem_file PEM_FILE… }</c> (caddytls FileCAPool): its files. Other pool modules
    /// (inline, storage, pki_root, http, lazy…) name no file of the repository.
    /// </summary>
    public static IEnumerable<FileReference> TrustPool(CaddyDirective pool, string baseDirectory)
    {
        if (pool.Args is not ["file", ..]) return [];
        var files = pool.Args.Skip(1).Select(a => Reference(a, pool, baseDirectory, $"{pool.Name} file"));
        var inBlock = pool.Children.Where(c => c.Name == "pem_file").SelectMany(c => c.Args.Select(a => Reference(a, c, baseDirectory, $"{pool.Name} file pem_file")));
        return files.Concat(inBlock).OfType<FileReference>();
    }
}
