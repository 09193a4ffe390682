using System.Text.RegularExpressions;
using CertLint.Model;
using CertLint.Usage.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Traefik;

/// <summary>
/// Traefik's file-provider configuration in YAML or TOML (dynamic: <c>tls.certificates</c>, <c>tls.stores.default</c>,
/// <c>tls.options</c>, <c>http.serversTransports</c>, <c>tcp.serversTransports</c>; static: <c>serversTransport</c>).
/// Traefik serves one pool of certificates and picks one by SNI, while TLS options apply per router: each certificate
/// is a server usage with its key, and each option a server usage of its own carrying its client authentication and
/// versions, so a weak option is one finding however many certificates it serves. A servers transport is a client
/// (the backends): <c>insecureSkipVerify</c> verifies nothing. Values Traefik reads as a file or as PEM text
/// (<c>FileOrContent</c>) are linted in place when they hold PEM.
/// </summary>
public sealed partial class TraefikReader : IConfigReader
{
    /// <summary>Traefik's version names (pkg/tls MinVersion/MaxVersion).</summary>
    private static readonly Dictionary<string, TlsVersion> Versions = new(StringComparer.Ordinal)
    {
        ["VersionTLS10"] = TlsVersion.Tls10, ["VersionTLS11"] = TlsVersion.Tls11,
        ["VersionTLS12"] = TlsVersion.Tls12, ["VersionTLS13"] = TlsVersion.Tls13,
    };

    /// <summary>crypto/tls client authentication types Traefik accepts, and what each does: (asks, verifies).</summary>
    private static readonly Dictionary<string, (bool Requests, bool Verifies)> ClientAuthTypes = new(StringComparer.Ordinal)
    {
        ["NoClientCert"] = (false, false),
        ["RequestClientCert"] = (true, false),
        ["RequireAnyClientCert"] = (true, false),
        ["VerifyClientCertIfGiven"] = (true, true),
        ["RequireAndVerifyClientCert"] = (true, true),
    };

    public string Format => "traefik";

    public bool Detect(string relativePath, string text) => Path.GetExtension(relativePath) switch
    {
        ".yml" or ".yaml" => TopLevel().IsMatch(text) && TlsKey().IsMatch(text),
        ".toml" => TomlTable().IsMatch(text) && TomlTlsKey().IsMatch(text),
        _ => false,
    };

    [GeneratedRegex(@"^(tls|http|tcp|serversTransport):[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex TopLevel();

    [GeneratedRegex(@"^[ \t]+-?[ \t]*(certFile|serversTransports|clientAuth|clientAuthType|minVersion|maxVersion|insecureSkipVerify|rootCAs|defaultCertificate):", RegexOptions.Multiline)]
    private static partial Regex TlsKey();

    /// <summary>A TOML table header under one of the same top-level keys ([tls.options.x], [[tls.certificates]], [serversTransport]).</summary>
    [GeneratedRegex(@"^[ \t]*\[\[?[ \t]*(tls|http|tcp|serversTransport)[ \t]*[.\]]", RegexOptions.Multiline)]
    private static partial Regex TomlTable();

    [GeneratedRegex(@"^[ \t]*(certFile|serversTransports\.|clientAuthType|minVersion|maxVersion|insecureSkipVerify|rootCAs|caFiles|defaultCertificate\.)[^=\n]*=", RegexOptions.Multiline)]
    private static partial Regex TomlTlsKey();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var root = Path.GetExtension(source.File.RelativePath) == ".toml"
            ? TomlYaml.Load(source, result)
            : ManifestYaml.Load(source, result) is [var first, ..] ? first : null;
        if (root is null) return;
        var tls = root.Get("tls");
        var i = 0;
        foreach (var item in tls.Get("certificates").Items())
        {
            AddCertificate(source, result, item, $"traefik tls.certificates[{i}]", $"tls.certificates[{i}]");
            i++;
        }
        if (tls.Get("stores").Get("default").Get("defaultCertificate") is YamlMappingNode fallback)
        {
            AddCertificate(source, result, fallback, "traefik default certificate", "tls.stores.default.defaultCertificate");
        }
        foreach (var (key, option) in tls.Get("options").Entries())
        {
            if (key.Text() is { } name && option is YamlMappingNode map) AddOption(source, result, name, map, source.At(key.Line()));
        }
        foreach (var protocol in new[] { "http", "tcp" })
        {
            foreach (var (key, transport) in root.Get(protocol).Get("serversTransports").Entries())
            {
                if (key.Text() is { } name && transport is YamlMappingNode map)
                {
                    AddTransport(source, result, map, source.At(key.Line()), $"traefik {protocol}.serversTransports {ConfigWords.Safe(name)}",
                        $"{protocol}.serversTransports.{ConfigWords.Safe(name)}");
                }
            }
        }
        var staticKey = root.Entries().FirstOrDefault(e => e.Key.Text() == "serversTransport");
        if (staticKey.Value is YamlMappingNode staticTransport)
        {
            AddTransport(source, result, staticTransport, source.At(staticKey.Key.Line()), "traefik serversTransport (static)", "serversTransport");
        }
    }

    /// <summary>A certificate of the pool (or the store's default): served by SNI, with its key.</summary>
    private static void AddCertificate(ConfigSource source, ConfigReadResult result, YamlNode item, string service, string path)
    {
        var cert = FileOrContent(source, result, item.Get("certFile"), $"{path}.certFile");
        var key = FileOrContent(source, result, item.Get("keyFile"), $"{path}.keyFile");
        if (cert is null && key is null) return;
        result.Usages.Add(new TlsUsage
        {
            Format = "traefik",
            Location = source.At(item.Line()),
            Service = service,
            Role = UsageRole.Server,
            Certificate = cert,
            Key = key,
        });
    }

    private static void AddOption(ConfigSource source, ConfigReadResult result, string name, YamlMappingNode option, SourceLocation at)
    {
        var path = $"tls.options.{ConfigWords.Safe(name)}";
        var caFiles = option.Get("clientAuth").Get("caFiles").Items().Select((n, i) => FileOrContent(source, result, n, $"{path}.clientAuth.caFiles[{i}]"))
            .OfType<FileReference>().ToList();
        var hasCa = option.Get("clientAuth").Get("caFiles") is YamlSequenceNode { Children.Count: > 0 };
        if (Option(source, result, option, $"traefik tls.options {ConfigWords.Safe(name)}", at, hasCa, caFiles) is { } usage) result.Usages.Add(usage);
    }

    /// <summary>
    /// A TLS option (the file provider's tls.options.NAME, a TLSOption's spec): a CA (caFiles, secretNames) makes
    /// Traefik require and verify client certificates unless clientAuthType says otherwise (buildTLSConfig); a
    /// verifying type without a CA, or an unknown type, makes Traefik drop the option (a parse issue here, no usage).
    /// minVersion/maxVersion bound the versions; a name Traefik does not know it ignores.
    /// </summary>
    internal static TlsUsage? Option(ConfigSource source, ConfigReadResult result, YamlMappingNode option, string service, SourceLocation at,
        bool hasCa, List<FileReference> caFiles, string caKey = "caFiles")
    {
        var typeNode = option.Get("clientAuth").Get("clientAuthType");
        var (requests, verifies) = hasCa ? (true, true) : (false, false);
        if (typeNode?.Text() is { } type)
        {
            if (!ClientAuthTypes.TryGetValue(type, out var mode))
            {
                result.Error(source.At(typeNode.Line()), "unknown clientAuthType: NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven or RequireAndVerifyClientCert expected (Traefik drops the option)");
                return null;
            }
            if (mode.Verifies && !hasCa)
            {
                result.Error(source.At(typeNode.Line()), $"clientAuthType {type} without {caKey} (Traefik drops the option)");
                return null;
            }
            (requests, verifies) = mode;
        }
        return new TlsUsage
        {
            Format = "traefik",
            Location = at,
            Service = service,
            Role = UsageRole.Server,
            CaFiles = caFiles,
            VerifyPeer = verifies,
            VerifyAt = typeNode is null ? null : source.At(typeNode.Line()),
            RequestsClientCertificate = requests,
            Protocols = Protocols(source, result, option),
        };
    }

    private static ProtocolSetting? Protocols(ConfigSource source, ConfigReadResult result, YamlNode option)
    {
        TlsVersion? Version(string key, out YamlNode? node)
        {
            node = option.Get(key);
            if (node?.Text() is not { } text) return null;
            if (Versions.TryGetValue(text, out var v)) return v;
            result.Error(source.At(node.Line()), $"unknown {key}: VersionTLS10, VersionTLS11, VersionTLS12 or VersionTLS13 expected (Traefik ignores it)");
            return null;
        }
        var min = Version("minVersion", out var minNode);
        var max = Version("maxVersion", out var maxNode);
        if (min is null && max is null) return null;
        var at = min is not null ? minNode! : maxNode!;
        // maxVersion alone keeps the default minimum, TLS 1.2 (Traefik's default option; Go servers since 1.22): an open
        // end here would read as SSLv2 and report versions the server never offers.
        return new ProtocolSetting(TlsVersions.Range(min ?? (max < TlsVersion.Tls12 ? max : TlsVersion.Tls12), max), source.At(at.Line()),
            min is not null ? "minVersion" : "maxVersion");
    }

    /// <summary>
    /// A servers transport: Traefik as the backends' client, presenting its first certificate, trusting rootCAs (else
    /// the system's), checking serverName (else the backend's host) unless insecureSkipVerify, which checks nothing.
    /// </summary>
    private static void AddTransport(ConfigSource source, ConfigReadResult result, YamlMappingNode transport, SourceLocation at, string service, string path) =>
        result.Usages.Add(Transport(source, result, transport, at, service, path));

    /// <summary>A servers transport (file provider or a ServersTransport's spec) as a client usage.</summary>
    internal static TlsUsage Transport(ConfigSource source, ConfigReadResult result, YamlMappingNode transport, SourceLocation at, string service, string path)
    {
        var first = transport.Get("certificates").Items().FirstOrDefault();
        var insecure = transport.Get("insecureSkipVerify");
        var skip = insecure?.Text()?.ToLowerInvariant() switch
        {
            null => false,
            "true" => true,
            "false" => false,
            _ => Invalid(insecure!),
        };
        bool Invalid(YamlNode node)
        {
            result.Error(source.At(node.Line()), $"{path}.insecureSkipVerify must be true or false");
            return false;
        }
        var rootCAs = transport.Get("rootCAs").Items().Select((n, i) => FileOrContent(source, result, n, $"{path}.rootCAs[{i}]")).OfType<FileReference>().ToList();
        return new TlsUsage
        {
            Format = "traefik",
            Location = at,
            Service = service,
            Role = UsageRole.Client,
            Certificate = first is null ? null : FileOrContent(source, result, first.Get("certFile"), $"{path}.certificates[0].certFile"),
            Key = first is null ? null : FileOrContent(source, result, first.Get("keyFile"), $"{path}.certificates[0].keyFile"),
            CaFiles = rootCAs,
            VerifyPeer = !skip,
            VerifyAt = insecure is null ? null : source.At(insecure.Line()),
            PeerHost = transport.Get("serverName").Text() is { Length: > 0 } name ? name : null,
        };
    }

    /// <summary>Traefik's FileOrContent: PEM text is linted where it is written; anything else is a path.</summary>
    private static FileReference? FileOrContent(ConfigSource source, ConfigReadResult result, YamlNode? node, string directive)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } value } scalar) return null;
        if (!value.Contains("-----BEGIN ", StringComparison.Ordinal)) return UsagePaths.Reference(value, source.At(scalar.Line()), directive, source.Directory);
        return EmbeddedPem.Embed(source, result, EmbeddedPem.Utf8(value), scalar, encoded: false, $"{directive} in {source.File.RelativePath}", "the PEM text", directive);
    }
}
