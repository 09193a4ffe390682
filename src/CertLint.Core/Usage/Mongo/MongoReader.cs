using System.Text.RegularExpressions;
using CertLint.Model;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Mongo;

/// <summary>
/// MongoDB mongod.conf / mongos.conf (YAML). `net.tls` (or the older `net.ssl`, its own names) with a mode other than
/// disabled is a TLS server serving `certificateKeyFile` (one PEM holding the certificate and its key), verifying client
/// certificates against `CAFile` unless `allowConnectionsWithoutCertificates` or `allowInvalidCertificates`. A replica
/// set or sharded cluster member (`replication.replSetName`, `sharding`) or a `clusterFile` also makes a TLS client: the
/// connections to the other members, presenting `clusterFile` (else `certificateKeyFile`) and verifying them with
/// `clusterCAFile` (else `CAFile`) unless `allowInvalidCertificates`. `disabledProtocols` removes versions from TLS1_0
/// to TLS1_3; unset, MongoDB disables TLS1_0 only. Paths resolve against the file's folder, absolute ones by their tail.
/// </summary>
public sealed partial class MongoReader : IConfigReader
{
    /// <summary>The names of one setting in net.tls and in the legacy net.ssl.</summary>
    private sealed record Names(string Tls, string Ssl);

    private static readonly Names Mode = new("mode", "mode");
    private static readonly Names CertificateKeyFile = new("certificateKeyFile", "PEMKeyFile");
    private static readonly Names CertificateKeyFilePassword = new("certificateKeyFilePassword", "PEMKeyPassword");
    private static readonly Names CertificateSelector = new("certificateSelector", "certificateSelector");
    private static readonly Names CaFile = new("CAFile", "CAFile");
    private static readonly Names CrlFile = new("CRLFile", "CRLFile");
    private static readonly Names ClusterFile = new("clusterFile", "clusterFile");
    private static readonly Names ClusterPassword = new("clusterPassword", "clusterPassword");
    private static readonly Names ClusterCaFile = new("clusterCAFile", "clusterCAFile");
    private static readonly Names WithoutCertificates = new("allowConnectionsWithoutCertificates", "allowConnectionsWithoutCertificates");
    private static readonly Names InvalidCertificates = new("allowInvalidCertificates", "allowInvalidCertificates");
    private static readonly Names InvalidHostnames = new("allowInvalidHostnames", "allowInvalidHostnames");
    private static readonly Names DisabledProtocols = new("disabledProtocols", "disabledProtocols");

    public string Format => "mongodb";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (name is "mongod.conf" or "mongos.conf" or "mongod.cfg" or "mongos.cfg" or "mongodb.conf") return true;
        return Path.GetExtension(name) is ".conf" or ".cfg" or ".yaml" or ".yml" && Net().IsMatch(text) && TlsBlock().IsMatch(text);
    }

    [GeneratedRegex(@"^net:[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex Net();

    [GeneratedRegex(@"^[ \t]+(tls|ssl):[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex TlsBlock();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not [var root, ..]) return;
        var net = root.Get("net");
        var (block, legacy) = net.Get("tls") is YamlMappingNode tls ? (tls, false) : net.Get("ssl") is YamlMappingNode ssl ? (ssl, true) : (null, false);
        if (block is null) return;
        var prefix = legacy ? "net.ssl." : "net.tls.";
        string Key(Names n) => legacy ? n.Ssl : n.Tls;
        YamlNode? Node(Names n) => block.Get(Key(n));
        FileReference? File(Names n) =>
            Node(n) is YamlScalarNode { Value.Length: > 0 } s ? UsagePaths.Reference(s.Value!, source.At(s.Line()), prefix + Key(n), source.Directory) : null;
        bool? Bool(Names n)
        {
            if (Node(n) is not { } node) return null;
            switch (node.Text()?.ToLowerInvariant())
            {
                case "true": return true;
                case "false": return false;
                default:
                    result.Error(source.At(node.Line()), $"{prefix}{Key(n)} must be true or false");
                    return null;
            }
        }
        SourceLocation? At(Names n) => Node(n) is { } node ? source.At(node.Line()) : null;
        LiteralSecret? Secret(Names n) =>
            Node(n) is YamlScalarNode { Value: { } v } s && LiteralSecret.IsLiteral(v) ? new LiteralSecret(source.At(s.Line()), prefix + Key(n)) : null;

        if (Node(Mode) is not YamlScalarNode { Value: { } mode } modeNode)
        {
            // At the tls: (ssl:) key: a block mapping starts at its first setting.
            var key = net.Entries().First(e => ReferenceEquals(e.Value, block)).Key;
            result.Error(source.At(key.Line()), $"{prefix}mode is not set while other TLS settings are (mongod does not start)");
            return;
        }
        var modeAt = source.At(modeNode.Line());
        // net.ssl.mode takes either spelling: mongod rewrites a trailing SSL to TLS.
        string[] modes = legacy
            ? ["disabled", "allowSSL", "preferSSL", "requireSSL", "allowTLS", "preferTLS", "requireTLS"]
            : ["disabled", "allowTLS", "preferTLS", "requireTLS"];
        if (!modes.Contains(mode))
        {
            result.Error(modeAt, $"invalid {prefix}mode: {string.Join(", ", modes[..4])} expected");
            return;
        }
        if (mode == "disabled") return;
        var cert = File(CertificateKeyFile);
        var selector = Node(CertificateSelector) is not null;
        if (cert is null && !selector)
        {
            result.Error(modeAt, $"{prefix}mode {mode} without {prefix}{Key(CertificateKeyFile)} or certificateSelector (mongod does not start)");
            return;
        }
        var ca = File(CaFile);
        var withoutCertificates = Bool(WithoutCertificates);
        var invalidCertificates = Bool(InvalidCertificates);
        var invalidHostnames = Bool(InvalidHostnames);
        var protocols = Protocols(Node(DisabledProtocols), modeAt, prefix + DisabledProtocols.Tls, result);
        var crl = File(CrlFile);
        if (crl is not null && ca is null) result.Error(crl.At, $"{prefix}CRLFile without {prefix}CAFile (mongod does not start)");
        var mongos = Path.GetFileName(source.File.RelativePath).StartsWith("mongos", StringComparison.OrdinalIgnoreCase) || root.Get("sharding").Get("configDB") is not null;
        var program = mongos ? "mongos" : "mongod";
        var port = net.Text("port");
        var settings = new Dictionary<string, string> { [prefix + "mode"] = mode };
        if (invalidHostnames == true) settings[prefix + InvalidHostnames.Tls] = "true";
        var serverSettings = selector ? new Dictionary<string, string>(settings) { ["certificateStore"] = $"the system certificate store ({prefix}certificateSelector)" } : settings;
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = modeAt,
            Service = $"{program} port {ConfigWords.Safe(port ?? "27017")}",
            Role = UsageRole.Server,
            Certificate = cert,
            Key = cert, // certificateKeyFile holds both: key-mismatch judges the pair inside it
            CaFiles = ca is null ? [] : [ca],
            CrlFiles = crl is null ? [] : [crl],
            VerifyPeer = ca is not null && withoutCertificates != true && invalidCertificates != true,
            VerifyAt = (invalidCertificates == true ? At(InvalidCertificates) : null) ?? (withoutCertificates == true ? At(WithoutCertificates) : null) ?? ca?.At,
            Protocols = protocols,
            LiteralSecrets = [.. new[] { Secret(CertificateKeyFilePassword) }.OfType<LiteralSecret>()],
            Settings = serverSettings,
        });
        var clusterFile = File(ClusterFile);
        var member = root.Get("replication").Get("replSetName") ?? (root.Get("sharding") is YamlMappingNode sharding ? sharding : null);
        if (clusterFile is null && member is null) return;
        var presented = clusterFile ?? (cert is null ? null : cert with { Directive = cert.Directive + " (outgoing connections)" });
        var clusterCa = File(ClusterCaFile) ?? ca;
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = clusterFile?.At ?? source.At(member!.Line()),
            Service = $"{program} connections to cluster members",
            Role = UsageRole.Client,
            Certificate = presented,
            Key = presented,
            CaFiles = clusterCa is null ? [] : [clusterCa],
            CrlFiles = crl is null ? [] : [crl],
            // Without a CA file MongoDB verifies members against the system's trust store: still verified.
            VerifyPeer = invalidCertificates != true,
            VerifyAt = At(InvalidCertificates),
            // allowInvalidHostnames keeps the chain check and drops the member's host name.
            VerifyHost = invalidCertificates == true ? null : invalidHostnames != true,
            VerifyHostAt = invalidCertificates == true ? null : At(InvalidHostnames),
            Protocols = protocols,
            // The server's key password is reported on the server usage, once.
            LiteralSecrets = [.. new[] { clusterFile is null ? null : Secret(ClusterPassword) }.OfType<LiteralSecret>()],
            Settings = settings,
        });
    }

    private static readonly TlsVersion[] Versions = [TlsVersion.Tls10, TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13];

    /// <summary>
    /// disabledProtocols "TLS1_0,TLS1_1" (or "none"): the versions left of TLS1_0 to TLS1_3. Unset, MongoDB disables
    /// TLS1_0 only (where TLS 1.1 is available), so TLS 1.1 stays on: the default is stated, at the mode line.
    /// </summary>
    private static ProtocolSetting? Protocols(YamlNode? node, SourceLocation modeAt, string directive, ConfigReadResult result)
    {
        if (node is null) return new ProtocolSetting([TlsVersion.Tls11, TlsVersion.Tls12, TlsVersion.Tls13], modeAt, directive + " (unset: MongoDB disables TLS1_0 only)");
        var at = new SourceLocation(modeAt.File, node.Line(), node.Line());
        var text = node.Text() ?? "";
        var disabled = new HashSet<TlsVersion>();
        foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "none" disables nothing; a "-TLS1_0" token (a negative prefix) keeps that version on.
            if (word.Equals("none", StringComparison.OrdinalIgnoreCase) || (word.StartsWith('-') && TlsVersions.Parse(word[1..]) is not null)) continue;
            if (word.StartsWith("TLS1_", StringComparison.Ordinal) && TlsVersions.Parse(word) is { } v and >= TlsVersion.Tls10) disabled.Add(v);
            else
            {
                result.Error(at, $"invalid {directive}: TLS1_0, TLS1_1, TLS1_2, TLS1_3 or none expected");
                return null;
            }
        }
        return new ProtocolSetting([.. Versions.Where(v => !disabled.Contains(v))], at, directive);
    }
}
