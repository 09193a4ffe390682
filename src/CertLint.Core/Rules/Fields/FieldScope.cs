namespace CertLint.Rules.Fields;

/// <summary>A field resolved in a scope: its type, how to read it from the scope's target, and its elements' scope for records.</summary>
public sealed record ResolvedField(string Path, FieldType Type, string Description, Func<object, EvaluationContext, object?> Get, FieldScope? Elements = null);

/// <summary>
/// The fields addressable on one kind of target: a rule subject, a certificate (elements of `path`), or a record
/// (a SAN entry, a policy, a name attribute...). Element assertions inside each/any/none resolve `field:` here.
/// </summary>
public abstract class FieldScope
{
    public abstract string Name { get; }
    public abstract ResolvedField? Find(string path);
    /// <summary>Known static paths, for suggestions and `certlint rules fields`.</summary>
    public abstract IEnumerable<ResolvedField> Fields { get; }
}

/// <summary>A scope over records of type T, declared in code.</summary>
public sealed class RecordScope<T> : FieldScope where T : class
{
    private readonly Dictionary<string, ResolvedField> _fields = new(StringComparer.OrdinalIgnoreCase);

    public RecordScope(string name) => Name = name;

    public override string Name { get; }

    public RecordScope<T> Add(string path, FieldType type, string description, Func<T, object?> get, FieldScope? elements = null)
    {
        _fields[path] = new ResolvedField(path, type, description, (o, _) => o is T t ? get(t) : null, elements);
        return this;
    }

    // Booleans and numbers through the shared boxes: an each/any over a list of records reads these once per element
    // and per rule, and a fresh box per read was most of what such a rule allocated.
    public RecordScope<T> Add(string path, FieldType type, string description, Func<T, bool?> get, FieldScope? elements = null) =>
        Add(path, type, description, t => Boxes.Of(get(t)), elements);

    public RecordScope<T> Add(string path, FieldType type, string description, Func<T, long?> get, FieldScope? elements = null) =>
        Add(path, type, description, t => Boxes.Of(get(t)), elements);

    public override ResolvedField? Find(string path) => _fields.GetValueOrDefault(path);
    public override IEnumerable<ResolvedField> Fields => _fields.Values.OrderBy(f => f.Path, StringComparer.Ordinal);
}

/// <summary>The rule subject's fields (<see cref="FieldCatalog"/>), for the kinds a rule applies to.</summary>
public sealed class SubjectScope(IReadOnlySet<Findings.SubjectKind> kinds) : FieldScope
{
    public override string Name => "subject";
    public IReadOnlySet<Findings.SubjectKind> Kinds => kinds;

    public override ResolvedField? Find(string path)
    {
        if (FieldCatalog.Find(path) is not { } f) return null;
        var accessor = f.Accessor;
        // Read through the subject's memo: many rules read the same derived fields of one subject.
        var slot = FieldMemo.SlotOf(f.Path);
        return new ResolvedField(f.Path, f.Type, f.Description, (o, c) => FieldMemo.Get((RuleSubject)o, c, slot, accessor), f.Elements);
    }

    public override IEnumerable<ResolvedField> Fields => FieldCatalog.All.Select(f => Find(f.Path)!);
}

/// <summary>A certificate as an element (of `path`, `issuers`, `tls.peer`): every certificate field.</summary>
public sealed class CertificateScope : FieldScope
{
    public static readonly CertificateScope Instance = new();

    public override string Name => "certificate";

    public override ResolvedField? Find(string path)
    {
        if (FieldCatalog.Find(path) is not { CertificateGet: { } get } f) return null;
        return new ResolvedField(f.Path, f.Type, f.Description, (o, c) => o is Model.CertificateInfo cert ? get(cert, c) : null, f.Elements);
    }

    public override IEnumerable<ResolvedField> Fields => FieldCatalog.All.Where(f => f.CertificateGet is not null).Select(f => Find(f.Path)!);
}
