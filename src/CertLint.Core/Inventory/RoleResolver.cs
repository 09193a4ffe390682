using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// A certificate's role: the first matching <see cref="LintSettings.RolesByPath"/> glob, else its use in a TLS
/// configuration of the repository, else from its path: a directory name or the file stem containing "client" /
/// "server" (case-insensitive; both give Client|Server), else Unknown. Each role comes with where it came from.
/// </summary>
internal sealed class RoleResolver
{
    public const string FromConfiguration = ".certlint.yml roles";
    public const string FromPathName = "its path name";

    private readonly List<(PathGlob Glob, CertificateRole Role)> _configured;
    private readonly IReadOnlyDictionary<CertificateInfo, (CertificateRole Role, string Source)> _fromUse;

    public RoleResolver(LintSettings settings, IReadOnlyDictionary<CertificateInfo, (CertificateRole Role, string Source)>? fromUse = null)
    {
        _configured = [.. settings.RolesByPath.Select(r => (new PathGlob(r.Glob), r.Role))];
        _fromUse = fromUse ?? new Dictionary<CertificateInfo, (CertificateRole, string)>();
    }

    public (CertificateRole Role, string? Source) RoleOf(CertificateInfo cert)
    {
        var path = Normalize(cert.Location.File.RelativePath);
        foreach (var (glob, role) in _configured)
        {
            if (glob.IsMatch(path)) return (role, FromConfiguration);
        }
        if (_fromUse.TryGetValue(cert, out var used)) return used;
        var fromPath = FromPath(path);
        return (fromPath, fromPath == CertificateRole.Unknown ? null : FromPathName);
    }

    public CertificateRole RoleOf(SourceFile file)
    {
        var path = Normalize(file.RelativePath);
        foreach (var (glob, role) in _configured)
        {
            if (glob.IsMatch(path)) return role;
        }
        return FromPath(path);
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
