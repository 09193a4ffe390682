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
        // Say where the file was named: the option, or the config's trust.anchors.
        var source = settings.CaFilesFromConfig ? $"trust.anchors in {SettingsResolver.Display(settings.ConfigFile ?? "", settings.WorkingDirectory)}" : "--ca";
        foreach (var full in settings.CaFiles)
        {
            var path = SettingsResolver.Display(full, settings.WorkingDirectory.Length > 0 ? settings.WorkingDirectory : settings.Root);
            if (Directory.Exists(full)) throw new UserErrorException($"{source}: {path} is a folder; name a certificate file (PEM, DER or PKCS#7).");
            if (!File.Exists(full)) throw new UserErrorException($"{source}: {path}: file not found.");
            var parsed = FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(full)), passwords);
            if (parsed.Certificates.Count == 0)
            {
                var why = parsed.Issues.Count > 0 ? parsed.Issues[0].Message : "no certificate in it";
                throw new UserErrorException($"{source}: {path}: {why}.");
            }
            anchors.AddRange(parsed.Certificates);
        }
        return anchors;
    }
}
