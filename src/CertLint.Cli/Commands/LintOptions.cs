using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// The lint options, registered on both `certlint` and `certlint lint`: the shared ones plus what only a file scan
/// has. Only translation happens here: defaults and precedence against .certlint.yml live in Core (SettingsResolver).
/// </summary>
internal sealed class LintOptions
{
    public required CommandArgument Paths { get; init; }
    public required CommandOption Host { get; init; }
    public required CommandOption Mailbox { get; init; }
    public required CommandOption Crl { get; init; }
    public required CommandOption Policy { get; init; }
    public required CommandOption MaxChainDepth { get; init; }
    public required CommandOption Include { get; init; }
    public required CommandOption Exclude { get; init; }
    public required SharedOptions Shared { get; init; }
    public required CommandOption Pack { get; init; }
    public required CommandOption AllowEmpty { get; init; }

    public static LintOptions Register(CommandLineApplication app) => new()
    {
        Paths = app.Argument("PATH", "Files, folders or globs to scan (default: the current folder).", multipleValues: true),
        Host = app.Option("--host <NAME>", "Host name every server certificate must cover; repeatable.", CommandOptionType.MultipleValue),
        Mailbox = app.Option("--mailbox <ADDRESS>", "Mail address every S/MIME certificate must name; repeatable.", CommandOptionType.MultipleValue),
        Crl = app.Option("--crl <FILE>", "CRL file for offline revocation checking (PEM or DER); repeatable.", CommandOptionType.MultipleValue),
        Policy = app.Option("--policy <OID>", "Acceptable certificate policy OID for path validation (default anyPolicy); repeatable.", CommandOptionType.MultipleValue),
        MaxChainDepth = app.Option("--max-chain-depth <N>", "Most intermediate certificates between a certificate and its trust anchor (default 8).", CommandOptionType.SingleValue),
        Pack = app.Option("--pack <NAME>", "Rule pack to run (core, rfc5280, cabf-br, cabf-smime, community, root-programs, etsi, cabf-cs); repeatable. +NAME / -NAME add to / remove from the default packs.", CommandOptionType.MultipleValue),
        Include = app.Option("--include <GLOB>", "Only scan files matching this glob (relative to the repository root); repeatable.", CommandOptionType.MultipleValue),
        Exclude = app.Option("--exclude <GLOB>", "Skip files matching this glob (relative to the repository root); repeatable.", CommandOptionType.MultipleValue),
        AllowEmpty = app.Option("--allow-empty", "Pass when no certificate, key or keystore is found (default: exit 2).", CommandOptionType.NoValue),
        Shared = SharedOptions.Register(app),
    };

    public LintRequest ToRequest(CliContext context) => Shared.ToRequest(context) with
    {
        Paths = Paths.Values.OfType<string>().ToList(),
        Hosts = Host.Values.OfType<string>().ToList(),
        Mailboxes = Mailbox.Values.OfType<string>().ToList(),
        Include = Include.Values.OfType<string>().ToList(),
        Exclude = Exclude.Values.OfType<string>().ToList(),
        Packs = Pack.Values.OfType<string>().ToList(),
        CrlFiles = Crl.Values.OfType<string>().ToList(),
        Policies = [.. Policy.Values.Select(p => RequestValues.ParsePolicy(p!))],
        MaxChainDepth = MaxChainDepth.HasValue() ? RequestValues.ParseMaxChainDepth(MaxChainDepth.Value()!) : null,
        AllowEmpty = AllowEmpty.HasValue(),
    };
}
