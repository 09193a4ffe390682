using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint [lint] [PATH...]`: run the engine, write the reports, print to the console, exit by --fail-on.</summary>
internal static class LintCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description ??= "Lint certificates, keys and keystores under PATH (default: the current folder).";
        if (cmd.OptionHelp is null) cmd.HelpOption("-?|-h|--help");
        var options = LintOptions.Register(cmd);
        cmd.OnExecute(() => Execute(options, context));
    }

    private static int Execute(LintOptions options, CliContext context)
    {
        var request = options.ToRequest(context);
        var engine = new LintEngine(context.Time);
        var result = engine.Run(request);
        foreach (var f in result.Findings)
        {
            context.Out.WriteLine($"{f.Location}: {f.Severity.ToString().ToLowerInvariant()} {f.Rule.Id} {f.Rule.Name}: {f.Message}");
        }
        return result.ExitCode;
    }
}
