namespace CertLint.Usage.Hashicorp;

/// <summary>
/// A Nomad agent's <c>tls</c> block (https://developer.hashicorp.com/nomad/docs/configuration/tls): <c>http = true</c>
/// serves the HTTP API with cert_file (client certificates verified only with <c>verify_https_client</c>);
/// <c>rpc = true</c> is mutual TLS between agents: a server agent (<c>server { enabled = true }</c>) requires and
/// verifies the other agents' certificates, and every agent is a client of the servers, checking their names
/// (server.REGION.nomad) only with <c>verify_server_hostname</c>. Nomad's <c>vault { }</c> block is a client of Vault
/// (ca_file, cert_file, key_file, tls_skip_verify, tls_server_name).
/// </summary>
internal static class NomadConfig
{
    public const string Format = "nomad";

    /// <summary>A tls block with Nomad's own switches, or Nomad's server or client blocks (Consul writes server = true).</summary>
    private static readonly string[] OwnKeys = ["http", "rpc", "verify_https_client", "rpc_upgrade_mode"];

    public static bool Is(HclBody top) =>
        top.Section("tls") is { } tls && OwnKeys.Any(k => tls.Attribute(k) is not null)
        || top.BlocksOf("server").Any() || top.BlocksOf("client").Any();


    public static void Read(HclBody top, ConfigSource source, ConfigReadResult result)
    {
        if (top.Section("vault") is { } vault)
        {
            HashicorpReader.VaultClient(vault, source, result, Format, "vault.", "ca_file", "cert_file", "key_file", "nomad to vault");
        }
        if (top.BlocksOf("tls").FirstOrDefault() is not { } block) return;
        var s = new HclSettings(block.Body, source, result, "tls.");
        var protocols = s.Version("tls_min_version", HclSettings.TlsutilVersion, HclSettings.TlsutilWords) is { } min
            ? new ProtocolSetting(TlsVersions.Range(min, TlsVersion.Tls13), s.At("tls_min_version")!, "tls.tls_min_version")
            : null;
        TlsUsage Usage(string service, UsageRole role) => new()
        {
            Format = Format,
            Location = source.At(block.Line),
            Service = service,
            Role = role,
            Certificate = s.File("cert_file"),
            Key = s.File("key_file"),
            CaFiles = s.File("ca_file") is { } ca ? [ca] : [],
            Protocols = protocols,
        };
        if (s.Bool("http") == true)
        {
            var verify = s.Bool("verify_https_client");
            result.Usages.Add(Usage("nomad http", UsageRole.Server) with
            {
                RequestsClientCertificate = verify == true ? true : null,
                VerifyPeer = verify ?? false,
                VerifyAt = s.At("verify_https_client"),
            });
        }
        if (s.Bool("rpc") != true) return;
        var server = top.BlocksOf("server").Any(b => new HclSettings(b.Body, source, result, "server.").Bool("enabled") == true);
        var checksName = s.Bool("verify_server_hostname") == true;
        // With verify_server_hostname every agent, servers calling each other included, wants server.REGION.nomad.
        var name = checksName ? new HclSettings(top, source, result, "").ServerName("region", "global", "nomad") : null;
        if (server)
        {
            result.Usages.Add(Usage("nomad rpc (server)", UsageRole.Server) with
            {
                RequestsClientCertificate = true,
                VerifyPeer = true,
                VerifyAt = s.At("rpc"),
                Hosts = name is null ? [] : [name],
                HostsAt = name is null ? null : s.At("verify_server_hostname"),
            });
        }
        result.Usages.Add(Usage("nomad rpc (to the servers)", UsageRole.Client) with
        {
            VerifyPeer = true,
            VerifyAt = s.At("rpc"),
            VerifyHost = checksName,
            VerifyHostAt = s.At("verify_server_hostname"),
            PeerHost = name,
        });
    }
}
