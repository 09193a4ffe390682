using CertLint.Findings;
using CertLint.Model;
using CertLint.Rules.Fields;
using CertLint.Usage;
using CertLint.Usage.Checks;

namespace CertLint.Rules.Primitives;

/// <summary>
/// May this certificate be used for a key purpose (serverAuth, clientAuth...)? Its own extendedKeyUsage, when present,
/// must list the purpose; and so must every issuer on its path that carries an EKU — EKU chaining, which RFC 5280 does
/// not define but Mozilla, Chrome, Go and Windows enforce. Certificates without the extension do not restrict
/// (RFC 5280 §4.2.1.12). Issuers are those the inventory found, complete chain or not, the anchor included (as Go does).
/// </summary>
public sealed class EkuPurposePrimitive : ICheckPrimitive
{
    private static readonly Dictionary<string, string> OidByName =
        Names.Eku.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

    public string Name => "eku-purpose";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("purpose", ParameterType.String, "serverAuth", "The key purpose the certificate and its issuers must allow",
            AllowedValues: [.. Names.Eku.Values.Where(n => n != "anyExtendedKeyUsage")]),
        new("acceptAny", ParameterType.Boolean, true,
            "Count anyExtendedKeyUsage (2.5.29.37.0) as allowing the purpose, as RFC 5280 §4.2.1.12 defines it"),
        new("issuers", ParameterType.Boolean, true, "Also check the EKU of every issuer on the path"),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert) yield break;
        var purpose = arguments.GetString("purpose");
        var oid = OidByName[purpose];
        var acceptAny = arguments.GetBool("acceptAny");

        if (cert.ExtendedKeyUsage is { } own && !Allows(own, oid, acceptAny))
        {
            yield return Restricted(purpose, cert, "its extendedKeyUsage", own) with { Related = UsesOf(cert, oid, context) };
            yield break;
        }
        if (!arguments.GetBool("issuers") || context.Inventory.ChainOf(cert) is not { } chain) yield break;
        foreach (var issuer in chain.Path.Skip(1))
        {
            if (issuer.ExtendedKeyUsage is { } eku && !Allows(eku, oid, acceptAny))
            {
                yield return Restricted(purpose, issuer, $"its issuer {issuer.Name} (serial {issuer.SerialNumber}, SHA-256 {issuer.Sha256[..16]})", eku)
                    with { Related = UsesOf(cert, oid, context) };
                yield break;
            }
        }
    }

    /// <summary>
    /// One defect, one finding, on the certificate (where it is fixed, by reissuing; one place however many
    /// configurations use it); the configuration lines that serve or present it, and the servers a client presents it
    /// to, are its related locations.
    /// </summary>
    private static List<RelatedLocation>? UsesOf(CertificateInfo cert, string purposeOid, EvaluationContext context)
    {
        var role = purposeOid == Oids.ClientAuth ? UsageRole.Client : purposeOid == Oids.ServerAuth ? UsageRole.Server : (UsageRole?)null;
        return role is { } r && context.Inventory.Usages.Count > 0 ? UsageIndex.Of(context.Inventory).UsesOf(cert, r, context.Inventory) : null;
    }

    /// <summary>Whether an EKU list allows a purpose.</summary>
    public static bool Allows(IReadOnlyList<string> eku, string purposeOid, bool acceptAny) =>
        eku.Contains(purposeOid) || (acceptAny && eku.Contains(Oids.AnyExtendedKeyUsage));

    private static Violation Restricted(string purpose, CertificateInfo restricting, string where, IReadOnlyList<string> eku) =>
        new(new Dictionary<string, object?>
        {
            ["purpose"] = purpose,
            ["restrictedBy"] = where,
            ["restrictingSha256"] = restricting.Sha256,
            ["eku"] = eku.Count == 0 ? "(empty)" : string.Join(", ", eku.Select(Names.EkuName)),
        });
}
