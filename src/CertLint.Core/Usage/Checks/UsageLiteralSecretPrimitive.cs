using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A password written into a committed configuration (IRIS PrivateKeyPassword, SSLDefs.ini Password, Kestrel
/// Certificate Password): one violation at its line. Readers record only where it is written, never the value, so
/// nothing here can print it.
/// </summary>
public sealed class UsageLiteralSecretPrimitive : ICheckPrimitive
{
    /// <summary>Setting names "literalPassword@LINE" whose value is the property that holds a literal password.</summary>
    internal const string LiteralPasswordPrefix = "literalPassword@";

    public string Name => "usage-literal-secret";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { } usage) yield break;
        foreach (var secret in usage.LiteralSecrets)
        {
            yield return new Violation(new Dictionary<string, object?>
            {
                ["service"] = usage.Service,
                ["source"] = secret.Source,
                ["key"] = usage.Key?.Path ?? usage.Certificate?.Path ?? "(no key file named)",
            }, secret.At);
        }
        // Readers that record a literal password as a setting (Spring: the property name, at its line).
        foreach (var (name, key) in usage.Settings.Where(s => s.Key.StartsWith(LiteralPasswordPrefix, StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(name.AsSpan(LiteralPasswordPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line)) continue;
            var at = new CertLint.Model.SourceLocation(usage.Location.File, line, line);
            yield return new Violation(new Dictionary<string, object?>
            {
                ["service"] = usage.Service,
                ["source"] = $"{at.File.RelativePath}:{line} {key}",
                ["key"] = usage.Key?.Path ?? usage.Certificate?.Path ?? key,
            }, at);
        }
    }
}
