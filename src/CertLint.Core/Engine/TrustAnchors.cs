using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Model;
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
        return anchors;
    }
}
