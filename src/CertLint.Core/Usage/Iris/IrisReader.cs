using System.Text.RegularExpressions;

namespace CertLint.Usage.Iris;

/// <summary>
/// InterSystems IRIS TLS configurations (Security.SSLConfigs) in the three forms a repository holds them:
/// configuration-merge files (`[Actions]` CreateSSLConfig / ModifySSLConfig), client settings files (SSLDefs.ini) and
/// XML exports of the configurations. Each configuration becomes one usage (see <see cref="IrisConfig"/>).
/// </summary>
public sealed partial class IrisReader : IConfigReader
{
    public string Format => "iris";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            return text.Contains("<CertificateFile", StringComparison.Ordinal) || text.Contains("<SSLConfigs", StringComparison.Ordinal);
        if (name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase))
            return name.StartsWith("SSLDefs", StringComparison.OrdinalIgnoreCase) || (IniFileKey().IsMatch(text) && IniTlsKey().IsMatch(text));
        return MergeAction().IsMatch(text);
    }

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var name = source.File.RelativePath;
        if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) IrisXml.Read(source, result);
        else if (name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase)) SslDefsIni.Read(source, result);
        else IrisMerge.Read(source, result);
    }

    [GeneratedRegex(@"^[ \t]*(Create|Modify)SSLConfig[ \t]*:", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    internal static partial Regex MergeAction();

    [GeneratedRegex(@"^[ \t]*(CertFile|CAfile|KeyFile)[ \t]*=", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex IniFileKey();

    [GeneratedRegex(@"^[ \t]*(VerifyPeer|TLSMinVersion|TLSMaxVersion|SSLConfig)[ \t]*=", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex IniTlsKey();
}
