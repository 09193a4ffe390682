using CertLint.Cli.Commands;
using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli;

/// <summary>Builds the command tree and maps every failure to the documented exit codes.</summary>
public static class CliApp
{
    public static int Run(string[] args, CliContext context)
    {
        // McMaster writes help, --version and, on a parsing error, its own "Specify --help" hint to the app's Out.
        // Buffered: help and version reach stdout; a parsing error prints one hint, ours, on stderr.
        var parserOut = new StringWriter();
        using var app = new CommandLineApplication(throwOnUnexpectedArg: true)
        {
            Name = "certlint",
            Description = "Lints X.509 certificates, private keys and keystores: expiry, EKU, key/cert mismatch, chains, weak keys, host names, file permissions.",
            Out = parserOut,
            Error = context.Error,
            MakeSuggestionsInErrorMessage = true,
            HelpTextGenerator = HelpText.Instance,
        };
        app.HelpOption("-?|-h|--help");
        // No FullName: McMaster would print it on a line of its own before the version.
        app.VersionOption("--version", () => $"certlint {CertLint.Reporting.ToolInfo.Version}");

        // `certlint [PATH...]` and `certlint lint [PATH...]` are the same command.
        LintCommand.Configure(app, context);
        app.Command("lint", cmd => LintCommand.Configure(cmd, context));
        app.Command("rules", cmd => RulesCommand.Configure(cmd, context));
        app.Command("explain", cmd => ExplainCommand.Configure(cmd, context));
        app.Command("init", cmd => InitCommand.Configure(cmd, context));
        app.Command("handshake", cmd => HandshakeCommand.Configure(cmd, context));
        app.Command("inventory", cmd => InventoryCommand.Configure(cmd, context));
        app.Command("report", cmd => ReportCommand.Configure(cmd, context));
        app.Command(MSBuildTaskCommand.Name, cmd => MSBuildTaskCommand.Configure(cmd, context));

        // Sub-commands take the console's streams, not their parent's: route theirs too.
        foreach (var command in AllCommands(app))
        {
            command.Out = parserOut;
            command.Error = context.Error;
            command.HelpTextGenerator = HelpText.Instance;
        }

        if (MistypedCommand.Hint(args, app.Commands.Select(c => c.Name!), context.WorkingDirectory) is { } hint)
        {
            context.Error.WriteLine(hint);
            context.Error.WriteLine("Run 'certlint --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return app.Execute(args);
        }
        catch (CommandParsingException e)
        {
            parserOut.GetStringBuilder().Clear();
            foreach (var line in UsageHint.For(e, args)) context.Error.WriteLine(line);
            return ExitCodes.UsageError;
        }
        catch (ConfigurationException e)
        {
            // A rule or configuration file with several mistakes: every one, each on its own line.
            foreach (var error in e.All) context.Error.WriteLine($"certlint: {ShownFrom(context.WorkingDirectory, error)}");
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
        finally
        {
            context.Out.Write(parserOut.ToString());
        }
    }

    /// <summary>
    /// A rule or configuration error as the console shows paths: from the current folder. Rule files are loaded by
    /// their full path, which printed "/home/me/repo/.certlint/rules/x.yml:11:3: error: ...".
    /// </summary>
    internal static string ShownFrom(string workingDirectory, ConfigurationException error)
    {
        var full = CertLint.Findings.SafeText.Printable(error.File) + ":";
        return Path.IsPathRooted(error.File) && error.Message.StartsWith(full, StringComparison.Ordinal)
            ? CertLint.Findings.SafeText.Printable(Path.GetRelativePath(workingDirectory, error.File)) + ":" + error.Message[full.Length..]
            : error.Message;
    }

    private static IEnumerable<CommandLineApplication> AllCommands(CommandLineApplication app) =>
        app.Commands.SelectMany(c => AllCommands(c).Prepend(c));
}
