using CertLint.Engine;
using CertLint.Reporting;
using CertLint.Reporting.GitHub;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// The options `certlint lint` and `certlint handshake` share, declared once: configuration, trust anchors, --now,
/// rules, passwords, --fail-on, console and report options, baseline. Both commands hand the resulting
/// <see cref="LintRequest"/> to Core's one settings resolver and finish through <see cref="Finish"/>.
/// </summary>
internal sealed class SharedOptions
{
    public required CommandOption Config { get; init; }
    public required CommandOption Ca { get; init; }
    public required CommandOption Now { get; init; }
    public required CommandOption Rules { get; init; }
    public required CommandOption FailOn { get; init; }
    public required CommandOption PasswordEnv { get; init; }
    public required CommandOption Quiet { get; init; }
    public required CommandOption Verbose { get; init; }
    public required CommandOption Sarif { get; init; }
    public required CommandOption JUnit { get; init; }
    public required CommandOption Json { get; init; }
    public required CommandOption Markdown { get; init; }
    public required CommandOption CodeQuality { get; init; }
    public required CommandOption Html { get; init; }
    public required CommandOption Category { get; init; }
    public required CommandOption Baseline { get; init; }
    public required CommandOption NewOnly { get; init; }
    public required CommandOption GitHub { get; init; }
    public required CommandOption SarifSuppressed { get; init; }

    public static SharedOptions Register(CommandLineApplication app) => new()
    {
        Config = app.Option("-c|--config <FILE>", "Configuration file (default: the nearest .certlint.yml from the scanned folder up to the repository top).", CommandOptionType.SingleValue),
        Ca = app.Option("--ca <FILE>", "Trust anchor certificate file (PEM, DER, PKCS#7); repeatable. handshake: without it (or trust.anchors), the system store.", CommandOptionType.MultipleValue),
        Now = app.Option("--now <DATE>", "Judge certificates as of this date (2027-12-31 or 2027-12-31T23:59:59Z; UTC unless an offset is given) instead of the clock.", CommandOptionType.SingleValue),
        Rules = app.Option("--rules <DIR>", "Folder of extra rule files (*.yml); repeatable.", CommandOptionType.MultipleValue),
        FailOn = app.Option("--fail-on <LEVEL>", "Exit 1 on findings at or above: error (default), warning, note, none.", CommandOptionType.SingleValue),
        PasswordEnv = app.Option("--password-env <NAME>", "Environment variable holding the keystore/key password (default CERTLINT_PASSWORD).", CommandOptionType.SingleValue),
        Quiet = app.Option("-q|--quiet", "Print only findings at or above --fail-on and the summary.", CommandOptionType.NoValue),
        Verbose = app.Option("-v|--verbose", "Also print suppressed findings with their reason, each rule's fix and help link, baseline states and every file scanned; list the objects each rule skipped (not applicable / not effective) in the JSON and JUnit reports.", CommandOptionType.NoValue),
        Sarif = app.Option("--sarif <FILE>", "Write a SARIF 2.1.0 report.", CommandOptionType.SingleValue),
        JUnit = app.Option("--junit <FILE>", "Write a JUnit XML report.", CommandOptionType.SingleValue),
        Json = app.Option("--json <FILE>", "Write a JSON report (schema docs/schema/certlint-report-v1.schema.json).", CommandOptionType.SingleValue),
        Markdown = app.Option("--markdown <FILE>", "Write a Markdown summary (e.g. $GITHUB_STEP_SUMMARY).", CommandOptionType.SingleValue),
        CodeQuality = app.Option("--gitlab-codequality <FILE>", "Write a GitLab Code Quality report (artifacts:reports:codequality).", CommandOptionType.SingleValue),
        Html = app.Option("--html <FILE>", "Write a self-contained HTML report (expiry timeline, chain graphs, findings).", CommandOptionType.SingleValue),
        Category = app.Option("--category <ID>", "SARIF automationDetails.id, to keep several analyses apart.", CommandOptionType.SingleValue),
        Baseline = app.Option("--baseline <FILE>", "Compare with an earlier SARIF report (baselineState).", CommandOptionType.SingleValue),
        NewOnly = app.Option("--new-only", "With --baseline: only new findings count for --fail-on.", CommandOptionType.NoValue),
        SarifSuppressed = app.Option("--sarif-suppressed", "Include suppressed findings in SARIF as suppressions.", CommandOptionType.NoValue),
        GitHub = app.Option("--github", "Also emit GitHub Actions annotations and outputs ($GITHUB_OUTPUT).", CommandOptionType.NoValue),
    };

    /// <summary>The request these options describe; each command adds its own (paths, hosts...).</summary>
    public LintRequest ToRequest(CliContext context)
    {
        if (NewOnly.HasValue() && !Baseline.HasValue()) throw new UserErrorException("--new-only needs --baseline FILE.");
        return new LintRequest
        {
            WorkingDirectory = context.WorkingDirectory,
            ConfigPath = Config.Value(),
            CaFiles = Ca.Values.OfType<string>().ToList(),
            Now = Now.HasValue() ? RequestValues.ParseNow(Now.Value()!) : null,
            RuleDirectories = Rules.Values.OfType<string>().ToList(),
            FailOn = FailOn.HasValue() ? RequestValues.ParseFailOn(FailOn.Value()!) : null,
            PasswordEnv = PasswordEnv.Value(),
            Reports = new ReportOutputs(Sarif.Value(), JUnit.Value(), Json.Value(), Markdown.Value(), CodeQuality.Value(), Html.Value()),
            BaselinePath = Baseline.Value(),
            NewOnly = NewOnly.HasValue(),
            Category = Category.Value(),
            SarifIncludeSuppressed = SarifSuppressed.HasValue(),
            ListSkipped = Verbose.HasValue(),
            Environment = context.Environment,
        };
    }

    /// <summary>Writes the report files, the console report and (--github) the annotations; returns the exit code.</summary>
    public int Finish(LintResult result, LintRequest request, CliContext context)
    {
        ReportWriter.WriteFiles(result, request);
        ConsoleReport.Write(result, context.Out, ConsoleOptions.For(Quiet.HasValue(), Verbose.HasValue(), context.OutIsTerminal, context.Environment));
        if (GitHub.HasValue())
        {
            new GitHubActionsWriter(context.Environment).Write(result, request.Reports, context.WorkingDirectory, context.Out);
        }
        return result.ExitCode;
    }
}
