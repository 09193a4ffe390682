namespace CertLint.Cli;

/// <summary>
/// Everything the CLI takes from its process: streams, terminal detection, environment, working directory and clock;
/// <see cref="In"/> is the terminal to ask questions on (`certlint init`), null when stdin is redirected.
/// Tests build one with string writers, a fixed directory and a fake clock.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal,
    bool ErrorIsTerminal,
    Func<string, string?> Environment,
    string WorkingDirectory,
    TimeProvider Time,
    TextReader? In = null)
{
    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        System.Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        TimeProvider.System,
        Console.IsInputRedirected ? null : Console.In);
}
