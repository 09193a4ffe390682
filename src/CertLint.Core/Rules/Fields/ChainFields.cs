using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Chain-aware fields: `path` and `issuers` (records of certificates) and `issuer.FIELD`, any certificate field of the
/// certificate that issued this one on the chosen path (absent when none was found).
/// </summary>
internal static class ChainFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return CertCtx("path", T.Records, "The chosen path from this certificate (index 0) to its anchor or the last certificate found",
            (c, ctx) => ctx.Inventory.ChainOf(c)?.Path ?? [c], CertificateScope.Instance);
        yield return CertCtx("issuers", T.Records, "The chosen path without the certificate itself",
            (c, ctx) => ctx.Inventory.ChainOf(c) is { Path.Count: > 1 } ch ? ch.Path.Skip(1).ToArray() : [], CertificateScope.Instance);
        yield return CertCtx("issuer.found", T.Boolean, "The issuing certificate was found on the chosen path", (c, ctx) => IssuerOf(c, ctx) is not null);
    }

    /// <summary>The next certificate on the chosen path; a self-signed certificate is its own issuer.</summary>
    public static CertificateInfo? IssuerOf(CertificateInfo c, EvaluationContext ctx)
    {
        if (ctx.Inventory.ChainOf(c) is { Path.Count: > 1 } chain) return chain.Path[1];
        return ctx.Inventory.SelfSigned.Contains(c) ? c : null;
    }

    /// <summary>`issuer.FIELD` for a certificate FIELD; null when FIELD is not one.</summary>
    public static FieldDefinition? Issuer(string path)
    {
        if (!path.StartsWith("issuer.", StringComparison.OrdinalIgnoreCase)) return null;
        if (Find(path["issuer.".Length..]) is not { CertificateGet: { } get } inner) return null;
        return CertCtx(path, inner.Type, "Of the issuing certificate: " + inner.Description,
            (c, ctx) => IssuerOf(c, ctx) is { } issuer ? get(issuer, ctx) : null, inner.Elements);
    }
}
