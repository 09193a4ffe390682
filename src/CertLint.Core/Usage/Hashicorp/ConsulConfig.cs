using CertLint.Model;

namespace CertLint.Usage.Hashicorp;

/// <summary>
/// A Consul agent's TLS: the <c>tls</c> block of Consul 1.12+ (<c>defaults</c>, overridden per interface by
/// <c>internal_rpc</c>, <c>https</c> and <c>grpc</c>) and the deprecated top-level keys it replaced (ca_file,
/// cert_file, key_file, verify_incoming[_rpc|_https], verify_outgoing, verify_server_hostname, tls_min_version), read
/// with that precedence. A server agent (<c>server = true</c>) with a certificate serves RPC; an agent with
/// <c>ports { https }</c> or <c>ports { grpc_tls }</c> serves those; an agent with <c>verify_outgoing</c> is a client of
/// the servers over RPC, checking their names only with <c>verify_server_hostname</c> (false by default: any
/// certificate the CA signed, a client agent's included, can then act as a server:
/// https://developer.hashicorp.com/consul/docs/reference/agent/configuration-file/tls).
/// </summary>
internal static class ConsulConfig
{
    public const string Format = "consul";

    private static readonly string[] Interfaces = ["defaults", "internal_rpc", "https", "grpc"];

    private static readonly string[] LegacyKeys = ["verify_incoming", "verify_incoming_rpc", "verify_incoming_https", "verify_outgoing", "verify_server_hostname"];

    public static bool Is(HclBody top) =>
        top.Section("tls") is { } tls && Interfaces.Any(i => tls.Section(i) is not null)
        || LegacyKeys.Any(k => top.Attribute(k) is not null)
        || (top.Attribute("cert_file") is not null && top.Attribute("server") is not null);

    /// <summary>Consul's tls_min_version: TLSv1_0 … TLSv1_3 (1.12+) or the deprecated tls10 … tls13.</summary>
    private static TlsVersion? Version(string text) => text switch
    {
        "TLSv1_0" => TlsVersion.Tls10,
        "TLSv1_1" => TlsVersion.Tls11,
        "TLSv1_2" => TlsVersion.Tls12,
        "TLSv1_3" => TlsVersion.Tls13,
        _ => HclSettings.TlsutilVersion(text),
    };

    public static void Read(HclBody top, ConfigSource source, ConfigReadResult result)
    {
        var ports = top.Section("ports");
        var rpc = Layers(top, source, result, "internal_rpc");
        var hostname = Find(rpc, "verify_server_hostname");
        // With verify_server_hostname every agent, servers calling each other included, wants server.DATACENTER.DOMAIN.
        var checksName = hostname?.Bool("verify_server_hostname"); // read once: a bad value is one error
        var agent = new HclSettings(top, source, result, "");
        var name = checksName == true ? agent.ServerName("datacenter", "dc1", "consul", "domain") : null;
        if (agent.Bool("server") == true)
        {
            Server(top, source, result, "internal_rpc", "consul internal_rpc (server RPC)", "verify_incoming_rpc",
                name, hostname?.At("verify_server_hostname"));
        }
        if (Port(ports, "https")) Server(top, source, result, "https", "consul https", "verify_incoming_https");
        if (Port(ports, "grpc_tls")) Server(top, source, result, "grpc", "consul grpc_tls", null);
        if (Find(rpc, "verify_outgoing") is not { } outgoing || outgoing.Bool("verify_outgoing") != true) return;
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = outgoing.At("verify_outgoing")!,
            Service = "consul internal_rpc (to the servers)",
            Role = UsageRole.Client,
            Certificate = Find(rpc, "cert_file")?.File("cert_file"),
            Key = Find(rpc, "key_file")?.File("key_file"),
            CaFiles = CaFiles(rpc, source),
            VerifyPeer = true,
            VerifyAt = outgoing.At("verify_outgoing"),
            VerifyHost = checksName ?? false,
            VerifyHostAt = hostname?.At("verify_server_hostname"),
            PeerHost = name,
            Protocols = Protocols(rpc),
        });
    }

    /// <summary>A port set to a positive number (Consul's -1 disables a listener).</summary>
    private static bool Port(HclBody? ports, string name) =>
        ports?.Attribute(name)?.Value.Literal is { } text && int.TryParse(text, out var port) && port > 0;

    /// <summary>
    /// A listener serving TLS with the interface's certificate: verify_incoming requires and verifies client
    /// certificates; otherwise none is required (whether one is asked for is not concluded).
    /// </summary>
    private static void Server(HclBody top, ConfigSource source, ConfigReadResult result, string iface, string service, string? legacyVerify,
        string? name = null, SourceLocation? nameAt = null)
    {
        var layers = Layers(top, source, result, iface, legacyVerify);
        if (Find(layers, "cert_file") is not { } cert) return;
        var incoming = Find(layers, "verify_incoming", legacyVerify);
        var key = incoming is null ? null : incoming.Get("verify_incoming") is not null ? "verify_incoming" : legacyVerify!;
        var verify = key is null ? null : incoming!.Bool(key);
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = cert.At("cert_file")!,
            Service = service,
            Role = UsageRole.Server,
            Certificate = cert.File("cert_file"),
            Key = Find(layers, "key_file")?.File("key_file"),
            CaFiles = CaFiles(layers, source),
            RequestsClientCertificate = verify == true ? true : null,
            VerifyPeer = verify ?? false,
            VerifyAt = key is null ? null : incoming!.At(key),
            Hosts = name is null ? [] : [name],
            HostsAt = nameAt,
            Protocols = Protocols(layers),
        });
    }

    /// <summary>Where an interface's settings come from, first match wins: tls.IFACE, tls.defaults, then the deprecated top-level keys.</summary>
    private static List<HclSettings> Layers(HclBody top, ConfigSource source, ConfigReadResult result, string iface, string? legacyVerify = null)
    {
        var layers = new List<HclSettings>();
        if (top.Section("tls") is { } tls)
        {
            if (tls.Section(iface) is { } own) layers.Add(new HclSettings(own, source, result, $"tls.{iface}."));
            if (tls.Section("defaults") is { } defaults) layers.Add(new HclSettings(defaults, source, result, "tls.defaults."));
        }
        layers.Add(new HclSettings(top, source, result, ""));
        return layers;
    }

    /// <summary>
    /// The first layer that writes <paramref name="key"/>, or whose top level (the last layer) writes its deprecated
    /// interface-specific spelling (verify_incoming_rpc, verify_incoming_https).
    /// </summary>
    private static HclSettings? Find(List<HclSettings> layers, string key, string? legacy = null) =>
        layers.FirstOrDefault(l => l.Get(key) is not null || (legacy is not null && ReferenceEquals(l, layers[^1]) && l.Get(legacy) is not null));

    private static List<FileReference> CaFiles(List<HclSettings> layers, ConfigSource source)
    {
        var files = new List<FileReference>();
        if (Find(layers, "ca_file")?.File("ca_file") is { } ca) files.Add(ca);
        if (Find(layers, "ca_path")?.File("ca_path") is { } dir) files.AddRange(UsagePaths.CaFolder(dir, source));
        return files;
    }

    /// <summary>tls_min_version (Consul's default TLSv1_2) up to TLS 1.3, when set; another value is refused.</summary>
    private static ProtocolSetting? Protocols(List<HclSettings> layers)
    {
        if (Find(layers, "tls_min_version") is not { } s) return null;
        if (s.Version("tls_min_version", Version, "TLSv1_0, TLSv1_1, TLSv1_2 or TLSv1_3") is not { } min) return null;
        return new ProtocolSetting(TlsVersions.Range(min, TlsVersion.Tls13), s.At("tls_min_version")!, s.Directive("tls_min_version"));
    }
}
