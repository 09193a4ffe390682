using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules.Compilation;
using CertLint.Rules.Loading;

namespace CertLint.Rules;

/// <summary>
/// A rule ready to run: its descriptor, effective severity, parameter values, and compiled delegates for
/// applicability, the check and the message. Immutable and thread-safe.
/// </summary>
public sealed class CompiledRule
{
    private static readonly IReadOnlyList<Violation> Pass = [];
    private static readonly IReadOnlyList<Violation> Fail = [new Violation(new Dictionary<string, object?>())];

    private readonly ICheckPrimitive? _primitive;
    // Lazy: a built-in rule the configuration does not touch compiles each part when first used (RuleCompiler.CompileDeferred);
    // any other rule's parts are compiled, with their errors, before it is made.
    private readonly Lazy<CompiledApplicability> _applies;
    private readonly Lazy<CompiledCheck> _check;

    internal CompiledRule(RuleDefinition definition, Severity severity, IReadOnlySet<SubjectKind> kinds,
        IReadOnlyDictionary<string, object?> parameters, ICheckPrimitive? primitive, Lazy<CompiledApplicability> applies, Lazy<CompiledCheck> check)
    {
        Definition = definition;
        Severity = severity;
        Kinds = kinds;
        Parameters = parameters;
        _primitive = primitive;
        _applies = applies;
        _check = check;
        _kinds = kinds.Aggregate(0UL, (m, k) => m | 1UL << (int)k);
        _effectiveFrom = definition.EffectiveFrom?.UtcTicks ?? long.MinValue;
        _effectiveUntil = definition.EffectiveUntil?.UtcTicks ?? long.MaxValue;
    }

    public RuleDefinition Definition { get; }
    public RuleDescriptor Descriptor => Definition.Descriptor;
    public string Id => Descriptor.Id;
    public string Name => Descriptor.Name;
    /// <summary>Effective severity: the rule's default unless configuration overrode it. None means off.</summary>
    public Severity Severity { get; }
    public IReadOnlySet<SubjectKind> Kinds { get; }
    /// <summary>Parameter values in force (defaults &lt; config).</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; }
    /// <summary>Which parts are compiled (tests): `where` (with a primitive's arguments), and the check with its message.</summary>
    internal (bool Where, bool Check) Compiled => (_applies.IsValueCreated, _check.IsValueCreated);

    /// <summary>The primitive this rule runs, or null for a field assertion.</summary>
    public string? PrimitiveName => _primitive?.Name;

    public CompiledRule WithSeverity(Severity severity) =>
        new(Definition, severity, Kinds, Parameters, _primitive, _applies, _check);

    /// <summary>
    /// False when the subject is a certificate issued before the rule's `effective` date or on/after its
    /// `effective.until`: the requirement did not bind it. Not effective is neither a pass nor a finding. Issued is the
    /// notBefore, or the validation time when the notBefore predates the certificate's format (<see cref="IssuanceDate"/>).
    /// </summary>
    public bool IsEffectiveFor(RuleSubject subject, long validationTicks)
    {
        // A CRL is issued at its thisUpdate (zlint dates its CRL lints the same way).
        if (subject.Crl is { } crl) return crl.ThisUpdate.UtcTicks >= _effectiveFrom && crl.ThisUpdate.UtcTicks < _effectiveUntil;
        if (subject.Certificate is not { } c) return true;
        var issued = IssuanceDate.Ticks(c, validationTicks);
        return issued >= _effectiveFrom && issued < _effectiveUntil;
    }

    // The effective window as UTC ticks, read for every (rule, certificate) pair: no trip through the definition.
    private readonly long _effectiveFrom;
    private readonly long _effectiveUntil;

    // Asked for every (rule, subject) pair: the kinds as a bit mask, and the compiled parts kept in plain fields once
    // made (a racing first read stores the same value twice), so a pair costs no Lazy and no extra delegate.
    private readonly ulong _kinds;
    private CompiledApplicability? _appliesValue;
    private CompiledCheck? _checkValue;

    /// <summary>Whether the rule applies to the subject (kind and `where:`). Not applicable is not a pass.</summary>
    public bool AppliesTo(RuleSubject subject, EvaluationContext context)
    {
        if ((_kinds >> (int)subject.Kind & 1) == 0) return false;
        var applies = _appliesValue ??= _applies.Value;
        return (applies.Where is not { } where || where(subject, context)) &&
            (_primitive is null ? !ReadsUndecodable(subject) : _primitive.AppliesTo(subject, applies.Arguments, context));
    }

    /// <summary>
    /// True when the check reads the decoded value of an extension this certificate carries but CertLint cannot decode:
    /// those fields are absent, so every assertion on them would fail and repeat `asn1-malformed`'s one finding as
    /// defects the certificate may not have. The rule is not applicable to it.
    /// </summary>
    private bool ReadsUndecodable(RuleSubject subject)
    {
        if (subject.Certificate is not { } c || c.Details.Malformed is not { Count: > 0 } malformed) return false;
        if ((_checkValue ??= _check.Value).DecodedExtensions is not { } oids) return false;
        foreach (var oid in oids)
        {
            if (malformed.Contains(oid)) return true;
        }
        return false;
    }

    /// <summary>Violations for an applicable subject; empty when the check holds.</summary>
    public IReadOnlyList<Violation> Check(RuleSubject subject, EvaluationContext context)
    {
        if (_primitive is not null)
        {
            var result = _primitive.Check(subject, (_appliesValue ??= _applies.Value).Arguments, context);
            return result as IReadOnlyList<Violation> ?? result.ToArray();
        }
        var check = _checkValue ??= _check.Value;
        if (check.Assertion!(subject, context)) return Pass;
        // The places the defect also shows: read only for a failing subject.
        return check.Related?.Invoke(subject, context) is IReadOnlyList<Findings.RelatedLocation> { Count: > 0 } related
            ? [Fail[0] with { Related = related }]
            : Fail;
    }

    public string FormatMessage(RuleSubject subject, EvaluationContext context, Violation violation) =>
        (_checkValue ??= _check.Value).Message.Render(subject, context, violation);

    public override string ToString() => $"{Id} {Name} ({Severity.ToText()})";
}

/// <summary>What decides whether a rule applies: its compiled `where` and, for a primitive, the primitive's arguments.</summary>
/// <param name="Where">The `where:` test beyond the subject's kind; null when there is none.</param>
internal sealed record CompiledApplicability(SubjectTest? Where, PrimitiveArguments Arguments);

/// <summary>What checks an applicable subject and words the finding: a field assertion (null for a primitive), the
/// message, the field of related locations, and the extensions whose decoded values the assertion reads (null: none).</summary>
internal sealed record CompiledCheck(SubjectTest? Assertion, MessageTemplate Message, Fields.FieldAccessor? Related, string[]? DecodedExtensions = null);
