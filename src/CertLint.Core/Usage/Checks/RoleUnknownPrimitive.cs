using System.Text;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Usage.Checks;

/// <summary>
/// No silent skips: leaves whose role comes from neither a configuration, .certlint.yml roles, nor their path miss the
/// clientAuth/serverAuth checks. One note per run, on the first such leaf, lists them all with the roles: lines to add.
/// </summary>
public sealed class RoleUnknownPrimitive : ICheckPrimitive
{
    private const int Listed = 20;

    public string Name => "role-unknown";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } = [];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var inventory = context.Inventory;
        var unknown = context.Once(Name, () => inventory.Certificates.Where(c => inventory.IsLeaf(c) && inventory.RoleOf(c) == CertificateRole.Unknown).ToList());
        if (unknown.Count == 0 || !ReferenceEquals(unknown[0], cert)) yield break;
        var paths = unknown.Select(c => c.Location.File.RelativePath).Distinct(StringComparer.Ordinal).ToList();
        var list = string.Join("; ", unknown.Take(Listed).Select(c => $"{c.Location} {c.Label}")) + (unknown.Count > Listed ? $"; and {unknown.Count - Listed} more" : "");
        var yaml = new StringBuilder("roles:");
        foreach (var p in paths.Take(Listed)) yaml.Append($" \"{p}\": server|client|email;");
        yield return new Violation(new Dictionary<string, object?>
        {
            ["count"] = unknown.Count,
            ["certificates"] = list,
            ["rolesYaml"] = yaml.ToString().TrimEnd(';'),
        });
    }
}
