using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// A certificate's role: the first matching <see cref="LintSettings.RolesByPath"/> glob, else from its path: a directory
/// name or the file stem containing "client" / "server" (case-insensitive; both give Client|Server), else Server when
/// host names are expected for it (--host, config hosts: a certificate that must cover a host is a server's), else Unknown.
/// </summary>
internal sealed class RoleResolver
{
    private readonly List<(PathGlob? Glob, string? File, CertificateRole Role)> _configured;
    private readonly LintSettings _settings;

    public RoleResolver(LintSettings settings)
    {
        _configured = [.. settings.RolesByPath.Select(r => (r.File is null ? GlobCache.Get(r.Glob) : null, r.File, r.Role))];
        _settings = settings;
    }

    public CertificateRole RoleOf(SourceFile file)
    {
        var path = Normalize(file.RelativePath);
        foreach (var (glob, exact, role) in _configured)
        {
            if (exact is not null ? exact == file.FullPath : glob!.IsMatch(path)) return role;
        }
        var fromPath = FromPath(path);
        return fromPath == CertificateRole.Unknown && ExpectedHosts.For(file, _settings).Count > 0 ? CertificateRole.Server : fromPath;
    }

    public static CertificateRole FromPath(string relativePath)
    {
        var segments = Normalize(relativePath).Split('/');
        segments[^1] = Path.GetFileNameWithoutExtension(segments[^1]);
        var role = CertificateRole.Unknown;
        foreach (var segment in segments)
        {
            if (segment.Contains("client", StringComparison.OrdinalIgnoreCase)) role |= CertificateRole.Client;
            if (segment.Contains("server", StringComparison.OrdinalIgnoreCase)) role |= CertificateRole.Server;
        }
        return role;
    }

    /// <summary>Forward slashes, no leading "./" or "/".</summary>
    private static string Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path.TrimStart('/');
    }
}
