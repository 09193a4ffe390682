using CertLint.Rules.Primitives;
using CertLint.Rules.Primitives.DomainNames;
using CertLint.Rules.Primitives.Keys;
using CertLint.Usage.Checks;

namespace CertLint.Rules.Compilation;

/// <summary>
/// The check primitives rules may name. <see cref="Default"/> holds CertLint's built-in primitives, listed in
/// <see cref="BuiltIn"/> (an explicit list, not reflection: the tool is published with Native AOT and trimming, where
/// type discovery is unavailable; a test checks that every primitive class in Core is listed).
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

    /// <summary>A new instance of every built-in primitive. Adding a primitive class means adding it here.</summary>
    public static ICheckPrimitive[] BuiltIn() =>
    [
        new BundleOrderPrimitive(), new ChainCompletePrimitive(), new ChainValidPrimitive(), new CommittedPrivateKeyPrimitive(), new CommittedSecretKeyPrimitive(), new WeakSecretKeyPrimitive(), new DhParametersSizePrimitive(), new DhParametersStructurePrimitive(),
        new CrlStatusPrimitive(), new CabfNamePrimitive(),
        new EmptyPasswordPrimitive(), new HostnameMatchPrimitive(), new MailboxMatchPrimitive(), new KeyPairPrimitive(), new ParseIssuePrimitive(),
        new PrivateFileModePrimitive(), new WeakProtectionPrimitive(),
        // Weak keys
        new EcPointPrimitive(), new FermatPrimitive(), new KnownKeyPrimitive(), new PublicCaKeyPrimitive(),
        new RocaPrimitive(), new RsaEvenModulusPrimitive(), new RsaExponentPrimitive(), new SharedPrimePrimitive(),
        new SmallFactorPrimitive(), new RsaPrimeModulusPrimitive(), new RsaSmallPrivateExponentPrimitive(),
        new EcSmallScalarPrimitive(), new PrivateKeyConsistencyPrimitive(), new EdwardsPointPrimitive(), new RsaPatternPrimitive(),
        // Configurations in the repository (Usage)
        new CertManagerRequestPrimitive(), new MtlsClientCaPrimitive(), new ClientServerCaPrimitive(), new ClientServerNamePrimitive(), new RoleUnknownPrimitive(),
        new UsageChainPrimitive(), new UsageHostsPrimitive(), new UsageKeyPairPrimitive(), new UsageLiteralSecretPrimitive(),
        new UsageReferencePrimitive(),
    ];

    private static readonly Lazy<PrimitiveRegistry> Lazy = new(() => new PrimitiveRegistry(BuiltIn()));

    public static PrimitiveRegistry Default => Lazy.Value;

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IReadOnlyCollection<ICheckPrimitive> All => _byName.Values;

    public ICheckPrimitive? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A registry with these primitives added (tests, hosts with extra built-ins).</summary>
    public PrimitiveRegistry With(params ICheckPrimitive[] extra) => new(_byName.Values.Concat(extra));
}
