using CertLint.Findings;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>Fields of key and keystore subjects (key.* is shared with certificates).</summary>
internal static class KeyFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Key("key.type", T.String, "rsa, ec, ed25519, ...", k => k.PublicKey is { } p ? Names.KeyType(p.Algorithm) : null);
        yield return Key("key.size", T.Integer, "Key size in bits", k => k.PublicKey is { } p ? (long)p.SizeBits : null);
        yield return Key("key.curve", T.String, "EC curve name or OID", k => k.PublicKey?.CurveName ?? k.PublicKey?.CurveOid);
        yield return Key("key.label", T.String, "Key algorithm and size or curve, e.g. RSA 2048, EC P-256, Ed25519", k => k.PublicKey?.Label);
        yield return Key("key.sha256", T.String, "SHA-256 of the SubjectPublicKeyInfo", k => k.PublicKey?.Sha256);
        yield return KeyCtx("key.replace", T.String, KeyReplacement.Description, KeyReplacement.For);
        yield return Key("encrypted", T.Boolean, "The key was stored encrypted", k => k.Encrypted);
        yield return Key("private", T.Boolean, "A private key (not only a public one)", k => k.IsPrivate);
        yield return Key("encoding", T.String, "pkcs8, encryptedPkcs8, pkcs1Rsa, sec1Ec, subjectPublicKeyInfo, pkcs12Entry, openSsh, openSslDsa, openPgp, jwk, ppk, certificationRequest, openSshPublic",
            k => char.ToLowerInvariant(k.Encoding.ToString()[0]) + k.Encoding.ToString()[1..]);
        yield return Key("format", T.String, "pem, der, pkcs7, pkcs12, jks, jwk, ppk, bks or openssh", k => Names.Format(k.Format));
        yield return KeyCtx("pairedCertificate", T.Boolean, "A certificate with this public key was found",
            (k, ctx) => InventoryIndex.Of(ctx.Inventory).CertificateFor(k) is not null);
        yield return KeyCtx("mismatchedCertificate", T.Boolean, "The key was shipped with a certificate whose public key differs (key-mismatch)",
            (k, ctx) => InventoryIndex.Of(ctx.Inventory).MismatchesOf(k).Count > 0);
        yield return KeyCtx("configured", T.Boolean, "A TLS configuration of the repository names this key (ssl_certificate_key, a Secret's tls.key...)",
            (k, ctx) => ctx.Inventory.Usages.Count > 0 && Usage.Checks.UsageIndex.Of(ctx.Inventory).IsConfigured(k));
        yield return KeyCtx("pairedCertificate.subject", T.String, "Subject DN of the paired certificate",
            (k, ctx) => InventoryIndex.Of(ctx.Inventory).CertificateFor(k)?.Subject.Text);

        yield return Store("passwordProtected", T.Boolean, "The keystore needed a password", k => k.PasswordProtected);
        yield return Store("certificates", T.Integer, "Certificates in the keystore", k => (long)k.CertificateCount);
        yield return Store("keys", T.Integer, "Keys in the keystore", k => (long)k.KeyCount);
    }

    private static FieldDefinition Key(string path, T type, string description, Func<Model.KeyInfo, object?> get) =>
        new(path, type, FieldCatalog.Key, description, (s, _) => s.Key is { } k ? get(k) : null);

    private static FieldDefinition KeyCtx(string path, T type, string description, Func<Model.KeyInfo, EvaluationContext, object?> get) =>
        new(path, type, FieldCatalog.Key, description, (s, ctx) => s.Key is { } k ? get(k, ctx) : null);

    private static FieldDefinition Store(string path, T type, string description, Func<Model.KeystoreInfo, object?> get) =>
        new(path, type, FieldCatalog.Keystore, description, (s, _) => s.Keystore is { } k ? get(k) : null);
}

/// <summary>
/// How a weak or broken key is replaced, worded by what holds it: a certificate is reissued, an SSH key replaced in
/// authorized_keys, an OpenPGP key published anew, a JSON Web Key published in the JWKS.
/// </summary>
internal static class KeyReplacement
{
    public const string Description =
        "How to replace the key, by what holds it: reissue the certificate, replace an SSH key in authorized_keys, publish a new OpenPGP key or JWKS";

    public const string Certificate = "generate a new key, reissue the certificate and revoke the old one";

    /// <summary>The wording for a rule subject: its certificate, or its key.</summary>
    public static string Of(RuleSubject subject, EvaluationContext context) =>
        subject.Key is { } k && subject.Certificate is null ? For(k, context) : Certificate;

    /// <summary>The wording for a key, by its encoding and whether a certificate of the scan has it.</summary>
    public static string For(Model.KeyInfo key, EvaluationContext context) => key.Encoding switch
    {
        Model.KeyEncoding.OpenSsh or Model.KeyEncoding.OpenSshPublic or Model.KeyEncoding.Ppk => "generate a new SSH key and replace the old one in authorized_keys",
        Model.KeyEncoding.OpenPgp => "generate a new OpenPGP key, publish it and revoke the old one",
        Model.KeyEncoding.Jwk => "generate a new key and publish the JWKS without the old one",
        Model.KeyEncoding.CertificationRequest => "generate a new key and a new certificate request, and revoke any certificate already issued for this one",
        _ when InventoryIndex.Of(context.Inventory).CertificateFor(key) is not null => "generate a new key, reissue its certificate and revoke the old one",
        _ => "generate a new key, replace this one wherever it is used and revoke any certificate issued for it",
    };
}

/// <summary>Fields every subject has: its file.</summary>
internal static class FileFields
{
    public static IEnumerable<FieldDefinition> Define()
    {
        yield return File("file.path", T.String, "Path relative to the scan root, forward slashes", s => s.File.File.RelativePath.Replace('\\', '/'));
        yield return File("file.name", T.String, "File name", s => Path.GetFileName(s.File.File.RelativePath));
        yield return File("file.extension", T.String, "Extension without the dot, lower case", s => Path.GetExtension(s.File.File.RelativePath).TrimStart('.').ToLowerInvariant());
        yield return File("file.mode", T.String, "POSIX mode as octal text, e.g. 0600 (absent on Windows)",
            s => s.File.File.Mode is { } m ? Convert.ToString((int)m & 0xFFF, 8).PadLeft(4, '0') : null);
        yield return File("file.modeBits", T.Integer, "POSIX mode as a number", s => s.File.File.Mode is { } m ? (long)((int)m & 0xFFF) : null);
        yield return File("file.size", T.Integer, "File size in bytes", s => s.File.File.Length);
        yield return File("file.format", T.String, "unknown, pem, derCertificate, derCrl, pkcs7, pkcs12, derKey, jks, jwk, ppk, bks",
            s => char.ToLowerInvariant(s.File.Kind.ToString()[0]) + s.File.Kind.ToString()[1..]);
        yield return File("file.certificates", T.Integer, "Certificates in the file", s => (long)s.File.Certificates.Count);
        yield return File("file.keys", T.Integer, "Keys in the file", s => (long)s.File.Keys.Count);
        yield return File("file.issues", T.List, "Parse issue kinds in the file (parseError, passwordRequired, unreadable, kdfLimit, includeNotRead)",
            s => s.File.Issues.Select(i => char.ToLowerInvariant(i.Kind.ToString()[0]) + i.Kind.ToString()[1..]).ToArray());
    }

    private static FieldDefinition File(string path, T type, string description, Func<RuleSubject, object?> get) =>
        new(path, type, FieldCatalog.AnyKind, description, (s, _) => get(s));
}
