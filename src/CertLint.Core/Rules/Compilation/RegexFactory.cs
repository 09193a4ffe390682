using System.Text.RegularExpressions;

namespace CertLint.Rules.Compilation;

/// <summary>
/// Regexes from rule files: linear-time NonBacktracking when the pattern allows it (no catastrophic backtracking
/// possible); otherwise the backtracking engine with a time-out, so a hostile pattern cannot hang a CI run.
/// A NonBacktracking regex gets no time-out: its cost is linear in the value, and every value is bounded by what the
/// parsers read (a certificate, a bounded file), so a wall-clock limit could only fail a correct rule on a loaded CI
/// machine. Only the backtracking fallback, where a pattern can be exponential, keeps <see cref="Timeout"/>.
/// </summary>
public static class RegexFactory
{
    /// <summary>Time-out for patterns that need backtracking (lookarounds, backreferences).</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Compiles the pattern, or returns the reason it is invalid.</summary>
    public static Regex Create(string pattern, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            // Lookarounds, backreferences, atomic groups: fall through to the backtracking engine with a time-out.
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null!;
        }
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null!;
        }
    }
}
