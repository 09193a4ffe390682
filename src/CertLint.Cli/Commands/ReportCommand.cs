using CertLint.Engine;
using CertLint.Reporting.Html;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint report --from report.json --html out.html`: render a saved JSON report (e.g. a CI artifact) later.</summary>
internal static class ReportCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Render a saved JSON report (--json) as the HTML page, without scanning again.";
        cmd.HelpOption("-?|-h|--help");
        var from = cmd.Option("--from <FILE>", "A JSON report written by 'certlint --json FILE'.", CommandOptionType.SingleValue);
        var html = cmd.Option("--html <FILE>", "Where to write the HTML report.", CommandOptionType.SingleValue);
        cmd.OnExecute(() =>
        {
            if (!from.HasValue() || !html.HasValue()) throw new UserErrorException("report: usage: certlint report --from report.json --html report.html");
            SavedReport.WriteHtml(from.Value()!, html.Value()!, context.WorkingDirectory);
            context.Out.WriteLine($"Wrote {html.Value()}");
            return ExitCodes.Success;
        });
    }
}
