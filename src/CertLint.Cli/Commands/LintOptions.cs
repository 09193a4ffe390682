using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// The lint options, registered on both `certlint` and `certlint lint`. Only translation happens here:
/// defaults and precedence against .certlint.yml live in Core (SettingsResolver).
/// </summary>
internal sealed class LintOptions
{
    public required CommandArgument Paths { get; init; }
    public required CommandOption Config { get; init; }
    public required CommandOption Ca { get; init; }
    public required CommandOption Host { get; init; }
    public required CommandOption Crl { get; init; }
    public required CommandOption Policy { get; init; }
    public required CommandOption MaxChainDepth { get; init; }
    public required CommandOption Now { get; init; }
    public required CommandOption Rules { get; init; }
    public required CommandOption FailOn { get; init; }
    public required CommandOption PasswordEnv { get; init; }
    public required CommandOption Include { get; init; }
    public required CommandOption Exclude { get; init; }
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
    public required CommandOption Pack { get; init; }

    public static LintOptions Register(CommandLineApplication app) => new()
    {
        Paths = app.Argument("PATH", "Files, folders or globs to scan (default: the current folder).", multipleValues: true),
        Config = app.Option("-c|--config <FILE>", "Configuration file (default: .certlint.yml in the scanned folder).", CommandOptionType.SingleValue),
        Ca = app.Option("--ca <FILE>", "Trust anchor certificate file (PEM, DER, PKCS#7); repeatable.", CommandOptionType.MultipleValue),
        Host = app.Option("--host <NAME>", "Host name every server certificate must cover; repeatable.", CommandOptionType.MultipleValue),
        Crl = app.Option("--crl <FILE>", "CRL file for offline revocation checking (PEM or DER); repeatable.", CommandOptionType.MultipleValue),
        Policy = app.Option("--policy <OID>", "Acceptable certificate policy OID for path validation (default anyPolicy); repeatable.", CommandOptionType.MultipleValue),
        MaxChainDepth = app.Option("--max-chain-depth <N>", "Most intermediate certificates between a certificate and its trust anchor (default 8).", CommandOptionType.SingleValue),
        Now = app.Option("--now <DATE>", "Lint as of this ISO 8601 date/time instead of the clock.", CommandOptionType.SingleValue),
        Rules = app.Option("--rules <DIR>", "Folder of extra rule files (*.yml); repeatable.", CommandOptionType.MultipleValue),
        Pack = app.Option("--pack <NAME>", "Rule pack to run (core, rfc5280, cabf-br); repeatable. +NAME / -NAME add to / remove from the default packs.", CommandOptionType.MultipleValue),
        FailOn = app.Option("--fail-on <LEVEL>", "Exit 1 on findings at or above: error (default), warning, note, none.", CommandOptionType.SingleValue),
        PasswordEnv = app.Option("--password-env <NAME>", "Environment variable holding the keystore/key password (default CERTLINT_PASSWORD).", CommandOptionType.SingleValue),
        Include = app.Option("--include <GLOB>", "Only scan files matching this glob; repeatable.", CommandOptionType.MultipleValue),
        Exclude = app.Option("--exclude <GLOB>", "Skip files matching this glob; repeatable.", CommandOptionType.MultipleValue),
        Quiet = app.Option("-q|--quiet", "Print only findings at or above --fail-on and the summary.", CommandOptionType.NoValue),
        Verbose = app.Option("-v|--verbose", "Also print every object found and passing checks.", CommandOptionType.NoValue),
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

    public LintRequest ToRequest(CliContext context)
    {
        if (NewOnly.HasValue() && !Baseline.HasValue()) throw new UserErrorException("--new-only needs --baseline FILE.");
        return new LintRequest
        {
            Paths = Paths.Values,
            WorkingDirectory = context.WorkingDirectory,
            ConfigPath = Config.Value(),
            CaFiles = Ca.Values,
            Hosts = Host.Values,
            CrlFiles = Crl.Values,
            Policies = [.. Policy.Values.Select(p => RequestValues.ParsePolicy(p!))],
            MaxChainDepth = MaxChainDepth.HasValue() ? RequestValues.ParseMaxChainDepth(MaxChainDepth.Value()!) : null,
            Now = Now.HasValue() ? RequestValues.ParseNow(Now.Value()!) : null,
            RuleDirectories = Rules.Values,
            Packs = Pack.Values.Where(v => v is not null).Select(v => v!).ToArray(),
            FailOn = FailOn.HasValue() ? RequestValues.ParseFailOn(FailOn.Value()!) : null,
            PasswordEnv = PasswordEnv.Value(),
            Include = Include.Values,
            Exclude = Exclude.Values,
            Reports = new ReportOutputs(Sarif.Value(), JUnit.Value(), Json.Value(), Markdown.Value(), CodeQuality.Value(), Html.Value()),
            BaselinePath = Baseline.Value(),
            NewOnly = NewOnly.HasValue(),
            Category = Category.Value(),
            SarifIncludeSuppressed = SarifSuppressed.HasValue(),
            Environment = context.Environment,
        };
    }
}
