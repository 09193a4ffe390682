using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Chain-aware fields: `path` and `issuers` (records of certificates) and `issuer.FIELD`, any certificate field of the
/// certificate that issued this one on the chosen path (absent when none was found); `signer.FIELD`, the same of the
/// certificate whose key verifies this one's signature, found by issuer name with key identifiers ignored.
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
        yield return CertCtx("anchor", T.Boolean,
            "A trust anchor of this run: from --ca / trust.anchors, or a self-signed CA certificate of the scan when anchors come from the scan",
            (c, ctx) => ctx.Inventory.IsAnchor(c));
        yield return CertCtx("signer.found", T.Boolean,
            "A certificate of the scan or a trust anchor named by the issuer name verifies this one's signature (key identifiers ignored)",
            (c, ctx) => ctx.Inventory.SignerOf(c) is not null);
    }

    /// <summary>The next certificate on the chosen path; a self-signed certificate is its own issuer.</summary>
    public static CertificateInfo? IssuerOf(CertificateInfo c, EvaluationContext ctx)
    {
        if (ctx.Inventory.ChainOf(c) is { Path.Count: > 1 } chain) return chain.Path[1];
        return ctx.Inventory.SelfSigned.Contains(c) ? c : null;
    }

    /// <summary>`issuer.FIELD` or `signer.FIELD` for a certificate FIELD; null when FIELD is not one.</summary>
    public static FieldDefinition? Related(string path)
    {
        var (prefix, of, related) = path.StartsWith("issuer.", StringComparison.OrdinalIgnoreCase)
            ? ("issuer.", "Of the issuing certificate: ", (Func<CertificateInfo, EvaluationContext, CertificateInfo?>)IssuerOf)
            : path.StartsWith("signer.", StringComparison.OrdinalIgnoreCase)
                ? ("signer.", "Of the certificate whose key verifies this one's signature: ", (c, ctx) => ctx.Inventory.SignerOf(c))
                : default;
        if (prefix is null || related is null) return null;
        if (Find(path[prefix.Length..]) is not { CertificateGet: { } get } inner) return null;
        return CertCtx(path, inner.Type, of + inner.Description,
            (c, ctx) => related(c, ctx) is { } other ? get(other, ctx) : null, inner.Elements);
    }
}
