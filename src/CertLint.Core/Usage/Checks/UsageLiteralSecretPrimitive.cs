using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A password written into a committed configuration (IRIS PrivateKeyPassword, SSLDefs.ini Password, Kestrel
/// Certificate Password, Spring *password properties): one violation at its line. Readers record only where it is written, never the value, so
/// nothing here can print it.
/// </summary>
public sealed class UsageLiteralSecretPrimitive : ICheckPrimitive
{
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
                ["key"] = secret.Protects ?? usage.Key?.Path ?? usage.Certificate?.Path ?? "(no key file named)",
            }, secret.At);
        }
    }
}
