using CertLint.Rules.Fields;

namespace CertLint.Rules.Compilation;

/// <summary>A compiled assertion on a subject: true when it holds.</summary>
public delegate bool SubjectTest(RuleSubject subject, EvaluationContext context);

/// <summary>A compiled function on one value (a field's value or a list element).</summary>
internal delegate bool ValueTest(object? value, EvaluationContext context);

/// <summary>A compiled assertion on a target (the subject, a record, or a list element) with the rule's subject at hand for `$.` paths.</summary>
internal delegate bool NodeTest(object? target, RuleSubject root, EvaluationContext context);

/// <summary>
/// The element that made a check fail, for its message (`{{#failing}}...{{/failing}}`): the first element of a records
/// field that breaks `each` (or meets `none`); for `all: [...]`, that of the first member that fails. Null when the
/// check holds or its failing part is not such a quantifier.
/// </summary>
/// Only the scope is worked out when the rule compiles (the message's `{{#failing}}` section needs it to check its
/// fields); the finder compiles the check's parts a second time, so it is made the first time a failing message asks.
internal sealed class Witness(Func<Func<RuleSubject, EvaluationContext, object?>> makeFind, FieldScope scope)
{
    private readonly Lazy<Func<RuleSubject, EvaluationContext, object?>> _find = new(makeFind);

    public FieldScope Scope => scope;

    public object? Find(RuleSubject subject, EvaluationContext context) => _find.Value(subject, context);
}
