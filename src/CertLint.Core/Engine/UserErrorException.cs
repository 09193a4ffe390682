namespace CertLint.Engine;

/// <summary>
/// A mistake in what the user gave (option, configuration, rule file). Hosts print <see cref="Exception.Message"/>
/// without a stack trace and exit with <see cref="ExitCodes.UsageError"/>.
/// </summary>
public class UserErrorException : Exception
{
    public UserErrorException(string message) : base(message) { }
    public UserErrorException(string message, Exception inner) : base(message, inner) { }
    public UserErrorException() { }
}

/// <summary>An error at a place in a configuration or rule file; the message starts with file:line:column.</summary>
public sealed class ConfigurationException : UserErrorException
{
    /// <summary>A problem text is cut to this length: errors describe, they do not quote files.</summary>
    public const int MaxProblemLength = 400;

    public ConfigurationException(string file, int line, int column, string problem)
        : base($"{Findings.SafeText.Printable(file)}:{line}:{column}: error: {Clip(problem)}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = Clip(problem);
    }

    private static string Clip(string problem) =>
        Findings.SafeText.Printable(problem.Length > MaxProblemLength ? problem[..MaxProblemLength] + "…" : problem);

    public string File { get; } = "";
    public int Line { get; }
    public int Column { get; }
    public string Problem { get; } = "";
    /// <summary>The offending key, when the error is about one (for `certlint rules validate`).</summary>
    public string? Key { get; init; }
    /// <summary>The suggested replacement for a misspelt key, function, field or rule name.</summary>
    public string? Suggestion { get; init; }
    /// <summary>Further errors found in the same file (a rule file reports all of its errors, each once).</summary>
    public IReadOnlyList<ConfigurationException> Others { get; init; } = [];

    /// <summary>This error and <see cref="Others"/>, in file order.</summary>
    public IEnumerable<ConfigurationException> All => Others.Prepend(this);
}
