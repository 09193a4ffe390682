using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Rules.Evaluation;

/// <summary>
/// The objects rules look at: every scanned file (File subject, carrying its parse issues), and every certificate,
/// key, keystore and CRL in it. The --ca and --crl files are among the files (the lint adds them), so anchors and CRLs given
/// outside the scan are judged like scanned ones; system roots are not files and are not subjects.
/// </summary>
public static class RuleSubjects
{
    public static IReadOnlyList<RuleSubject> Build(CertificateInventory inventory)
    {
        var list = new List<RuleSubject>(inventory.Certificates.Count + inventory.Keys.Count + inventory.Files.Count);
        foreach (var file in inventory.Files)
        {
            list.Add(ForFile(file));
            foreach (var cert in file.Certificates) list.Add(For(file, cert));
            foreach (var key in file.Keys) list.Add(For(file, key));
            if (file.Keystore is { } store) list.Add(For(file, store));
            foreach (var crl in file.Crls) list.Add(For(file, crl));
        }
        foreach (var usage in inventory.Usages) list.Add(For(usage));
        return list;
    }

    public static RuleSubject ForFile(ParsedFile file) => new()
    {
        Object = new CheckedObject(SubjectKind.File, file.File.RelativePath, file.File.RelativePath, new SourceLocation(file.File)),
        File = file,
    };

    public static RuleSubject For(ParsedFile file, CertificateInfo cert) => new()
    {
        Object = new CheckedObject(SubjectKind.Certificate, cert.Sha256, cert.Label, cert.Location),
        File = file,
        Certificate = cert,
    };

    public static RuleSubject For(ParsedFile file, KeyInfo key) => new()
    {
        Object = new CheckedObject(SubjectKind.Key, key.Fingerprint, key.Label, key.Location),
        File = file,
        Key = key,
    };

    /// <summary>A usage's subject: located at its block or resource in the configuration file.</summary>
    public static RuleSubject For(Usage.TlsUsage usage) => new()
    {
        Object = new CheckedObject(SubjectKind.Usage, usage.Id, usage.Label, usage.Location),
        File = new ParsedFile { File = usage.Location.File },
        Usage = usage,
    };

    /// <summary>A CRL's subject: identified by the SHA-256 of its DER, located at its PEM block (or the DER file).</summary>
    public static RuleSubject For(ParsedFile file, CrlInfo crl) => new()
    {
        Object = new CheckedObject(SubjectKind.Crl, "crl:" + Parsing.Asn1Helpers.Sha256Hex(crl.Raw.Span),
            $"CRL of {(crl.Issuer.IsEmpty ? "an empty issuer" : crl.Issuer.Text)}" + (crl.Number is { } n ? $" #{n}" : ""), crl.Location),
        File = file,
        Crl = crl,
    };

    public static RuleSubject For(ParsedFile file, KeystoreInfo store) => new()
    {
        Object = new CheckedObject(SubjectKind.Keystore, "keystore:" + file.File.RelativePath,
            $"PKCS#12 keystore ({store.CertificateCount} certificates, {store.KeyCount} keys)", store.Location),
        File = file,
        Keystore = store,
    };
}
