using CertLint.Findings;

namespace CertLint.Engine;

/// <summary>
/// What a host (CLI, MSBuild task, Action) was told. Null or empty means "not given here", so that Core can apply
/// its one precedence: built-in defaults &lt; .certlint.yml &lt; this request.
/// </summary>
public sealed record LintRequest
{
    /// <summary>Files, folders and globs to scan, relative to <see cref="WorkingDirectory"/>. Empty: the config's `paths`, else the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
    /// <summary>The current folder: base for the paths given here. The repository root is Core's to find (RepositoryRoot).</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    public string? ConfigPath { get; init; }
    public IReadOnlyList<string> CaFiles { get; init; } = [];
    public IReadOnlyList<string> Hosts { get; init; } = [];
    /// <summary>Mail addresses every S/MIME certificate must name (--mailbox).</summary>
    public IReadOnlyList<string> Mailboxes { get; init; } = [];
    /// <summary>CRL files for offline revocation checking (--crl).</summary>
    public IReadOnlyList<string> CrlFiles { get; init; } = [];
    /// <summary>user-initial-policy-set (--policy); empty means the configuration's or anyPolicy.</summary>
    public IReadOnlyList<string> Policies { get; init; } = [];
    /// <summary>Most intermediates between a certificate and its anchor (--max-chain-depth).</summary>
    public int? MaxChainDepth { get; init; }
    /// <summary>Roles by path glob, ahead of the configuration's (`certlint handshake` marks what it received and was given).</summary>
    public IReadOnlyList<Configuration.PathRole> Roles { get; init; } = [];
    /// <summary>Host names by path glob, ahead of the configuration's (`certlint handshake`: the chain an endpoint sent must cover its name).</summary>
    public IReadOnlyList<Configuration.PathHosts> PathHosts { get; init; } = [];
    /// <summary>Certificate and key files named as a pair (`--cert`/`--key`): a key that does not match is key-mismatch, whatever the names.</summary>
    public IReadOnlyList<Configuration.FilePair> KeyPairs { get; init; } = [];
    /// <summary>Null: the configuration's anchorsFromScan. `certlint handshake` says false: a chain a peer sent never anchors itself.</summary>
    public bool? AnchorsFromScan { get; init; }
    /// <summary>With no --ca and no trust.anchors, trust the operating system's root store (a public endpoint's chain).</summary>
    public bool SystemTrustByDefault { get; init; }
    /// <summary>The instant to lint at (--now). Null: the TimeProvider's now.</summary>
    public DateTimeOffset? Now { get; init; }
    public IReadOnlyList<string> RuleDirectories { get; init; } = [];
    /// <summary>Rule packs (--pack, repeatable): NAME makes the list absolute, +NAME / -NAME change the default set.</summary>
    public IReadOnlyList<string> Packs { get; init; } = [];
    public Severity? FailOn { get; init; }
    /// <summary>Name of the environment variable holding the password (default CERTLINT_PASSWORD).</summary>
    public string? PasswordEnv { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Extra files to scan on top of discovery (MSBuild @(CertLintFile)).</summary>
    public IReadOnlyList<string> ExtraFiles { get; init; } = [];
    public ReportOutputs Reports { get; init; } = new();
    public string? BaselinePath { get; init; }
    public bool NewOnly { get; init; }
    /// <summary>Pass a scan that finds no certificate, key or keystore (default: exit 2, it probably scanned the wrong folder).</summary>
    public bool AllowEmpty { get; init; }
    /// <summary>SARIF automationDetails.id.</summary>
    public string? Category { get; init; }
    /// <summary>Keep suppressed findings in SARIF as `suppressions` (off: GitHub would show them as alerts).</summary>
    public bool SarifIncludeSuppressed { get; init; }
    /// <summary>
    /// List the objects each rule skipped as not applicable / not effective in the JSON and JUnit reports (every host's
    /// verbose switch, e.g. -v). Off: only the counts, and the evaluator records nothing.
    /// </summary>
    public bool ListSkipped { get; init; }
    /// <summary>Environment lookup, injectable for tests. Default: the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}

/// <summary>Report files to write besides the console.</summary>
public sealed record ReportOutputs(
    string? Sarif = null,
    string? JUnit = null,
    string? Json = null,
    string? Markdown = null,
    string? CodeQuality = null,
    string? Html = null);
