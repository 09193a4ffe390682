using CertLint.Engine;

namespace CertLint.Configuration;

/// <summary>
/// The one place precedence lives: built-in defaults &lt; `.certlint.yml` &lt; the host's request. A request value
/// that is null or empty means "not given" and leaves the config's (or the default) in force; a given list replaces
/// the config's list rather than adding to it. Paths on the command line are relative to the current folder; paths
/// and globs in the config, include/exclude and report paths are relative to the repository root (<see cref="RepositoryRoot"/>).
/// </summary>
public static class SettingsResolver
{
    public static LintSettings Resolve(LintRequest request, TimeProvider time)
    {
        var where = RepositoryRoot.Resolve(request);
        CertLintConfig? config = null;
        if (where.ConfigFile is { } file)
        {
            config = ConfigRebase.Apply(ConfigLoader.LoadFile(file, Display(file, where.WorkingDirectory)), where.Root, file);
            ConfigConfinement.Check(config, where.Root);
            // Errors name the config from the current folder; reports name it from the root, the same from anywhere.
            var fromRoot = Path.GetRelativePath(where.Root, file).Replace('\\', '/');
            config = config with { Suppressions = config.Suppressions?.Select(s => s with { Source = $"{fromRoot}:{s.Origin?.Line}" }).ToArray() };
        }
        return Merge(request, config, where, time);
    }

    /// <summary>Merges an already loaded config (tests and hosts that read the config themselves); the root is the working directory.</summary>
    public static LintSettings Merge(LintRequest request, CertLintConfig? config, string root, string? configFile, TimeProvider time) =>
        Merge(request, config, new RepositoryRoot(Path.GetFullPath(root), configFile, Path.GetFullPath(root)), time);

    private static LintSettings Merge(LintRequest request, CertLintConfig? config, RepositoryRoot where, TimeProvider time)
    {
        var cwd = where.WorkingDirectory;
        var defaults = new LintSettings { Root = where.Root, Paths = [cwd], Now = DateTimeOffset.MinValue };
        // No Select after another LINQ operator here: that call is a generic virtual method, resolved at run time on its first
        // call under Native AOT (docs/performance.md, Session 10 (h10s)).
        string[] FromCwd(IEnumerable<string> paths) =>
            [.. paths.Select(p => string.IsNullOrWhiteSpace(p) ? null : Path.GetFullPath(p, cwd)).OfType<string>()];
        var caFiles = Pick(FromCwd(request.CaFiles), config?.TrustAnchors, defaults.CaFiles);
        return new LintSettings
        {
            Root = where.Root,
            WorkingDirectory = cwd,
            Paths = Pick(FromCwd(request.Paths), config?.Paths, defaults.Paths),
            PathsGiven = request.Paths.Any(p => !string.IsNullOrWhiteSpace(p)),
            ExtraFiles = FromCwd(request.ExtraFiles),
            Include = CheckedGlobs(request.Include, "--include") ?? config?.Include ?? defaults.Include,
            Exclude = CheckedGlobs(request.Exclude, "--exclude") ?? config?.Exclude ?? defaults.Exclude,
            CaFiles = caFiles,
            CaFilesFromConfig = request.CaFiles.Count == 0 && config?.TrustAnchors is not null,
            SystemTrust = request.SystemTrustByDefault && (config?.TrustAnchors?.Count ?? 0) == 0,
            // Anchors named explicitly are exclusive: self-signed certificates in the scan are not trusted along with them.
            AnchorsFromScan = request.AnchorsFromScan ?? config?.AnchorsFromScan ?? caFiles.Count == 0,
            KeyPairs = [.. request.KeyPairs.Select(p => new FilePair(Path.GetFullPath(p.Certificate, cwd), Path.GetFullPath(p.Key, cwd)))],
            Validation = Validation(request, config?.Validation, p => Path.GetFullPath(p, cwd)),
            Hosts = Pick(request.Hosts, null, defaults.Hosts),
            Mailboxes = Pick(request.Mailboxes, null, defaults.Mailboxes),
            HostsByPath = [.. request.PathHosts, .. config?.Hosts ?? defaults.HostsByPath],
            MailboxesByPath = config?.Mailboxes ?? defaults.MailboxesByPath,
            RolesByPath = [.. request.Roles, .. config?.Roles ?? defaults.RolesByPath],
            // Certificate and CRL times have whole seconds (RFC 5280 §4.1.2.5.1-2: no fractional seconds), so the
            // validation time is compared at that granularity: notAfter 00:00:00Z still holds at 00:00:00.5Z.
            Now = WholeSeconds(request.Now ?? time.GetUtcNow()),
            FailOn = request.FailOn ?? config?.FailOn ?? defaults.FailOn,
            PasswordEnv = NonEmpty(request.PasswordEnv) ?? config?.PasswordEnv ?? defaults.PasswordEnv,
            PasswordsByPath = config?.Passwords ?? defaults.PasswordsByPath,
            RuleDirectories = Pick(FromCwd(request.RuleDirectories), config?.RuleDirectories, defaults.RuleDirectories),
            Extends = config?.Extends ?? defaults.Extends,
            Packs = request.Packs.Count > 0 ? request.Packs : config?.Packs,
            PacksOrigin = request.Packs.Count > 0 ? null : config?.PacksOrigin,
            FileOrigins = FileOrigins(config),
            RuleOverrides = config?.RuleOverrides ?? defaults.RuleOverrides,
            Suppressions = config?.Suppressions ?? defaults.Suppressions,
            ConfigFile = where.ConfigFile,
            AllowEmpty = request.AllowEmpty,
            ListSkipped = request.ListSkipped,
            Endpoints = config?.Endpoints ?? [],
            Environment = request.Environment,
            Limits = config?.Limits ?? defaults.Limits,
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

    /// <summary>The configuration file a request uses (--config, else the nearest .certlint.yml; see <see cref="RepositoryRoot"/>).</summary>
    public static string? FindConfig(LintRequest request) => RepositoryRoot.Resolve(request).ConfigFile;

    /// <summary>Globs given as options, checked like the config's (a malformed one is a usage error naming the option).</summary>
    private static IReadOnlyList<string>? CheckedGlobs(IReadOnlyList<string> globs, string option)
    {
        if (globs.Count == 0) return null;
        foreach (var g in globs)
        {
            try
            {
                GlobList.Check(g);
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException($"{option} '{g}': {e.Message}.");
            }
        }
        return globs;
    }

    private static IReadOnlyList<string> Pick(IReadOnlyList<string> request, IReadOnlyList<string>? config, IReadOnlyList<string> fallback) =>
        request.Count > 0 ? request : config ?? fallback;

    /// <summary>Where the config names each anchor and CRL file, so a missing one is reported at its file:line:column.</summary>
    private static Dictionary<string, ConfigOrigin> FileOrigins(CertLintConfig? config)
    {
        var origins = new Dictionary<string, ConfigOrigin>(StringComparer.Ordinal);
        foreach (var r in config?.References ?? [])
        {
            if (r.Key is "trust.anchors" or "validation.crls") origins.TryAdd(r.FullPath, r.Origin);
        }
        return origins;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static DateTimeOffset WholeSeconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>A file's name for messages: relative to the current folder when under it, else absolute.</summary>
    public static string Display(string path, string cwd)
    {
        var relative = Path.GetRelativePath(cwd, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
