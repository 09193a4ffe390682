namespace CertLint.Reporting;

/// <summary>How much the console report says.</summary>
public enum ConsoleVerbosity
{
    /// <summary>Only findings that fail the run (at or above --fail-on), then the summary.</summary>
    Quiet,
    /// <summary>Unsuppressed findings, notices, the summary.</summary>
    Normal,
    /// <summary>Also suppressed findings with their reason, each rule's fix and help link, baseline states, per-file counts.</summary>
    Verbose,
}

/// <summary>Console report options. The host decides whether stdout is a terminal; <see cref="UseColor"/> applies the rest.</summary>
public sealed record ConsoleOptions(bool Color = false, ConsoleVerbosity Verbosity = ConsoleVerbosity.Normal)
{
    /// <summary>
    /// Colour only on a terminal, never when NO_COLOR is set to anything non-empty (https://no-color.org) or TERM is "dumb".
    /// </summary>
    /// <summary>The console options every host derives from its quiet/verbose switches and its terminal.</summary>
    public static ConsoleOptions For(bool quiet, bool verbose, bool stdoutIsTerminal, Func<string, string?> environment) => new(
        UseColor(stdoutIsTerminal, environment),
        quiet ? ConsoleVerbosity.Quiet : verbose ? ConsoleVerbosity.Verbose : ConsoleVerbosity.Normal);

    public static bool UseColor(bool stdoutIsTerminal, Func<string, string?> environment) =>
        stdoutIsTerminal &&
        string.IsNullOrEmpty(environment("NO_COLOR")) &&
        !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
}
