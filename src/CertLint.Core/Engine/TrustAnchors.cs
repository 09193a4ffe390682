using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Parsing;

namespace CertLint.Engine;

/// <summary>Reads the --ca / trust.anchors files and the --crl / validation.crls files. They serve path validation but are not linted themselves.</summary>
internal static class TrustAnchors
{
    public static IReadOnlyList<CertificateInfo> Load(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.CaFiles.SelectMany(path => Read(settings, passwords, path,
            settings.CaFilesFromConfig ? $"trust.anchors in {SettingsResolver.Display(settings.ConfigFile ?? "", settings.WorkingDirectory)}:" : "--ca", "a certificate file (PEM, DER or PKCS#7)", p => p.Certificates, "no certificate in it")),
            .. settings.SystemTrust ? SystemRoots() : []];

    public static IReadOnlyList<CrlInfo> LoadCrls(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.Validation.CrlFiles.SelectMany(path => Read(settings, passwords, path, "--crl", "a CRL file (PEM or DER)", p => p.Crls, "no CRL in it"))];

    private static IReadOnlyList<T> Read<T>(LintSettings settings, IPasswordSource passwords, string path, string option, string what,
        Func<ParsedFile, IReadOnlyList<T>> select, string none)
    {
        var shown = settings.WorkingDirectory.Length > 0 ? SettingsResolver.Display(path, settings.WorkingDirectory) : path;
        if (Directory.Exists(path)) throw new UserErrorException($"{option} {shown}: is a folder; name {what}.");
        if (!File.Exists(path)) throw new UserErrorException($"{option} {shown}: file not found.");
        var parsed = FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(path)), passwords);
        var items = select(parsed);
        if (items.Count == 0)
        {
            var why = parsed.Issues.Count > 0 ? parsed.Issues[0].Message : none;
            throw new UserErrorException($"{option} {shown}: {why}.");
        }
        return items;
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
