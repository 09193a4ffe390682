using CertLint.Engine;
using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace CertLint.MSBuild;

/// <summary>
/// Lints the certificates and keys of a project during the build. A thin host: it turns its parameters into one
/// <see cref="LintRequest"/>, runs Core, writes the reports and logs each finding with the rule id as the code
/// (<see cref="BuildLint"/>, which the native `certlint msbuild` runs too).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "MSBuild never disposes tasks; a CancellationTokenSource without a timer holds nothing that needs it.")]
public sealed class CertLintTask : MSBuildTask, ICancelableTask
{
    private readonly CancellationTokenSource cancellation = new();

    /// <summary>The project folder: working directory, default scan root and base of relative paths.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Scan the project folder like the CLI does (default). False: lint only <see cref="Files"/>.</summary>
    public bool Discover { get; set; } = true;

    /// <summary>@(CertLintFile): extra files to lint.</summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>Exclude globs relative to the project folder, on top of Core's defaults (bin, obj, .git, node_modules).</summary>
    public ITaskItem[] Exclude { get; set; } = [];

    /// <summary>error, warning, note or none: findings at or above it fail the build.</summary>
    public string? FailOn { get; set; }

    public string? Config { get; set; }

    /// <summary>Folders of extra rule files.</summary>
    public ITaskItem[] Rules { get; set; } = [];

    /// <summary>The instant to lint at (ISO 8601); empty means now.</summary>
    public string? Now { get; set; }

    public string? SarifFile { get; set; }

    public string? JUnitFile { get; set; }

    /// <summary>The HTML report; empty means none. The targets resolve $(CertLintHtmlFile) under obj/.</summary>
    public string? HtmlFile { get; set; }

    /// <summary>Trust anchor files.</summary>
    public ITaskItem[] Ca { get; set; } = [];

    /// <summary>Host names every server leaf must cover.</summary>
    public ITaskItem[] Hosts { get; set; } = [];

    /// <summary>Mail addresses every S/MIME leaf must name.</summary>
    public ITaskItem[] Mailboxes { get; set; } = [];

    /// <summary>Name of the environment variable holding the keystore password.</summary>
    public string? PasswordEnv { get; set; }

    /// <summary>
    /// $(CertLintAllowEmpty): pass when the lint finds no certificate, key or keystore at all. Otherwise such a build
    /// fails (CL9003), as the CLI exits 2: a lint pointed at the wrong folder must not pass silently.
    /// </summary>
    public bool AllowEmpty { get; set; }

    /// <summary>
    /// $(CertLintVerbose): the JUnit report also lists, per rule, the objects it did not apply to or did not bind
    /// (skipped cases), as the CLI's -v does. They are never findings: the build's verdict does not change.
    /// </summary>
    public bool Verbose { get; set; }

    /// <summary>Runs Core; replaced by tests that only exercise the logging.</summary>
    internal Func<LintRequest, CancellationToken, LintResult> RunEngine { get; set; } = CoreEntry.Run;

    /// <summary>Ctrl+C in the build: stop the scan.</summary>
    public void Cancel() => cancellation.Cancel();

    public override bool Execute() => BuildLint.Run(Settings(), new TaskLog(Log), RunEngine, cancellation.Token);

    private TaskSettings Settings() => new()
    {
        ProjectDirectory = ProjectDirectory,
        Discover = Discover,
        Files = Specs(Files),
        Exclude = Specs(Exclude),
        FailOn = FailOn,
        Config = Config,
        Rules = Specs(Rules),
        Now = Now,
        SarifFile = SarifFile,
        JUnitFile = JUnitFile,
        HtmlFile = HtmlFile,
        Ca = Specs(Ca),
        Hosts = Specs(Hosts),
        Mailboxes = Specs(Mailboxes),
        PasswordEnv = PasswordEnv,
        AllowEmpty = AllowEmpty,
        Verbose = Verbose,
    };

    private static string[] Specs(ITaskItem[] items) => items.Select(i => i.ItemSpec).ToArray();
}
