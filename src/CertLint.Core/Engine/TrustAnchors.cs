using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Engine;

/// <summary>Reads the --ca / trust.anchors files and the --crl / validation.crls files. They serve path validation but are not linted themselves.</summary>
internal static class TrustAnchors
{
    public static IReadOnlyList<CertificateInfo> Load(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.CaFiles.SelectMany(path => Read(settings, passwords, path, "--ca", "a certificate file (PEM, DER or PKCS#7)", p => p.Certificates, "no certificate in it"))];

    public static IReadOnlyList<CrlInfo> LoadCrls(LintSettings settings, IPasswordSource passwords) =>
        [.. settings.Validation.CrlFiles.SelectMany(path => Read(settings, passwords, path, "--crl", "a CRL file (PEM or DER)", p => p.Crls, "no CRL in it"))];

    private static IReadOnlyList<T> Read<T>(LintSettings settings, IPasswordSource passwords, string path, string option, string what,
        Func<ParsedFile, IReadOnlyList<T>> select, string none)
    {
        if (Directory.Exists(path)) throw new UserErrorException($"{option} {path}: is a folder; name {what}.");
        if (!File.Exists(path)) throw new UserErrorException($"{option} {path}: file not found.");
        var parsed = FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(path)), passwords);
        var items = select(parsed);
        if (items.Count == 0)
        {
            var why = parsed.Issues.Count > 0 ? parsed.Issues[0].Message : none;
            throw new UserErrorException($"{option} {path}: {why}.");
        }
        return items;
    }
}
