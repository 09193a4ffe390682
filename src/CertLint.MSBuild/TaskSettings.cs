namespace CertLint.MSBuild;

/// <summary>
/// The task's parameters as MSBuild hands them over (item specs, unparsed text). Both hosts of the lint fill it: the
/// task from its properties, the native `certlint msbuild` from the request file the targets write. Everything after
/// that (<see cref="TaskRequest"/>, <see cref="BuildLint"/>) is one code, compiled into both.
/// </summary>
internal sealed record TaskSettings
{
    public required string ProjectDirectory { get; init; }
    public bool Discover { get; init; } = true;
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public string? FailOn { get; init; }
    public string? Config { get; init; }
    public IReadOnlyList<string> Rules { get; init; } = [];
    public string? Now { get; init; }
    public string? SarifFile { get; init; }
    public string? JUnitFile { get; init; }
    public string? HtmlFile { get; init; }
    public IReadOnlyList<string> Ca { get; init; } = [];
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public IReadOnlyList<string> Mailboxes { get; init; } = [];
    public string? PasswordEnv { get; init; }
    public bool AllowEmpty { get; init; }
    public bool Verbose { get; init; }
}
