using CertLint.Configuration;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// A certificate's role: the first matching <see cref="LintSettings.RolesByPath"/> glob, else from its path: a directory
/// name or the file stem containing "client" / "server" / "smime" (case-insensitive; several give their union), else from
/// the names expected of it: Server for host names (--host, config hosts: a certificate that must cover a host is a
/// server's), Email for mailboxes (config mailboxes: one that must name a mail address is an S/MIME certificate), else Unknown.
/// Use in a TLS configuration of the repository comes right after .certlint.yml roles; each role says where it came from.
/// </summary>
internal sealed class RoleResolver
{
    public const string FromConfiguration = ".certlint.yml roles";
    public const string FromPathName = "its path name";
    public const string FromHosts = "its expected host names";
    public const string FromMailboxes = "its expected mailboxes";

    private readonly List<(PathGlob? Glob, string? File, CertificateRole Role, string Source)> _configured;
    private readonly LintSettings _settings;
    private readonly IReadOnlyDictionary<CertificateInfo, (CertificateRole Role, string Source)> _fromUse;

    public RoleResolver(LintSettings settings, IReadOnlyDictionary<CertificateInfo, (CertificateRole Role, string Source)>? fromUse = null)
    {
        _configured = [.. settings.RolesByPath.Select(r => (r.File is null ? GlobCache.Get(r.Glob) : null, r.File, r.Role, r.Source ?? FromConfiguration))];
        _settings = settings;
        _fromUse = fromUse ?? new Dictionary<CertificateInfo, (CertificateRole, string)>();
    }

    public (CertificateRole Role, string? Source) RoleOf(CertificateInfo cert)
    {
        var file = cert.Location.File;
        var path = Normalize(file.RelativePath);
        foreach (var (glob, exact, role, source) in _configured)
        {
            if (exact is not null ? exact == file.FullPath : glob!.IsMatch(path)) return (role, source);
        }
        if (_fromUse.TryGetValue(cert, out var used)) return used;
        var fromPath = FromPath(path);
        if (fromPath != CertificateRole.Unknown) return (fromPath, FromPathName);
        if (ExpectedHosts.For(file, _settings).Count > 0) return (CertificateRole.Server, FromHosts);
        return ExpectedHosts.Mailboxes(file, _settings).Count > 0 ? (CertificateRole.Email, FromMailboxes) : (CertificateRole.Unknown, null);
    }

    public static CertificateRole FromPath(string relativePath)
    {
        // Segment by segment on spans (every certificate asks): the last one without its extension.
        var rest = Normalize(relativePath).AsSpan();
        var role = CertificateRole.Unknown;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? Path.GetFileNameWithoutExtension(rest) : rest[..slash];
            if (segment.Contains("client", StringComparison.OrdinalIgnoreCase)) role |= CertificateRole.Client;
            if (segment.Contains("server", StringComparison.OrdinalIgnoreCase)) role |= CertificateRole.Server;
            // "smime", not "mail": a mail server's TLS certificate (mail.example.com.pem) is no S/MIME certificate.
            if (segment.Contains("smime", StringComparison.OrdinalIgnoreCase)) role |= CertificateRole.Email;
            if (slash < 0) return role;
            rest = rest[(slash + 1)..];
        }
    }

    /// <summary>Forward slashes, no leading "./" or "/".</summary>
    private static string Normalize(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        return path.TrimStart('/');
    }
}
