using System.Collections;

namespace CertLint.Parsing;

/// <summary>A list computed on first use: parsers take the candidate passwords, but only encrypted content reads them.</summary>
internal sealed class DeferredList<T>(Func<IReadOnlyList<T>> compute) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> _items = new(compute, LazyThreadSafetyMode.None);

    public int Count => _items.Value.Count;

    public T this[int index] => _items.Value[index];

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
