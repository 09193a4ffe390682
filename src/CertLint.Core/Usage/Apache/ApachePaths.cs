namespace CertLint.Usage.Apache;

/// <summary>
/// Where a path written in an httpd configuration lies in the repository. httpd resolves relative paths against
/// ServerRoot; in a repository that is the main file's folder, or its parent for the conf/httpd.conf layout. An
/// absolute path is looked for by its longest tail under those folders. Only paths inside the scan root are returned.
/// </summary>
internal static class ApachePaths
{
    public static string? Locate(string written, string mainDirectory, string root)
    {
        var path = written.Replace('\\', '/');
        var bases = new[] { mainDirectory, Path.GetDirectoryName(mainDirectory) }.OfType<string>()
            .Where(b => b == root || CertLint.Configuration.ConfigConfinement.IsInside(b, root)).ToList();
        var tails = new List<string>();
        if (path.StartsWith('/'))
        {
            var segments = path.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < segments.Length - 1; i++) tails.Add(string.Join('/', segments[i..]));
        }
        else
        {
            tails.Add(path);
        }
        foreach (var tail in tails)
        {
            foreach (var b in bases)
            {
                var full = Path.GetFullPath(tail, b);
                if (!CertLint.Configuration.ConfigConfinement.IsInside(full, root)) continue;
                var probe = UsagePaths.IsGlob(full) ? Path.GetDirectoryName(full)! : full;
                if (File.Exists(probe) || Directory.Exists(probe)) return full;
            }
        }
        return path.StartsWith('/') || bases.Count == 0 ? null : Path.GetFullPath(path, bases[0]);
    }
}
