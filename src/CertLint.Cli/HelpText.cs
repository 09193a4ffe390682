using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.HelpText;

namespace CertLint.Cli;

/// <summary>
/// McMaster's help, with its closing hint naming the whole command: a sub-command's help said
/// "Run 'rules [command] --help'", which is not a command a user can type.
/// </summary>
internal sealed class HelpText : IHelpTextGenerator
{
    public static HelpText Instance { get; } = new();

    public void Generate(CommandLineApplication application, TextWriter output)
    {
        var text = new StringWriter();
        DefaultHelpTextGenerator.Singleton.Generate(application, text);
        output.Write(text.ToString().Replace(
            $"Run '{application.Name} [command]", $"Run '{UsageHint.CommandPath(application)} [command]", StringComparison.Ordinal));
    }
}
