using System.Globalization;
using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A keystore or key password written literally in a committed configuration (Spring Boot key-store-password,
/// an SSL bundle's password...) rather than taken from the environment (${ENV_VAR}). Readers record where
/// (`literalPassword@LINE` -> the key as written); the value itself is never kept, so it cannot be printed.
/// </summary>
public sealed class UsagePasswordLiteralPrimitive : ICheckPrimitive
{
    internal const string Prefix = "literalPassword@";

    public string Name => "usage-password-literal";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { } usage) yield break;
        foreach (var (name, key) in usage.Settings.Where(s => s.Key.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var line)) continue;
            var at = new SourceLocation(usage.Location.File, line, line);
            yield return new Violation(new Dictionary<string, object?>
            {
                ["key"] = key,
                ["source"] = $"{at.File.RelativePath}:{line}",
                ["service"] = usage.Service,
            }, at);
        }
    }
}
