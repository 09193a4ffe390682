using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Core.Tests.Rules;

/// <summary>A primitive for loader tests: flags certificates whose notAfter is within `days` of now.</summary>
internal sealed class FakePrimitive : ICheckPrimitive
{
    public string Name => "fake-check";
    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];
    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("days", ParameterType.Integer, 30, "Window", 0, 3650),
        new("mode", ParameterType.String, "strict", "Mode", AllowedValues: ["strict", "relaxed"]),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        var left = (subject.Certificate!.NotAfter - context.Now).TotalDays;
        if (left < arguments.GetInt("days"))
            yield return new Violation(new Dictionary<string, object?> { ["left"] = (long)left, ["mode"] = arguments.GetString("mode") },
                Message: $"only {(long)left} days left");
    }
}
