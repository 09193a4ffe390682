using CertLint.Findings;
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

    private readonly Func<RuleSubject, EvaluationContext, bool> _applies;
    private readonly SubjectTest? _assertion;
    private readonly ICheckPrimitive? _primitive;
    private readonly PrimitiveArguments _arguments;
    private readonly MessageTemplate _message;
    private readonly Fields.FieldAccessor? _related;

    internal CompiledRule(RuleDefinition definition, Severity severity, IReadOnlySet<SubjectKind> kinds,
        IReadOnlyDictionary<string, object?> parameters, Func<RuleSubject, EvaluationContext, bool> applies,
        SubjectTest? assertion, ICheckPrimitive? primitive, PrimitiveArguments arguments, MessageTemplate message,
        Fields.FieldAccessor? related = null)
    {
        Definition = definition;
        Severity = severity;
        Kinds = kinds;
        Parameters = parameters;
        _applies = applies;
        _assertion = assertion;
        _primitive = primitive;
        _arguments = arguments;
        _message = message;
        _related = related;
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
    /// <summary>The primitive this rule runs, or null for a field assertion.</summary>
    public string? PrimitiveName => _primitive?.Name;

    public CompiledRule WithSeverity(Severity severity) =>
        new(Definition, severity, Kinds, Parameters, _applies, _assertion, _primitive, _arguments, _message, _related);

    /// <summary>
    /// False when the subject is a certificate issued (notBefore) before the rule's `effective` date or on/after its
    /// `effective.until`: the requirement did not bind it. Not effective is neither a pass nor a finding.
    /// </summary>
    public bool IsEffectiveFor(RuleSubject subject)
    {
        if (subject.Certificate is not { } c) return true;
        var issued = c.NotBefore.UtcTicks;
        return issued >= _effectiveFrom && issued < _effectiveUntil;
    }

    // The effective window as UTC ticks, read for every (rule, certificate) pair: no trip through the definition.
    private readonly long _effectiveFrom;
    private readonly long _effectiveUntil;

    /// <summary>Whether the rule applies to the subject (kind and `where:`). Not applicable is not a pass.</summary>
    public bool AppliesTo(RuleSubject subject, EvaluationContext context) =>
        _applies(subject, context) && (_primitive is null || _primitive.AppliesTo(subject, _arguments, context));

    /// <summary>Violations for an applicable subject; empty when the check holds.</summary>
    public IReadOnlyList<Violation> Check(RuleSubject subject, EvaluationContext context)
    {
        if (_primitive is not null)
        {
            var result = _primitive.Check(subject, _arguments, context);
            return result as IReadOnlyList<Violation> ?? result.ToArray();
        }
        if (_assertion!(subject, context)) return Pass;
        // The places the defect also shows: read only for a failing subject.
        return _related?.Invoke(subject, context) is IReadOnlyList<Findings.RelatedLocation> { Count: > 0 } related
            ? [Fail[0] with { Related = related }]
            : Fail;
    }

    public string FormatMessage(RuleSubject subject, EvaluationContext context, Violation violation) =>
        _message.Render(subject, context, violation);

    public override string ToString() => $"{Id} {Name} ({Severity.ToText()})";
}
