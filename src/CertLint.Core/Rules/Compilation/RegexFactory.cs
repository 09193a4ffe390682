using System.Collections.Concurrent;
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

    /// <summary>Rule patterns by text: the same pattern in several rules (`^http://`) is built once per process.</summary>
    private static readonly ConcurrentDictionary<string, LazyRegex> Patterns = new(StringComparer.Ordinal);

    /// <summary>Compiles the pattern (NonBacktracking when it allows, else backtracking with <see cref="Timeout"/>), or returns the reason it is invalid.</summary>
    public static Regex Create(string pattern, out string? error) => CreateLazy(pattern, out error)?.Value!;

    /// <summary>
    /// The same regex as <see cref="Create"/>, built on first use: the pattern's syntax is checked now (a rule with a
    /// bad pattern still fails to load, at its line), but the NonBacktracking automaton, the costly part (its
    /// character-set algebra takes a millisecond or more per pattern, a third of a one-file run's CPU for the default
    /// packs), is built only when a value reaches the pattern.
    /// </summary>
    public static LazyRegex CreateLazy(string pattern, out string? error)
    {
        error = null;
        if (Patterns.TryGetValue(pattern, out var known)) return known;
        // An alternation of literals SimplePattern takes (`^http://`, `(?i)\.onion$`: most rule patterns) is valid syntax:
        // its parser takes printable literals, escaped punctuation and anchors only, which .NET reads alike, except `\_`
        // (an escaped word character is an error in .NET). Such a pattern needs no regex unless a value needs one
        // (SimplePattern.TryMatch returns null), so none is built to check it. A class (`[...]`) is still checked: .NET
        // reads some ranges differently (`[\--z-a]` is an error there). PatternSyntaxTests holds the claim.
        var simple = SimplePattern.TryParse(pattern);
        if (simple is not null && !pattern.Contains('[') && !pattern.Contains(@"\_", StringComparison.Ordinal))
            return Patterns.GetOrAdd(pattern, p => new LazyRegex(p, simple, null));
        // The backtracking parse is cheap and reports the same syntax errors: NonBacktracking parses with the same
        // parser and only adds NotSupportedException for the constructs it cannot run (the fallback below).
        var backtracking = Backtracking(pattern, out error);
        return error is not null ? null! : Patterns.GetOrAdd(pattern, p => new LazyRegex(p, simple, backtracking));
    }

    /// <summary>The backtracking engine's regex (with <see cref="Timeout"/>) for a pattern known to be valid.</summary>
    internal static Regex Backtracking(string pattern) => new(pattern, RegexOptions.CultureInvariant, Timeout);

    private static Regex Backtracking(string pattern, out string? error)
    {
        error = null;
        try
        {
            return Backtracking(pattern);
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return null!;
        }
    }
}

/// <summary>
/// A valid rule pattern whose regex (<see cref="RegexFactory.Create"/>'s choice of engine) is built on first use.
/// A pattern of one of <see cref="SimplePattern"/>'s shapes (most of the packs': `^http://`, `_`, `[^\x00-\x7F]`) is
/// answered with string searches. Otherwise <see cref="IsMatch"/> answers with the backtracking regex (the syntax check's,
/// or built then) for as long as that stays cheap: until it has spent <see cref="TrialBudgetMs"/> of wall time on this
/// pattern in all, or timed out once. Only then is the linear automaton built: automata cost a millisecond or more each
/// to build, more than the backtracking engine spends on a rule pattern over thousands of values. A hostile pattern (a
/// custom rule in the repository) gets the linear engine after at most one time-out, and a value the backtracking engine
/// times out on goes to the linear engine, so no answer depends on time; only a pattern the linear engine cannot run
/// (lookarounds, backreferences) still times out.
/// </summary>
public sealed class LazyRegex
{
    /// <summary>Time the backtracking engine may spend on one pattern (all values, all threads) before the automaton
    /// is built, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    internal const long TrialBudgetMs = 50;

    // The syntax check's regex, or (a simple pattern's, not checked) built when a value first needs it.
    private readonly Lazy<Regex> _backtracking;
    private readonly Lazy<Regex> _regex;
    private readonly SimplePattern? _simple;
    private long _spent;

    internal LazyRegex(string pattern, SimplePattern? simple, Regex? backtracking)
    {
        _backtracking = backtracking is not null ? new(backtracking)
            : new(() => RegexFactory.Backtracking(pattern), LazyThreadSafetyMode.ExecutionAndPublication);
        _simple = simple;
        _regex = new(() =>
        {
            try
            {
                return new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Regex.InfiniteMatchTimeout);
            }
            catch (NotSupportedException)
            {
                return _backtracking.Value;
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the regex has been built (tests: a pattern no value reached costs nothing).</summary>
    public bool IsBuilt => _regex.IsValueCreated;

    /// <summary>Whether the pattern is answered without a regex engine (<see cref="SimplePattern"/>).</summary>
    internal bool IsSimple => _simple is not null;

    /// <summary>The regex <see cref="RegexFactory.Create"/> chooses (built now if it was not).</summary>
    public Regex Value => _regex.Value;

    /// <summary>Whether the value matches; throws <see cref="RegexMatchTimeoutException"/> only for a pattern that needs
    /// the backtracking engine.</summary>
    public bool IsMatch(string value)
    {
        if (_simple?.TryMatch(value) is { } hit) return hit;
        if (!_regex.IsValueCreated && Volatile.Read(ref _spent) < TrialBudgetMs)
        {
            // The coarse clock costs a fraction of a precise one read twice per call; summed over many calls its
            // millisecond steps still add up to the time spent (a call is charged a step when one falls inside it).
            var start = Environment.TickCount64;
            try
            {
                return _backtracking.Value.IsMatch(value);
            }
            catch (RegexMatchTimeoutException) when (!ReferenceEquals(_regex.Value, _backtracking.Value))
            {
                // A value this pattern backtracks on: the linear engine answers it (and every later value).
            }
            finally
            {
                if (Environment.TickCount64 - start is var spent and > 0) Interlocked.Add(ref _spent, spent);
            }
        }
        return _regex.Value.IsMatch(value);
    }
}
