namespace CertLint.Configuration;

/// <summary>
/// A `.certlint.yml` as written (null = not set there). <see cref="SettingsResolver"/> merges it between the
/// built-in defaults and the host's request. Paths are already absolute (relative to the config file's folder).
/// </summary>
public sealed record CertLintConfig
{
    public required string File { get; init; }
    public IReadOnlyList<string>? Extends { get; init; }
    public IReadOnlyList<string>? Paths { get; init; }
    public IReadOnlyList<string>? Include { get; init; }
    public IReadOnlyList<string>? Exclude { get; init; }
    public Findings.Severity? FailOn { get; init; }
    public IReadOnlyList<string>? TrustAnchors { get; init; }
    public bool? AnchorsFromScan { get; init; }
    public ValidationConfig? Validation { get; init; }
    public IReadOnlyList<PathHosts>? Hosts { get; init; }
    /// <summary>`mailboxes`: the mail addresses S/MIME certificates must name, per path glob (a <see cref="PathHosts"/> of addresses).</summary>
    public IReadOnlyList<PathHosts>? Mailboxes { get; init; }
    public IReadOnlyList<PathRole>? Roles { get; init; }
    public string? PasswordEnv { get; init; }
    public IReadOnlyList<PathPassword>? Passwords { get; init; }
    public IReadOnlyList<string>? RuleDirectories { get; init; }
    public IReadOnlyList<string>? Packs { get; init; }
    public ConfigOrigin? PacksOrigin { get; init; }
    public IReadOnlyDictionary<string, RuleOverride>? RuleOverrides { get; init; }
    public IReadOnlyList<SuppressionEntry>? Suppressions { get; init; }
    /// <summary>The pair `certlint handshake --self-test` checks when no credentials are given as options.</summary>
    public SelfTestPair? SelfTest { get; init; }
    /// <summary>Lowered bounds (`limits`), or null for the defaults.</summary>
    public ScanLimits? Limits { get; init; }
    /// <summary>Every file or folder the config names, with its position (checked to lie inside the repository root).</summary>
    public IReadOnlyList<ConfigReference> References { get; init; } = [];
    /// <summary>The endpoints `certlint handshake` probes when given no target.</summary>
    public IReadOnlyList<EndpointEntry>? Endpoints { get; init; }
}

/// <summary>The `validation` section as written (null = not set).</summary>
public sealed record ValidationConfig(
    int? MaxChainDepth,
    IReadOnlyList<string>? Policies,
    bool? RequireExplicitPolicy,
    bool? InhibitPolicyMapping,
    bool? InhibitAnyPolicy,
    IReadOnlyList<string>? Crls);
