using CertLint.Configuration;
using CertLint.Findings;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// A file a configuration names is not there. `where: inside` reports paths that should be in the repository
/// (relative paths resolving inside the scan root); `where: outside` reports absolute deployment paths (and relative
/// ones leaving the root) that no scanned file matches, which CertLint therefore could not lint.
/// </summary>
public sealed class UsageReferencePrimitive : ICheckPrimitive
{
    public string Name => "usage-reference";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Usage];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("where", ParameterType.String, "inside", "inside: missing repository files; outside: deployment paths not found in the scan",
            AllowedValues: ["inside", "outside"]),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Usage is not { } usage) yield break;
        var index = UsageIndex.Of(context.Inventory);
        var inside = arguments.GetString("where") == "inside";
        // One finding per file and line: HAProxy's crt and Apache's SSLProxyMachineCertificateFile name the key by the same
        // reference; and one per written reference: a line several usages share (nginx's http-level ssl_certificate
        // inherited by every server, Kestrel's default certificate behind every endpoint) is reported with the first.
        foreach (var reference in usage.References.DistinctBy(r => (r.Path, r.At.File.FullPath, r.At.StartLine)))
        {
            if (index.Exists(reference) || !ReferenceEquals(index.FirstNaming(reference) ?? usage, usage)) continue;
            var inRoot = reference.ResolvedFullPath is { } path && ConfigConfinement.IsInside(path, context.Settings.Root) && !reference.IsAbsolute;
            if (inRoot != inside) continue;
            yield return new Violation(new Dictionary<string, object?>
            {
                ["path"] = reference.Path,
                ["directive"] = reference.Directive,
                ["source"] = reference.Source,
                ["service"] = usage.Service,
            }, reference.At);
        }
    }
}
