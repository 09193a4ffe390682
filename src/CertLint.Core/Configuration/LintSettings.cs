using CertLint.Findings;
using CertLint.Inventory;

namespace CertLint.Configuration;

/// <summary>
/// The settings in force for one run, after precedence (built-in defaults &lt; .certlint.yml &lt; host request)
/// has been applied by <c>SettingsResolver</c>. Everything downstream reads only this.
/// </summary>
public sealed class LintSettings
{
    /// <summary>Absolute scan root; report paths are relative to it.</summary>
    public required string Root { get; init; }
    /// <summary>Absolute current folder: command-line paths were relative to it; the console shows paths from it.</summary>
    public string WorkingDirectory { get; init; } = "";
    /// <summary>
    /// Absolute files/folders/globs whose findings are reported (the scope). Issuers and keys are looked up in the
    /// whole root, bounded by <see cref="Include"/>/<see cref="Exclude"/>.
    /// </summary>
    public required IReadOnlyList<string> Paths { get; init; }
    /// <summary>True when the paths were given explicitly (a glob among them that matches nothing is then a usage error).</summary>
    public bool PathsGiven { get; init; }
    /// <summary>A scan that finds no certificate, key or keystore passes instead of being a usage error (--allow-empty).</summary>
    public bool AllowEmpty { get; init; }
    /// <summary>Record which objects each rule skipped (not applicable / not effective), for the reports (-v).</summary>
    public bool ListSkipped { get; init; }
    public IReadOnlyList<string> ExtraFiles { get; init; } = [];
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Absolute paths of trust anchor files (--ca, config `trust.anchors`).</summary>
    public IReadOnlyList<string> CaFiles { get; init; } = [];
    /// <summary>True when <see cref="CaFiles"/> come from the config's `trust.anchors` (for messages).</summary>
    public bool CaFilesFromConfig { get; init; }
    /// <summary>
    /// Self-signed CA certificates found in the scan are anchors too: true by default when no anchor file is given,
    /// false once --ca or trust.anchors names anchors (unless trust.fromScan: true says otherwise).
    /// </summary>
    public bool AnchorsFromScan { get; init; } = true;
    /// <summary>No anchor file was given: the operating system's root store anchors chains (`certlint handshake` only).</summary>
    public bool SystemTrust { get; init; }
    /// <summary>Certificate and key files named as a pair by the host (absolute paths).</summary>
    public IReadOnlyList<FilePair> KeyPairs { get; init; } = [];
    /// <summary>Path validation inputs (policies, maximum depth, CRL files).</summary>
    public ValidationSettings Validation { get; init; } = new();
    /// <summary>Host names every server leaf must cover (--host).</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];
    /// <summary>Host names per certificate path glob (config).</summary>
    public IReadOnlyList<PathHosts> HostsByPath { get; init; } = [];
    /// <summary>Mail addresses every S/MIME certificate must name (--mailbox).</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];
    /// <summary>Mail addresses per certificate path glob (config `mailboxes`): the S/MIME certificates there must name them.</summary>
    public IReadOnlyList<PathHosts> MailboxesByPath { get; init; } = [];
    public IReadOnlyList<PathRole> RolesByPath { get; init; } = [];
    public required DateTimeOffset Now { get; init; }
    public Severity FailOn { get; init; } = Severity.Error;
    public string PasswordEnv { get; init; } = "CERTLINT_PASSWORD";
    public IReadOnlyList<PathPassword> PasswordsByPath { get; init; } = [];
    public IReadOnlyList<string> RuleDirectories { get; init; } = [];
    /// <summary>Rule packs in force: builtin:recommended (default), builtin:all, builtin:none.</summary>
    public IReadOnlyList<string> Extends { get; init; } = ["builtin:recommended"];
    /// <summary>Pack selection as written (`packs:` or --pack): null = the packs on by default. See <see cref="Rules.PackSelection"/>.</summary>
    public IReadOnlyList<string>? Packs { get; init; }
    /// <summary>Where the selection was written, for errors (null: the command line).</summary>
    public ConfigOrigin? PacksOrigin { get; init; }
    /// <summary>Where the configuration names each anchor and CRL file (absolute path → place), for errors about them.</summary>
    public IReadOnlyDictionary<string, ConfigOrigin> FileOrigins { get; init; } = new Dictionary<string, ConfigOrigin>();
    /// <summary>Per-rule overrides by rule name or id.</summary>
    public IReadOnlyDictionary<string, RuleOverride> RuleOverrides { get; init; } = new Dictionary<string, RuleOverride>();
    public IReadOnlyList<SuppressionEntry> Suppressions { get; init; } = [];
    /// <summary>The configuration file used, if any.</summary>
    public string? ConfigFile { get; init; }
    /// <summary>The configuration's `endpoints:` (`certlint handshake` with no target).</summary>
    public IReadOnlyList<EndpointEntry> Endpoints { get; init; } = [];
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
    /// <summary>Bounds on key derivation and findings (docs/security.md).</summary>
    public ScanLimits Limits { get; init; } = ScanLimits.Default;
}

/// <summary>Host names for the files a glob matches; or, given by an endpoint for one file it names (<see cref="File"/>), for exactly that file.</summary>
public sealed record PathHosts(string Glob, IReadOnlyList<string> Hosts)
{
    /// <summary>An exact full path (or endpoint location) instead of a glob: files an endpoint names may lie outside the root.</summary>
    public string? File { get; init; }

    public static PathHosts ForFile(string fullPath, IReadOnlyList<string> hosts) => new("", hosts) { File = fullPath };
}
/// <summary>A role for the files a glob matches; or, given by a host for one file it names (<see cref="File"/>), for exactly that file.</summary>
public sealed record PathRole(string Glob, CertificateRole Role)
{
    /// <summary>An exact full path (or endpoint location) instead of a glob: files a host names may lie outside the root.</summary>
    public string? File { get; init; }

    /// <summary>Where the role comes from, as messages say it ("role from ..."); null: `.certlint.yml roles`.</summary>
    public string? Source { get; init; }

    public static PathRole ForFile(string fullPath, CertificateRole role, string source) => new("", role) { File = fullPath, Source = source };
}
/// <summary>A certificate file and the key file meant for it.</summary>
public sealed record FilePair(string Certificate, string Key);
public sealed record PathPassword(string Glob, string EnvironmentVariable);

/// <summary>A rule's severity override (None = off) and parameter overrides.</summary>
public sealed record RuleOverride(Severity? Severity, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>Where the override was written (for errors such as an unknown rule or parameter).</summary>
    public ConfigOrigin? Origin { get; init; }
}

/// <summary>A configured suppression: by rule (name or id) and path glob and/or certificate SHA-256.</summary>
public sealed record SuppressionEntry(string Rule, string? PathGlob, string? Sha256, string Reason, DateOnly? Expires, string Source)
{
    /// <summary>Where the suppression was written (for errors such as an unknown rule).</summary>
    public ConfigOrigin? Origin { get; init; }
}
