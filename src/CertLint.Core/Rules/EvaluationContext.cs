using System.Collections.Concurrent;
using CertLint.Configuration;
using CertLint.Inventory;

namespace CertLint.Rules;

/// <summary>What every check can read besides its subject: the whole inventory, the settings and the instant.</summary>
public sealed class EvaluationContext
{
    public required CertificateInventory Inventory { get; init; }
    public required LintSettings Settings { get; init; }
    public DateTimeOffset Now => Settings.Now;
    /// <summary>
    /// The places the run reports on (the given paths), when that is less than everything evaluated: skipped objects
    /// (<see cref="Configuration.LintSettings.ListSkipped"/>) are listed only there. Null: everything.
    /// </summary>
    public Func<Model.SourceLocation, bool>? ListScope { get; init; }
    /// <summary>Whether files are tracked by git (asked once per work tree, only by rules that need it).</summary>
    public GitWorkTrees Git { get; } = new();

    private readonly ConcurrentDictionary<string, Lazy<object>> memo = new(StringComparer.Ordinal);

    /// <summary>
    /// A fact about the whole run, computed once however many subjects ask (subjects are evaluated in parallel).
    /// Checks that look across the inventory use it so that n subjects cost n, not n².
    /// </summary>
    public T Once<T>(string key, Func<T> compute) where T : class =>
        (T)memo.GetOrAdd(key, _ => new Lazy<object>(compute, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
