using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules.Primitives;

/// <summary>
/// EKU chaining, as Mozilla, Chrome, Go and Windows enforce it although RFC 5280 does not: an issuer that carries an
/// extendedKeyUsage extension restricts every certificate below it to those purposes. Issuers without the extension
/// do not restrict. Every issuer found on the certificate's path (complete or not, anchor included, as Go does) is checked.
/// </summary>
public sealed class IssuerEkuPrimitive : ICheckPrimitive
{
    public string Name => "issuer-eku";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("purpose", ParameterType.String, "serverAuth", "The key purpose every issuer's EKU must allow",
            AllowedValues: [.. EkuNames.Known]),
        new("acceptAny", ParameterType.Boolean, true,
            "Count anyExtendedKeyUsage (2.5.29.37.0) as allowing the purpose (RFC 5280 §4.2.1.12)"),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (subject.Certificate is not { } cert || context.Inventory.ChainOf(cert) is not { } chain) yield break;
        var purpose = arguments.GetString("purpose");
        var oid = EkuNames.ToOid(purpose);
        var acceptAny = arguments.GetBool("acceptAny");

        var offending = chain.Path.Skip(1)
            .Where(issuer => issuer.ExtendedKeyUsage is { } eku && !Allows(eku, oid, acceptAny))
            .ToList();
        if (offending.Count == 0) yield break;

        var first = offending[0];
        yield return new Violation(new Dictionary<string, object?>
        {
            ["purpose"] = purpose,
            ["issuer"] = first.Label,
            ["issuerSha256"] = first.Sha256,
            ["issuerEku"] = string.Join(", ", first.ExtendedKeyUsage!.Select(EkuNames.ToName)),
            ["issuers"] = PrimitiveLookups.DescribePath(offending),
        }, first.Location);
    }

    /// <summary>Whether an EKU list allows a purpose.</summary>
    public static bool Allows(IReadOnlyList<string> eku, string purposeOid, bool acceptAny) =>
        eku.Contains(purposeOid) || (acceptAny && eku.Contains(Oids.AnyExtendedKeyUsage));
}
