using CertLint.Model;

namespace CertLint.Usage.Tomcat;

/// <summary>
/// One SSLHostConfig (or a legacy connector's attributes) as server usages: one per Certificate, or one for the
/// certificate attributes written on the SSLHostConfig or connector itself. What Tomcat documents is what is read:
/// <list type="bullet">
/// <item>certificateVerification: none (the default), optional / want and required / true verify the client's chain;
/// optionalNoCA asks for a certificate and accepts any (OpenSSL; JSSE treats it as optional); another value is an
/// issue, as Tomcat refuses it.</item>
/// <item>truststoreFile (a keystore of trusted certificates), caCertificateFile and caCertificatePath: the client
/// CAs; certificateRevocationListFile / Path the CRLs.</item>
/// <item>protocols in Tomcat's syntax (<see cref="Protocols"/>); unset, Tomcat's `all` and the JVM's own limits.</item>
/// <item>certificateKeystoreFile (JKS or PKCS#12: certificate and key in one file; `${user.home}/.keystore` when no
/// certificate file is named at all), or PEM certificateFile, certificateKeyFile (default: the certificate file) and
/// certificateChainFile.</item>
/// <item>passwords written literally (certificateKeystorePassword, certificateKeyPassword, truststorePassword, and
/// the legacy names), each line once, never the value.</item>
/// </list>
/// Paths resolve against $CATALINA_BASE; a leading `${catalina.base}` or `${catalina.home}` is that folder; other
/// `${...}` properties and URLs are not followed.
/// </summary>
internal sealed class TomcatHost(ConfigSource source, ConfigReadResult result, string catalinaBase)
{
    private const string DefaultHost = "_default_";

    private readonly HashSet<TomcatAttribute> _secretsTold = new(ReferenceEqualityComparer.Instance);

    public void Add(TomcatElement element, Dictionary<string, TomcatAttribute> host, List<TomcatElement> certificates, string connector)
    {
        TomcatAttribute? Get(string name) => host.GetValueOrDefault(name);
        var hostName = Get("hostName") is { } h && h.Value.Trim().ToLowerInvariant() is { Length: > 0 } n && n != DefaultHost ? (n, h) : default;
        var service = connector + (hostName.n is { } name ? " " + (IsHostName(name) ? name : "(host)") : "");
        var verification = Verification(Get("certificateVerification"));
        var truststore = File(Get("truststoreFile"));
        var common = new TlsUsage
        {
            Format = TomcatReader.Name,
            Location = source.At(element.Line),
            Service = service,
            Role = UsageRole.Server,
            CaFiles = [.. new[] { truststore, File(Get("caCertificateFile")) }.OfType<FileReference>(),
                .. File(Get("caCertificatePath")) is { } dir ? UsagePaths.CaFolder(dir, source) : []],
            CrlFiles = [.. new[] { File(Get("certificateRevocationListFile")) }.OfType<FileReference>(),
                .. File(Get("certificateRevocationListPath")) is { } crls ? UsagePaths.FolderFiles(crls, source.Directory, source.Root, _ => true, UsagePaths.MaxCaFolderFiles) ?? [crls] : []],
            VerifyPeer = verification.Mode is "required" or "optional",
            VerifyAt = verification.At,
            RequestsClientCertificate = verification.Mode != "none",
            Protocols = Protocols(Get("protocols")),
            Hosts = hostName.n is { } host1 && IsHostName(host1) ? [host1] : [],
            HostsAt = hostName.h is { } at ? source.At(at.Line) : null,
            Settings = new Dictionary<string, string> { ["certificateVerification"] = verification.Mode },
        };
        var trustSecret = Secret(Get("truststorePassword"), truststore?.Path);
        if (certificates.Count == 0)
        {
            // The certificate attributes on the SSLHostConfig (Tomcat 8.5 and 9 accept them there) or the connector.
            result.Usages.Add(Certificate(common, host, element) with { LiteralSecrets = Secrets(host, trustSecret) });
            return;
        }
        foreach (var certificate in certificates)
        {
            var first = ReferenceEquals(certificate, certificates[0]);
            var type = certificate.Get("type")?.Value.Trim() is { Length: > 0 } t ? ConfigWords.Safe(t) : null;
            result.Usages.Add(Certificate(common, certificate.Attributes, element) with
            {
                // RSA and EC certificates of one host: each its own usage, at its own element.
                Location = certificates.Count == 1 ? common.Location : source.At(certificate.Line),
                Service = certificates.Count == 1 || type is null ? service : $"{service} ({type})",
                // The host's truststore password is told with its first certificate.
                LiteralSecrets = Secrets(certificate.Attributes, first ? trustSecret : null),
            });
        }
    }

    /// <summary>The certificate, key and chain of one certificate: PEM files when certificateFile is set, else the keystore.</summary>
    private TlsUsage Certificate(TlsUsage common, Dictionary<string, TomcatAttribute> a, TomcatElement element)
    {
        var pem = File(a.GetValueOrDefault("certificateFile"));
        if (pem is not null)
            return common with { Certificate = pem, Key = File(a.GetValueOrDefault("certificateKeyFile")) ?? pem, Chain = File(a.GetValueOrDefault("certificateChainFile")) };
        // A PKCS#11 token or an empty / NONE keystore file: no file holds the key.
        var type = a.GetValueOrDefault("certificateKeystoreType")?.Value.Trim();
        if (string.Equals(type, "PKCS11", StringComparison.OrdinalIgnoreCase)) return common;
        var store = a.GetValueOrDefault("certificateKeystoreFile") is { } written
            ? File(written)
            : new FileReference("${user.home}/.keystore", source.At(element.Line), "certificateKeystoreFile (default)");
        return common with { Certificate = store, Key = store };
    }

    /// <summary>certificateVerification as Tomcat's CertificateVerification.fromString reads it; unset is none.</summary>
    private (string Mode, SourceLocation? At) Verification(TomcatAttribute? attribute)
    {
        if (attribute is null) return ("none", null);
        var at = source.At(attribute.Line);
        switch (attribute.Value.Trim().ToLowerInvariant())
        {
            case "required" or "require" or "true" or "yes": return ("required", at);
            case "optional" or "want": return ("optional", at);
            case "optionalnoca" or "optional_no_ca": return ("optionalNoCA", at);
            case "none" or "false" or "no": return ("none", at);
            default:
                // Tomcat logs the error and requires client certificates, the strictest (SSLHostConfig.setCertificateVerification).
                result.Error(at, $"invalid {attribute.Name}: none, optional, optionalNoCA or required expected (true, want or false for clientAuth); Tomcat logs it and requires client certificates");
                return ("required", at);
        }
    }

    /// <summary>
    /// protocols (legacy sslEnabledProtocols, SSLProtocol): names separated by `,`, `+` or `-`, each adding (`+`, `,`,
    /// none) or removing (`-`) from an empty set, left to right; `all` is SSLv2Hello, TLSv1, TLSv1.1, TLSv1.2 and TLSv1.3
    /// (SSLHostConfig.setProtocols). SSLv2Hello is no version and is skipped. An unknown name or an empty result is an
    /// issue. (The legacy `sslProtocol` names the JSSE SSLContext algorithm, TLS by default: it does not limit a
    /// server's versions, so it is not read.)
    /// </summary>
    private ProtocolSetting? Protocols(TomcatAttribute? attribute)
    {
        if (attribute is null) return null;
        var set = new HashSet<TlsVersion>();
        var value = attribute.Value;
        for (var i = 0; i < value.Length;)
        {
            var end = value.IndexOfAny(['+', '-', ','], i + 1);
            if (end < 0) end = value.Length;
            var token = value[i..end].Trim();
            i = end;
            var remove = token.StartsWith('-');
            if (token.Length > 0 && token[0] is '+' or '-' or ',') token = token[1..].Trim();
            if (token.Length == 0) continue;
            IEnumerable<TlsVersion> versions;
            if (token.Equals("all", StringComparison.OrdinalIgnoreCase)) versions = TlsVersions.Range(TlsVersion.Tls10, TlsVersion.Tls13);
            else if (token.Equals("SSLv2Hello", StringComparison.OrdinalIgnoreCase)) continue;
            else if ((token.StartsWith("TLSv", StringComparison.OrdinalIgnoreCase) || token.StartsWith("SSLv", StringComparison.OrdinalIgnoreCase))
                     && TlsVersions.Parse(token) is { } v) versions = [v];
            else
            {
                result.Error(source.At(attribute.Line), $"invalid {attribute.Name}: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or all expected, joined by + or , (- removes)");
                return null;
            }
            foreach (var v in versions)
            {
                if (remove) set.Remove(v);
                else set.Add(v);
            }
        }
        if (set.Count > 0) return new ProtocolSetting([.. set.Order()], source.At(attribute.Line), attribute.Name);
        result.Error(source.At(attribute.Line), $"{attribute.Name} enables no TLS version: the connector cannot start");
        return null;
    }

    /// <summary>
    /// A path attribute: relative to $CATALINA_BASE (a leading ${catalina.base} or ${catalina.home} is that folder),
    /// absolute ones left to the linker's tail lookup; null when empty, NONE, another ${property} or a URL.
    /// </summary>
    private FileReference? File(TomcatAttribute? attribute)
    {
        if (attribute is null) return null;
        var written = attribute.Value.Trim();
        var path = written;
        foreach (var prefix in (string[])["${catalina.base}", "${catalina.home}"])
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal)) path = "." + path[prefix.Length..];
        }
        if (path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && !path.StartsWith("file://", StringComparison.OrdinalIgnoreCase)) path = path[5..];
        if (path.Length == 0 || path.Equals("NONE", StringComparison.Ordinal) || path.Contains("${", StringComparison.Ordinal)
            || (path.IndexOf(':') is > 1 and var colon && !UsagePaths.IsAbsolute(path) && path[..colon].All(char.IsAsciiLetter))) return null;
        var reference = UsagePaths.Reference(path, source.At(attribute.Line), attribute.Name, catalinaBase);
        return reference with { Path = written };
    }

    /// <summary>A literal password (not a ${property} Tomcat substitutes), once per line however many usages share it.</summary>
    private LiteralSecret? Secret(TomcatAttribute? attribute, string? protects = null) =>
        attribute is not null && LiteralSecret.IsLiteral(attribute.Value) && _secretsTold.Add(attribute)
            ? new LiteralSecret(source.At(attribute.Line), attribute.Name, protects) : null;

    private List<LiteralSecret> Secrets(Dictionary<string, TomcatAttribute> certificate, LiteralSecret? trust) =>
        [.. new[] { Secret(certificate.GetValueOrDefault("certificateKeystorePassword")), Secret(certificate.GetValueOrDefault("certificateKeyPassword")), trust }
            .OfType<LiteralSecret>().OrderBy(s => s.At.StartLine)];

    /// <summary>A name Tomcat matches against SNI: letters, digits, '-', '.', a leading "*." wildcard.</summary>
    private static bool IsHostName(string name) =>
        name.Length <= 253 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '*') && name.LastIndexOf('*') <= 0;
}
