using McMaster.Extensions.CommandLineUtils;

namespace CertLint.Cli;

/// <summary>
/// What a command-line mistake prints: the problem, at most one suggestion (McMaster's nearest match), and where to
/// read more. Options that do not exist on purpose get their reason instead of a guess.
/// </summary>
internal static class UsageHint
{
    /// <summary>Options people expect but CertLint refuses by design, with what to do instead.</summary>
    private const string NoPasswordOption =
        "passwords are never taken from the command line (they would show in process lists and CI logs): " +
        "put the password in the environment variable CERTLINT_PASSWORD, or name another variable with --password-env NAME.";

    private static readonly Dictionary<string, string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--password"] = NoPasswordOption,
        ["--pass"] = NoPasswordOption,
        ["--passin"] = NoPasswordOption,
    };

    public static IEnumerable<string> For(CommandParsingException e, IReadOnlyList<string> args)
    {
        var command = CommandPath(e.Command);
        if (e is UnrecognizedCommandParsingException unknown && Offending(e.Message, args) is { } arg)
        {
            if (Refused.TryGetValue(arg.Split('=', 2)[0], out var reason))
            {
                yield return $"certlint: {arg.Split('=', 2)[0]}: {reason}";
                yield break;
            }
            var guess = unknown.NearestMatches.FirstOrDefault();
            var shown = guess is null ? "" : arg.StartsWith('-') ? $" Did you mean '--{guess}'?" : $" Did you mean '{guess}'?";
            yield return $"certlint: {e.Message.TrimEnd('.')}.{shown}";
        }
        else
        {
            yield return $"certlint: {e.Message.TrimEnd('.')}.";
        }
        yield return $"Run '{command} --help' for usage.";
    }

    /// <summary>The argument McMaster quotes in its message ("Unrecognized option '--x'").</summary>
    private static string? Offending(string message, IReadOnlyList<string> args)
    {
        var start = message.IndexOf('\'');
        var end = message.LastIndexOf('\'');
        if (start < 0 || end <= start) return null;
        var quoted = message[(start + 1)..end];
        return args.FirstOrDefault(a => a == quoted || a.StartsWith(quoted + "=", StringComparison.Ordinal)) ?? quoted;
    }

    internal static string CommandPath(CommandLineApplication? command)
    {
        var names = new Stack<string>();
        for (var c = command; c is not null; c = c.Parent) names.Push(c.Name ?? "");
        return names.Count == 0 ? "certlint" : string.Join(' ', names);
    }
}
