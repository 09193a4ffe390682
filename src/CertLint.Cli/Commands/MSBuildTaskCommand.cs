using CertLint.Engine;
using CertLint.MSBuild;
using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli.Commands;

/// <summary>
/// `certlint msbuild-task REQUEST`: what CertLint.MSBuild's targets run instead of the task where the package carries
/// this binary (linux-x64): the task's own code (<see cref="BuildLint"/>) without the .NET task host's start-up and JIT.
/// REQUEST holds the task's parameters, one `Name=Value` line each, the values as MSBuild would pass them (lists
/// separated by semicolons). Hidden: the build's entry, not a user's.
/// </summary>
internal static class MSBuildTaskCommand
{
    public const string Name = "msbuild-task";

    public static void Configure(CommandLineApplication cmd, CliContext context)
    {
        cmd.Description = "Run CertLint.MSBuild's lint from a request file the package's targets write (internal).";
        cmd.ShowInHelpText = false;
        cmd.HelpOption("-?|-h|--help");
        var request = cmd.Argument("REQUEST", "The request file.");
        cmd.OnExecute(() =>
        {
            if (request.Value is null) throw new UserErrorException($"{Name}: usage: certlint {Name} REQUEST");
            var (settings, origin) = MSBuildRequestFile.Read(File.ReadAllLines(Path.GetFullPath(request.Value, context.WorkingDirectory)));
            var log = new CanonicalBuildLog(context.Out, context.Error, origin);
            var engine = new LintEngine(context.Time);
            var ok = BuildLint.Run(settings, log, (r, token) => engine.Run(r, progress: null, token), CancellationToken.None);
            return ok ? ExitCodes.Success : ExitCodes.Findings;
        });
    }
}
