namespace CertLint.Configuration;

/// <summary>
/// Globs in a .certlint.yml are relative to the folder that holds it. The root is normally that folder; when a config
/// given with --config lies below the root, its globs are rebased onto the root, keeping their meaning: "server/**"
/// becomes "sub/server/**" and an unanchored "*.key" becomes "sub/**/*.key".
/// </summary>
internal static class ConfigRebase
{
    public static CertLintConfig Apply(CertLintConfig config, string root, string configFile)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        var relative = Path.GetRelativePath(root, dir).Replace('\\', '/');
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal)) return config;
        var prefix = relative + "/";
        string Re(string glob) => glob.StartsWith('!') ? "!" + Re(glob[1..])
            : glob.StartsWith('/') ? prefix + glob[1..]
            : glob.TrimEnd('/').Contains('/') ? prefix + glob : prefix + "**/" + glob;
        return config with
        {
            Include = config.Include?.Select(Re).ToArray(),
            Exclude = config.Exclude?.Select(Re).ToArray(),
            Hosts = config.Hosts?.Select(h => h with { Glob = Re(h.Glob) }).ToArray(),
            Mailboxes = config.Mailboxes?.Select(m => m with { Glob = Re(m.Glob) }).ToArray(),
            Roles = config.Roles?.Select(r => r with { Glob = Re(r.Glob) }).ToArray(),
            Passwords = config.Passwords?.Select(p => p with { Glob = Re(p.Glob) }).ToArray(),
            Suppressions = config.Suppressions?.Select(s => s.PathGlob is null ? s : s with { PathGlob = Re(s.PathGlob) }).ToArray(),
        };
    }
}
