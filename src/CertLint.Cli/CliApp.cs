using CertLint.Cli.Commands;
using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli;

/// <summary>Builds the command tree and maps every failure to the documented exit codes.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        using var app = new CommandLineApplication(throwOnUnexpectedArg: true)
        {
            Name = "certlint",
            FullName = "CertLint",
            Description = "Lints X.509 certificates, private keys and keystores: expiry, EKU, key/cert mismatch, chains, weak keys, host names, file permissions.",
            Out = context.Out,
            Error = context.Error,
        };
        app.HelpOption("-?|-h|--help");
        app.VersionOption("--version", CertLint.Reporting.ToolInfo.Version);

        // `certlint [PATH...]` and `certlint lint [PATH...]` are the same command.
        LintCommand.Configure(app, context);
        app.Command("lint", cmd => LintCommand.Configure(cmd, context));
        app.Command("rules", cmd => RulesCommand.Configure(cmd, context));
        app.Command("explain", cmd => ExplainCommand.Configure(cmd, context));
        app.Command("init", cmd => InitCommand.Configure(cmd, context));
        app.Command("handshake", cmd => HandshakeCommand.Configure(cmd, context));
        app.Command("inventory", cmd => InventoryCommand.Configure(cmd, context));
        app.Command("report", cmd => ReportCommand.Configure(cmd, context));

        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException e)
        {
            context.Error.WriteLine($"certlint: {e.Message}");
            context.Error.WriteLine("Run 'certlint --help' for usage.");
            return ExitCodes.UsageError;
        }
        catch (UserErrorException e)
        {
            context.Error.WriteLine($"certlint: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"certlint: internal error: {e.Message}");
            context.Error.WriteLine("This is a bug in CertLint; please report it with the output of --verbose.");
            if (context.Environment("CERTLINT_DEBUG") is "1" or "true") context.Error.WriteLine(e);
            return ExitCodes.InternalError;
        }
    }
}
