using CertLint.Configuration;
using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>`certlint init`: write a commented starter .certlint.yml.</summary>
internal static class InitCommand
{
    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Write a commented starter .certlint.yml in the current folder.";
        cmd.HelpOption("-?|-h|--help");
        var force = cmd.Option("-f|--force", "Overwrite an existing .certlint.yml.", CommandOptionType.NoValue);
        cmd.OnExecute(() =>
        {
            var path = Path.Combine(context.WorkingDirectory, ".certlint.yml");
            if (File.Exists(path) && !force.HasValue())
                throw new UserErrorException($"{path} exists; use --force to overwrite it.");
            File.WriteAllText(path, ConfigTemplate.Text);
            context.Out.WriteLine($"wrote {path}");
            return ExitCodes.Success;
        });
    }
}
