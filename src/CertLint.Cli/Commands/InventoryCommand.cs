using CertLint.Engine;
using CertLint.Usage;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint inventory [PATH...] [--json]`: the TLS map of the repository, which configuration uses which file.</summary>
internal static class InventoryCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "List every TLS server and client the repository's configurations describe, and each certificate's role.";
        cmd.HelpOption("-?|-h|--help");
        var paths = cmd.Argument("PATH", "Files or folders to scan (default: the current folder).", multipleValues: true);
        var config = cmd.Option("-c|--config <FILE>", "Configuration file (default: the nearest .certlint.yml from the scanned folder up to the repository top).", CommandOptionType.SingleValue);
        var now = cmd.Option("--now <DATE>", "Judge certificates as of this date (2027-12-31 or 2027-12-31T23:59:59Z; UTC unless an offset is given) instead of the clock.", CommandOptionType.SingleValue);
        var passwordEnv = cmd.Option("--password-env <NAME>", "Environment variable holding the keystore/key password.", CommandOptionType.SingleValue);
        var json = cmd.Option("--json", "Write JSON (schemaVersion 1) to standard output instead of text.", CommandOptionType.NoValue);
        cmd.OnExecute(() =>
        {
            var request = new LintRequest
            {
                Paths = paths.Values,
                WorkingDirectory = context.WorkingDirectory,
                ConfigPath = config.Value(),
                Now = now.HasValue() ? RequestValues.ParseNow(now.Value()!) : null,
                PasswordEnv = passwordEnv.Value(),
                Environment = context.Environment,
            };
            var result = new LintEngine(context.Time).Run(request);
            if (json.HasValue())
            {
                using var buffer = new MemoryStream();
                UsageInventoryReport.WriteJson(result, buffer);
                context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                UsageInventoryReport.WriteText(result, context.Out);
            }
            return ExitCodes.Success;
        });
    }
}
