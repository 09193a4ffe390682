namespace CertLint.Usage.Tomcat;

/// <summary>
/// Apache Tomcat's server.xml: each TLS Connector (SSLEnabled="true") is one or more <b>server</b> usages, one per
/// SSLHostConfig (a virtual host, `_default_` when unnamed) and Certificate (RSA and EC certificates of one host are
/// two usages). The connector attributes of Tomcat 8.5 and before (keystoreFile, clientAuth, SSLCertificateFile...)
/// are read as the implicit default SSLHostConfig Tomcat 8.5 and 9 made of them (Tomcat 10 removed them). See
/// <see cref="TomcatHost"/> for what each attribute maps to.
/// </summary>
public sealed class TomcatReader : IConfigReader
{
    public const string Name = "tomcat";

    public string Format => Name;

    /// <summary>
    /// server.xml (any folder) whose root is a Server or that holds a Connector; another .xml only with a Connector and
    /// SSLEnabled (a fragment of one). IRIS XML exports (<c>&lt;SSLConfigs</c>, <c>&lt;CertificateFile</c>) are taken
    /// before, by <see cref="Iris.IrisReader"/>; nothing else here spells a capitalised <c>&lt;Connector</c>.
    /// </summary>
    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (!name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) return false;
        var connector = text.Contains("<Connector", StringComparison.Ordinal);
        if (name.Equals("server.xml", StringComparison.OrdinalIgnoreCase)) return connector || text.Contains("<Server", StringComparison.Ordinal);
        return connector && text.Contains("SSLEnabled", StringComparison.OrdinalIgnoreCase);
    }

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (TomcatXml.Read(source, result) is not { } connectors) return;
        var host = new TomcatHost(source, result, CatalinaBase(source));
        foreach (var connector in connectors)
        {
            // Tomcat speaks TLS on a connector only with SSLEnabled="true"; SSLHostConfig under another is not used.
            var enabled = connector.Get("SSLEnabled") ?? connector.Get("sslEnabled");
            if (!string.Equals(enabled?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)) continue;
            var port = connector.Get("port")?.Value.Trim();
            var service = "Connector" + (port is { Length: > 0 } && ConfigWords.Safe(port) == port ? " :" + port : "");
            var hosts = connector.Children;
            if (hosts.Count == 0) host.Add(connector, Legacy(connector), [], service);
            foreach (var config in hosts)
                host.Add(config, config.Attributes, [.. config.Children], service);
        }
    }

    /// <summary>
    /// $CATALINA_BASE, against which Tomcat resolves relative paths: the folder above conf/ when server.xml is in a
    /// conf/ folder (its place in every distribution), else the file's own folder.
    /// </summary>
    private static string CatalinaBase(ConfigSource source) =>
        Path.GetFileName(source.Directory).Equals("conf", StringComparison.OrdinalIgnoreCase) && Path.GetDirectoryName(source.Directory) is { } parent
            ? parent : source.Directory;

    /// <summary>
    /// The connector attributes Tomcat 8.5 and 9 moved to the connector's default SSLHostConfig and its Certificate, by
    /// their SSLHostConfig names (JSSE names first, the APR/OpenSSL ones after: the first written wins). Each keeps the
    /// name it was written under, which findings quote.
    /// </summary>
    private static readonly (string Legacy, string Modern)[] LegacyNames =
    [
        ("keystoreFile", "certificateKeystoreFile"), ("keystorePass", "certificateKeystorePassword"), ("keyPass", "certificateKeyPassword"),
        ("keystoreType", "certificateKeystoreType"), ("truststoreFile", "truststoreFile"), ("truststorePass", "truststorePassword"),
        ("clientAuth", "certificateVerification"), ("crlFile", "certificateRevocationListFile"), ("sslEnabledProtocols", "protocols"),
        ("SSLCertificateFile", "certificateFile"), ("SSLCertificateKeyFile", "certificateKeyFile"), ("SSLCertificateChainFile", "certificateChainFile"),
        ("SSLCACertificateFile", "caCertificateFile"), ("SSLCACertificatePath", "caCertificatePath"),
        ("SSLCARevocationFile", "certificateRevocationListFile"), ("SSLCARevocationPath", "certificateRevocationListPath"),
        ("SSLVerifyClient", "certificateVerification"), ("SSLPassword", "certificateKeyPassword"), ("SSLProtocol", "protocols"),
    ];

    private static Dictionary<string, TomcatAttribute> Legacy(TomcatElement connector)
    {
        var attributes = new Dictionary<string, TomcatAttribute>(StringComparer.Ordinal);
        foreach (var (legacy, modern) in LegacyNames)
        {
            if (connector.Get(legacy) is { } a) attributes.TryAdd(modern, a);
        }
        return attributes;
    }
}
