using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Parsing;

namespace CertLint.Engine;

/// <summary>Reads the --ca / trust.anchors files. They anchor chains but are not linted themselves.</summary>
internal static class TrustAnchors
{
    public static IReadOnlyList<CertificateInfo> Load(LintSettings settings, IPasswordSource passwords)
    {
        var anchors = new List<CertificateInfo>();
        foreach (var path in settings.CaFiles)
        {
            if (Directory.Exists(path)) throw new UserErrorException($"--ca {path}: is a folder; name a certificate file (PEM, DER or PKCS#7).");
            if (!File.Exists(path)) throw new UserErrorException($"--ca {path}: file not found.");
            var parsed = FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(path)), passwords);
            if (parsed.Certificates.Count == 0)
            {
                var why = parsed.Issues.Count > 0 ? parsed.Issues[0].Message : "no certificate in it";
                throw new UserErrorException($"--ca {path}: {why}.");
            }
            anchors.AddRange(parsed.Certificates);
        }
        if (settings.SystemTrust) anchors.AddRange(SystemRoots());
        return anchors;
    }

    /// <summary>The operating system's trusted roots (on Linux, OpenSSL's certificate folder), parsed like a file's.</summary>
    private static List<CertificateInfo> SystemRoots()
    {
        var file = new SourceFile("system trust store", "system trust store", 0, null);
        var roots = new List<CertificateInfo>();
        using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (CryptographicException)
        {
            return roots;
        }
        foreach (var (cert, i) in store.Certificates.Select((c, i) => (c, i)))
        {
            using (cert)
            {
                try
                {
                    roots.Add(CertificateParser.Parse(cert.RawData, new SourceLocation(file, 1, 1, i), ObjectFormat.Der));
                }
                catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or CryptographicException or ArgumentException or FormatException)
                {
                    // A root the parser cannot read anchors nothing; the others still do.
                }
            }
        }
        return roots;
    }
}
