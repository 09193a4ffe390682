using CertLint.Engine;

namespace CertLint.Configuration.Yaml;

/// <summary>
/// Collects the errors of one file so that every one is reported, each once, instead of only the first: each
/// independent part of the file is read under <see cref="Try{T}"/>, and <see cref="ThrowIfAny"/> throws the first
/// error in file order carrying the others (<see cref="ConfigurationException.Others"/>).
/// </summary>
public sealed class ErrorCollector
{
    private readonly List<ConfigurationException> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Count;

    public void Add(ConfigurationException error) => _errors.AddRange(error.All);

    public void AddRange(IEnumerable<ConfigurationException> errors)
    {
        foreach (var e in errors) Add(e);
    }

    /// <summary>Runs <paramref name="read"/>; on a configuration error, records it and returns <paramref name="fallback"/>.</summary>
    public T Try<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (ConfigurationException e)
        {
            Add(e);
            return fallback;
        }
    }

    /// <summary><see cref="Try{T}(Func{T}, T)"/> of a reader given its state: a static reader needs no closure, and a
    /// rule file is read key by key in every run.</summary>
    public T Try<TState, T>(TState state, Func<TState, T> read, T fallback)
    {
        try
        {
            return read(state);
        }
        catch (ConfigurationException e)
        {
            Add(e);
            return fallback;
        }
    }

    /// <summary>Runs <paramref name="action"/>; on a configuration error, records it. True when it succeeded.</summary>
    public bool Try(Action action) => Try(() => { action(); return true; }, false);

    /// <summary>The errors in file order (line, column), each once.</summary>
    public IReadOnlyList<ConfigurationException> Errors => _errors
        .DistinctBy(e => e.Message)
        .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
        .ToList();

    public void ThrowIfAny()
    {
        // Called for every part of every rule loaded: no sorting when there is nothing to throw.
        if (_errors.Count == 0) return;
        var errors = Errors;
        var first = errors[0];
        throw errors.Count == 1 ? first : new ConfigurationException(first.File, first.Line, first.Column, first.Problem)
        {
            Key = first.Key,
            Suggestion = first.Suggestion,
            Others = errors.Skip(1).ToList(),
        };
    }
}
