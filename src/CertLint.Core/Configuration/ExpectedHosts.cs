using CertLint.Model;

namespace CertLint.Configuration;

/// <summary>Expected host names for a certificate file: --host plus config hosts whose glob matches its path.</summary>
public static class ExpectedHosts
{
    public static IReadOnlyList<string> For(SourceFile file, LintSettings settings)
    {
        if (settings.HostsByPath.Count == 0) return settings.Hosts;
        var hosts = new List<string>(settings.Hosts);
        foreach (var ph in settings.HostsByPath)
        {
            if (ph.File is not null ? ph.File == file.FullPath : GlobCache.Get(ph.Glob).IsMatch(file.RelativePath)) hosts.AddRange(ph.Hosts);
        }
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }
}
