namespace CertLint.Rules.Compilation;

/// <summary>
/// The check primitives rules may name. <see cref="Default"/> holds every <see cref="ICheckPrimitive"/> class in
/// CertLint.Core itself (found by reflection over OUR assembly only, never over a name a user wrote).
/// </summary>
public sealed class PrimitiveRegistry
{
    private readonly Dictionary<string, ICheckPrimitive> _byName;

    public PrimitiveRegistry(IEnumerable<ICheckPrimitive> primitives)
    {
        _byName = new Dictionary<string, ICheckPrimitive>(StringComparer.Ordinal);
        foreach (var p in primitives)
        {
            if (!_byName.TryAdd(p.Name, p)) throw new InvalidOperationException($"two check primitives are named '{p.Name}'");
        }
    }

    private static readonly Lazy<PrimitiveRegistry> Lazy = new(() => new PrimitiveRegistry(
        typeof(ICheckPrimitive).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICheckPrimitive).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICheckPrimitive)Activator.CreateInstance(t)!)));

    public static PrimitiveRegistry Default => Lazy.Value;

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyCollection<ICheckPrimitive> All => _byName.Values;

    public ICheckPrimitive? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A registry with these primitives added (tests, hosts with extra built-ins).</summary>
    public PrimitiveRegistry With(params ICheckPrimitive[] extra) => new(_byName.Values.Concat(extra));
}
