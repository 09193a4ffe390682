using System.Text.RegularExpressions;
using CertLint.Findings;

namespace CertLint.Rules.Fields;

/// <summary>
/// Every field path a rule can name, per subject kind. Paths resolve once, when the rule compiles, to an accessor
/// delegate, so evaluation does no string work. Dynamic paths: issuer.FIELD / signer.FIELD (chain-aware) and
/// extensions.OID.present / extensions.OID.critical.
/// </summary>
public static partial class FieldCatalog
{
    // Lazy: the kind sets below must be initialised before the definitions that use them.
    private static readonly Lazy<Dictionary<string, FieldDefinition>> LazyFields = new(Build);

    private static Dictionary<string, FieldDefinition> Fields => LazyFields.Value;

    /// <summary>The static fields, sorted by path (for docs and `certlint rules fields`).</summary>
    public static IReadOnlyList<FieldDefinition> All => Fields.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();

    /// <summary>Resolves a path (case-insensitive), or null.</summary>
    public static FieldDefinition? Find(string path)
    {
        if (Fields.TryGetValue(path, out var f)) return f;
        return Dynamic.GetOrAdd(path, Resolve);
    }

    // Dynamic paths resolve once per distinct path (rules compile once; `certlint rules validate` may ask often).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FieldDefinition?> Dynamic = new(StringComparer.OrdinalIgnoreCase);

    private static FieldDefinition? Resolve(string path)
    {
        var m = ExtensionPath().Match(path);
        if (m.Success) return ExtensionFields.ByOid(path, m.Groups[1].Value, m.Groups[2].Value);
        return ChainFields.Related(path);
    }

    /// <summary>Every known static path, for suggestions.</summary>
    public static IEnumerable<string> Paths => Fields.Keys;

    [GeneratedRegex(@"^extensions\.([0-9]+(?:\.[0-9]+)+)\.(present|critical|count|length|malformed)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExtensionPath();

    private static Dictionary<string, FieldDefinition> Build()
    {
        var all = new Dictionary<string, FieldDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in CertificateFields.Define().Concat(ProfileFields.Define()).Concat(ExtensionFields.Define()).Concat(Rfc5280Fields.Define()).Concat(DomainNameFields.Define()).Concat(CabfFields.Define()).Concat(TorServiceDescriptorFields.Define()).Concat(CabfOrganizationIdentifierFields.Define()).Concat(QcStatementsFields.Define()).Concat(CrlFields.Define()).Concat(ChainFields.Define())
            .Concat(KeyFields.Define()).Concat(FileFields.Define()).Concat(UsageFields.Define()).Concat(TlsFields.Define()))
        {
            // A path defined for several kinds (key.type on certificates and keys) merges into one accessor.
            if (all.TryGetValue(f.Path, out var existing) && existing.Kinds.SetEquals(f.Kinds)) continue; // first definition wins
            if (existing is not null)
            {
                var kinds = existing.Kinds.Union(f.Kinds).ToHashSet();
                FieldAccessor a = existing.Accessor, b = f.Accessor;
                all[f.Path] = existing with { Kinds = kinds, Accessor = (s, c) => a(s, c) ?? b(s, c) };
            }
            else
            {
                all[f.Path] = f;
            }
        }
        return all;
    }

    internal static readonly IReadOnlySet<SubjectKind> Certificate = new HashSet<SubjectKind> { SubjectKind.Certificate };
    internal static readonly IReadOnlySet<SubjectKind> Key = new HashSet<SubjectKind> { SubjectKind.Key };
    internal static readonly IReadOnlySet<SubjectKind> Keystore = new HashSet<SubjectKind> { SubjectKind.Keystore };
    internal static readonly IReadOnlySet<SubjectKind> AnyKind = new HashSet<SubjectKind>
        { SubjectKind.Certificate, SubjectKind.Key, SubjectKind.Keystore, SubjectKind.File, SubjectKind.Crl };

    internal static FieldDefinition Cert(string path, FieldType type, string description, Func<Model.CertificateInfo, object?> get,
        FieldScope? elements = null) =>
        new(path, type, Certificate, description, (s, _) => s.Certificate is { } c ? get(c) : null)
        {
            CertificateGet = (c, _) => get(c),
            Elements = elements,
        };

    // Booleans and numbers through shared boxes (see Boxes): the compiler picks these for lambdas typed bool or long.
    internal static FieldDefinition Cert(string path, FieldType type, string description, Func<Model.CertificateInfo, bool?> get,
        FieldScope? elements = null) => Cert(path, type, description, c => Boxes.Of(get(c)), elements);

    internal static FieldDefinition Cert(string path, FieldType type, string description, Func<Model.CertificateInfo, long?> get,
        FieldScope? elements = null) => Cert(path, type, description, c => Boxes.Of(get(c)), elements);

    internal static FieldDefinition CertCtx(string path, FieldType type, string description,
        Func<Model.CertificateInfo, EvaluationContext, bool?> get, FieldScope? elements = null) =>
        CertCtx(path, type, description, (c, ctx) => Boxes.Of(get(c, ctx)), elements);

    internal static FieldDefinition CertCtx(string path, FieldType type, string description,
        Func<Model.CertificateInfo, EvaluationContext, long?> get, FieldScope? elements = null) =>
        CertCtx(path, type, description, (c, ctx) => Boxes.Of(get(c, ctx)), elements);

    internal static FieldDefinition CertCtx(string path, FieldType type, string description,
        Func<Model.CertificateInfo, EvaluationContext, object?> get, FieldScope? elements = null) =>
        new(path, type, Certificate, description, (s, ctx) => s.Certificate is { } c ? get(c, ctx) : null)
        {
            CertificateGet = get,
            Elements = elements,
        };
}
