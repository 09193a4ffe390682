using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using static CertLint.Rules.Fields.FieldCatalog;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>Fields of a certificate subject.</summary>
internal static class CertificateFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Cert("subject", T.String, "Subject DN (RFC 4514 text)", c => c.Subject.Text);
        yield return Cert("issuer", T.String, "Issuer DN (RFC 4514 text)", c => c.Issuer.Text);
        foreach (var (name, oid) in Names.DnAttributes)
        {
            yield return Cert($"subject.{name}", T.String, $"Subject attribute {name} ({oid}), first value", c => c.Subject.Get(oid));
            yield return Cert($"issuer.{name}", T.String, $"Issuer attribute {name} ({oid}), first value", c => c.Issuer.Get(oid));
        }
        yield return Cert("name", T.String, "How messages name the certificate: its subject DN, or (empty subject, SAN NAME) when the subject is empty", c => c.Name);
        yield return Cert("serial", T.String, "Serial number, upper-case hex", c => c.SerialNumber);
        yield return Cert("version", T.Integer, "X.509 version (1-3)", c => (long)c.Version);
        yield return Cert("san", T.List, "Every subjectAltName value", c => c.SubjectAltNames is { } s ? (string[])[.. s.Dns, .. s.Ip, .. s.Email, .. s.Uri] : null);
        yield return Cert("san.dns", T.List, "SAN DNS names", c => c.SubjectAltNames?.Dns);
        yield return Cert("san.ip", T.List, "SAN IP addresses", c => c.SubjectAltNames?.Ip);
        yield return Cert("san.email", T.List, "SAN e-mail addresses", c => c.SubjectAltNames?.Email);
        yield return Cert("san.uri", T.List, "SAN URIs", c => c.SubjectAltNames?.Uri);
        yield return Cert("eku", T.List, "Extended key usage OIDs", c => c.ExtendedKeyUsage);
        yield return Cert("eku.names", T.List, "Extended key usage names (serverAuth, clientAuth, ...; OID when unnamed)",
            c => c.ExtendedKeyUsage?.Select(Names.EkuName).ToArray());
        yield return Cert("keyUsage", T.List, "Key usage names (digitalSignature, keyCertSign, ...)", c => c.KeyUsage is { } k ? Names.KeyUsages(k) : null);
        yield return Cert("basicConstraints.ca", T.Boolean, "basicConstraints cA (absent when no extension)", c => c.BasicConstraints?.IsCa);
        yield return Cert("basicConstraints.pathLen", T.Integer, "basicConstraints pathLenConstraint", c => c.BasicConstraints?.PathLength is { } p ? (long)p : null);
        yield return Cert("basicConstraints.critical", T.Boolean, "basicConstraints is critical", c => c.BasicConstraints?.Critical);
        yield return Cert("key.type", T.String, "rsa, rsa-pss, ec, dsa, ed25519, ed448, x25519, x448, ml-dsa, slh-dsa, ml-kem, dh, unknown", c => Names.KeyType(c.PublicKey.Algorithm));
        yield return Cert("key.size", T.Integer, "Key size in bits", c => (long)c.PublicKey.SizeBits);
        // Mozilla Root Store Policy §5.1 (and BR §6.1.5) want an RSA modulus whose size in bits is divisible by 8.
        yield return Cert("key.size.divisibleBy8", T.Boolean, "The key size in bits is a multiple of 8 (RSA: the modulus fills whole octets)", c => c.PublicKey.SizeBits % 8 == 0);
        yield return Cert("key.curve", T.String, "EC curve name (P-256, ...) or OID", c => c.PublicKey.CurveName ?? c.PublicKey.CurveOid);
        yield return Cert("key.label", T.String, "Key algorithm and size or curve, e.g. RSA 2048, EC P-256, Ed25519", c => c.PublicKey.Label);
        yield return Cert("key.sha256", T.String, "SHA-256 of the SubjectPublicKeyInfo", c => c.PublicKey.Sha256);
        yield return Cert("key.replace", T.String, KeyReplacement.Description, _ => KeyReplacement.Certificate);
        yield return Cert("signature.algorithm", T.String, "Signature algorithm name (sha256WithRSAEncryption, ...)", c => c.Signature.AlgorithmName);
        yield return Cert("signature.oid", T.String, "Signature algorithm OID", c => c.Signature.AlgorithmOid);
        yield return Cert("signature.hash", T.String, "Hash of the signature (SHA256, SHA1, MD5, ...)", c => c.Signature.HashName);
        yield return Cert("validity.notBefore", T.Date, "notBefore", c => c.NotBefore);
        yield return Cert("validity.notAfter", T.Date, "notAfter", c => c.NotAfter);
        yield return Cert("validity.formatSince", T.Date, "The first day a certificate of its X.509 version could be issued (v1 1988, v2 1993, v3 1996)",
            c => IssuanceDate.FormatSince(c.Version));
        yield return Cert("validity.notBeforeCredible", T.Boolean, "notBefore is not earlier than validity.formatSince, so it can be the issuance date that `effective` dates compare",
            c => IssuanceDate.NotBeforeCredible(c));
        yield return CertCtx("validity.daysRemaining", T.Integer, "Days from now to notAfter, rounded to the nearest day (negative when expired)",
            (c, ctx) => Validity.DaysRemaining(c.NotAfter, ctx.Now));
        yield return Cert("validity.totalDays", T.Integer, "Whole days from notBefore to notAfter", c => (long)Math.Floor((c.NotAfter - c.NotBefore).TotalDays));
        yield return Cert("policies", T.List, "Certificate policy OIDs", c => c.Policies);
        yield return Cert("policies.first", T.String, "The first certificate policy OID in certificate order (absent without policies)",
            c => c.Policies is [var first, ..] ? first : null);
        yield return Cert("aia.ocsp", T.List, "OCSP responder URLs", c => c.AuthorityInfoAccess?.Ocsp);
        yield return Cert("aia.caIssuers", T.List, "CA issuers URLs", c => c.AuthorityInfoAccess?.CaIssuers);
        yield return Cert("crl", T.List, "CRL distribution point URLs", c => c.CrlDistributionPoints);
        yield return Cert("ski", T.String, "Subject key identifier (hex)", c => c.SubjectKeyIdentifier);
        yield return Cert("aki", T.String, "Authority key identifier (hex)", c => c.AuthorityKeyIdentifier);
        yield return Cert("extensions", T.List, "OIDs of every extension", c => OidsOf(c.Extensions));
        yield return Cert("fingerprint.sha256", T.String, "SHA-256 of the DER (lower-case hex)", c => c.Sha256);
        yield return Cert("fingerprint.short", T.String, "First 16 hex digits of fingerprint.sha256, for messages", c => c.Sha256[..Math.Min(16, c.Sha256.Length)]);
        yield return Cert("fingerprint.sha1", T.String, "SHA-1 of the DER (lower-case hex)", c => c.Sha1);
        yield return CertCtx("selfSigned", T.Boolean, "Signed by its own key (verified)", (c, ctx) => ctx.Inventory.SelfSigned.Contains(c));
        yield return Cert("selfIssued", T.Boolean, "Subject equals issuer", c => c.IsSelfIssued);
        yield return Cert("ca", T.Boolean, "basicConstraints cA=TRUE", c => c.IsCa);
        yield return CertCtx("leaf", T.Boolean, "At the start of a path: not a CA, or a CA used as an end entity (see docs/chains.md)", (c, ctx) => ctx.Inventory.IsLeaf(c));
        yield return CertCtx("chain.depth", T.Integer, "Certificates in the built path, itself included", (c, ctx) => ctx.Inventory.ChainOf(c) is { } ch ? (long)ch.Depth : null);
        yield return CertCtx("chain.root", T.String, "Subject DN of the anchor when the chain is complete", (c, ctx) => ctx.Inventory.ChainOf(c)?.Root?.Subject.Text);
        yield return CertCtx("chain.complete", T.Boolean, "A verified path to an anchor exists", (c, ctx) => ctx.Inventory.ChainOf(c) is { } ch ? ch.Status == ChainStatus.Complete : null);
        yield return CertCtx("chain.status", T.String, "complete, incomplete or invalid", (c, ctx) => ctx.Inventory.ChainOf(c)?.Status.ToString().ToLowerInvariant());
        yield return CertCtx("chain.problems", T.List, "Why the chain is not complete", (c, ctx) => ctx.Inventory.ChainOf(c)?.Problems);
        yield return CertCtx("role", T.String, "client, server, email (S/MIME), a comma-separated combination (client,server) or unknown", (c, ctx) => Names.Role(ctx.Inventory.RoleOf(c)));
        yield return CertCtx("role.servedWithoutHostNames", T.Boolean, "Served only by configurations whose clients match no host name (OpenVPN servers)",
            (c, ctx) => ctx.Inventory.Usages.Count > 0 && Usage.Checks.UsageIndex.Of(ctx.Inventory).ServedWithoutHostNames(c));
        yield return CertCtx("pairedKey", T.Boolean, "A key with this certificate's public key was found", (c, ctx) => InventoryIndex.Of(ctx.Inventory).HasKey(c));
        yield return CertCtx("hosts", T.List, "Expected host names (--host and config hosts for this path)", (c, ctx) => ExpectedHosts.For(c.Location.File, ctx.Settings));
        yield return CertCtx("mailboxes", T.List, "Expected mail addresses (--mailbox and config mailboxes for this path)", (c, ctx) => ExpectedHosts.Mailboxes(c.Location.File, ctx.Settings));
        yield return Cert("format", T.String, "pem, der, pkcs7 or pkcs12", c => Names.Format(c.Format));
    }

    private static string[] OidsOf(IReadOnlyList<ExtensionInfo> extensions)
    {
        var oids = new string[extensions.Count];
        for (var i = 0; i < oids.Length; i++) oids[i] = extensions[i].Oid;
        return oids;
    }

    public static FieldDefinition ExtensionPresent(string path, string oid) =>
        Cert(path, T.Boolean, $"Extension {oid} is present", c => c.Extensions.Any(e => e.Oid == oid));

    public static FieldDefinition ExtensionCritical(string path, string oid) =>
        Cert(path, T.Boolean, $"Extension {oid} is critical (absent when the extension is)", c => c.Extensions.FirstOrDefault(e => e.Oid == oid)?.Critical);
}
