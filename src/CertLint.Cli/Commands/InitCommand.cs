using CertLint.Configuration;
using CertLint.Engine;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// `certlint init`: write a commented starter .certlint.yml for the repository's PKI profile: `private` (an internal
/// CA, e.g. mutual TLS; the cabf-br pack stays off) or `public` (publicly-trusted TLS certificates; cabf-br on).
/// Without --profile it asks on a terminal and takes `private` when there is none (CI).
/// </summary>
internal static class InitCommand
{
    private const string Question =
        "Which certificates does this repository hold? private (an internal CA, e.g. mutual TLS) or public " +
        "(publicly-trusted TLS: the CA/Browser Forum Baseline Requirements apply) [private]: ";

    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Write a commented starter .certlint.yml in the current folder.";
        cmd.HelpOption("-?|-h|--help");
        var force = cmd.Option("-f|--force", "Overwrite an existing .certlint.yml.", CommandOptionType.NoValue);
        var profileOption = cmd.Option("--profile <PROFILE>",
            "private (an internal CA, e.g. mutual TLS: the cabf-br pack stays off) or public (publicly-trusted TLS: cabf-br on). Asked on a terminal when omitted.",
            CommandOptionType.SingleValue);
        cmd.OnExecute(() =>
        {
            var path = Path.Combine(context.WorkingDirectory, ".certlint.yml");
            if (File.Exists(path) && !force.HasValue())
                throw new UserErrorException($"{path} exists; use --force to overwrite it.");
            var profile = profileOption.Value() ?? Ask(context);
            if (profile is not (ConfigTemplate.Private or ConfigTemplate.Public))
                throw new UserErrorException($"unknown profile '{profile}': use --profile private or public.");
            File.WriteAllText(path, ConfigTemplate.For(profile));
            context.Out.WriteLine($"wrote {path} ({profile} PKI: the cabf-br pack is {(profile == ConfigTemplate.Public ? "on" : "off")})");
            return ExitCodes.Success;
        });
    }

    /// <summary>Asks until the answer is private, public or empty (private); three wrong answers, or no terminal, give private.</summary>
    private static string Ask(CliContext context)
    {
        if (context.In is not { } input) return ConfigTemplate.Private;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            context.Out.Write(Question);
            var answer = input.ReadLine()?.Trim().ToLowerInvariant();
            if (answer is null or "") return ConfigTemplate.Private;
            if (answer is ConfigTemplate.Private or ConfigTemplate.Public) return answer;
            context.Out.WriteLine("answer private or public.");
        }
        return ConfigTemplate.Private;
    }
}
