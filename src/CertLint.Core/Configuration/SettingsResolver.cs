using CertLint.Engine;

namespace CertLint.Configuration;

/// <summary>
/// The one place precedence lives: built-in defaults &lt; `.certlint.yml` &lt; the host's request. A request value
/// that is null or empty means "not given" and leaves the config's (or the default) in force; a given list replaces
/// the config's list rather than adding to it.
/// </summary>
public static class SettingsResolver
{
    public static LintSettings Resolve(LintRequest request, TimeProvider time)
    {
        var root = Path.GetFullPath(request.WorkingDirectory);
        var configFile = FindConfig(request, root);
        var config = configFile is null ? null : ConfigRebase.Apply(ConfigLoader.LoadFile(configFile, Display(configFile, root)), root, configFile);
        return Merge(request, config, root, configFile, time);
    }

    /// <summary>Merges an already loaded config (tests and hosts that read the config themselves).</summary>
    public static LintSettings Merge(LintRequest request, CertLintConfig? config, string root, string? configFile, TimeProvider time)
    {
        var defaults = new LintSettings { Root = root, Paths = [root], Now = DateTimeOffset.MinValue };
        string Abs(string p) => Path.GetFullPath(Path.Combine(root, p));
        var caFiles = Pick(request.CaFiles.Select(Abs).ToArray(), config?.TrustAnchors, defaults.CaFiles);
        return new LintSettings
        {
            Root = root,
            Paths = Pick(request.Paths.Select(Abs).ToArray(), config?.Paths, defaults.Paths),
            ExtraFiles = request.ExtraFiles.Select(Abs).ToArray(),
            Include = Pick(request.Include, config?.Include, defaults.Include),
            Exclude = Pick(request.Exclude, config?.Exclude, defaults.Exclude),
            CaFiles = caFiles,
            SystemTrust = request.SystemTrustByDefault && (config?.TrustAnchors?.Count ?? 0) == 0,
            // Anchors named explicitly are exclusive: self-signed certificates in the scan are not trusted along with them.
            AnchorsFromScan = request.AnchorsFromScan ?? config?.AnchorsFromScan ?? caFiles.Count == 0,
            KeyPairs = [.. request.KeyPairs.Select(p => new FilePair(Abs(p.Certificate), Abs(p.Key)))],
            Validation = Validation(request, config?.Validation, Abs),
            Hosts = Pick(request.Hosts, null, defaults.Hosts),
            HostsByPath = [.. request.PathHosts, .. config?.Hosts ?? defaults.HostsByPath],
            RolesByPath = [.. request.Roles, .. config?.Roles ?? defaults.RolesByPath],
            Now = request.Now ?? time.GetUtcNow(),
            FailOn = request.FailOn ?? config?.FailOn ?? defaults.FailOn,
            PasswordEnv = NonEmpty(request.PasswordEnv) ?? config?.PasswordEnv ?? defaults.PasswordEnv,
            PasswordsByPath = config?.Passwords ?? defaults.PasswordsByPath,
            RuleDirectories = Pick(request.RuleDirectories.Select(Abs).ToArray(), config?.RuleDirectories, defaults.RuleDirectories),
            Extends = config?.Extends ?? defaults.Extends,
            Packs = request.Packs.Count > 0 ? request.Packs : config?.Packs,
            PacksOrigin = request.Packs.Count > 0 ? null : config?.PacksOrigin,
            FileOrigins = config?.FileOrigins ?? defaults.FileOrigins,
            RuleOverrides = config?.RuleOverrides ?? defaults.RuleOverrides,
            Suppressions = config?.Suppressions ?? defaults.Suppressions,
            ConfigFile = configFile,
            Endpoints = config?.Endpoints ?? [],
            Environment = request.Environment,
        };
    }

    private static ValidationSettings Validation(LintRequest request, ValidationConfig? config, Func<string, string> abs)
    {
        var defaults = new ValidationSettings();
        return new ValidationSettings
        {
            MaxChainDepth = request.MaxChainDepth ?? config?.MaxChainDepth ?? defaults.MaxChainDepth,
            Policies = Pick(request.Policies, config?.Policies, defaults.Policies),
            RequireExplicitPolicy = config?.RequireExplicitPolicy ?? defaults.RequireExplicitPolicy,
            InhibitPolicyMapping = config?.InhibitPolicyMapping ?? defaults.InhibitPolicyMapping,
            InhibitAnyPolicy = config?.InhibitAnyPolicy ?? defaults.InhibitAnyPolicy,
            CrlFiles = Pick(request.CrlFiles.Select(abs).ToArray(), config?.Crls, defaults.CrlFiles),
        };
    }

    /// <summary>--config (must exist), else .certlint.yml / .certlint.yaml in the scan root, else none.</summary>
    public static string? FindConfig(LintRequest request, string root)
    {
        if (NonEmpty(request.ConfigPath) is { } given)
        {
            var path = Path.GetFullPath(Path.Combine(root, given));
            return File.Exists(path) ? path : throw new ConfigurationException(given, 1, 1, "configuration file not found");
        }
        // The working directory first; else, when one folder is scanned (`certlint samples`), that folder's own config.
        var folders = new List<string> { root };
        if (request.Paths.Count == 1 && Directory.Exists(Path.Combine(root, request.Paths[0]))) folders.Add(Path.GetFullPath(request.Paths[0], root));
        return folders.SelectMany(f => ConfigLoader.FileNames.Select(n => Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    private static IReadOnlyList<string> Pick(IReadOnlyList<string> request, IReadOnlyList<string>? config, IReadOnlyList<string> fallback) =>
        request.Count > 0 ? request : config ?? fallback;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Display(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
