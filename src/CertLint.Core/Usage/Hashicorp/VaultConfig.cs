namespace CertLint.Usage.Hashicorp;

/// <summary>
/// Vault's server, agent and proxy configurations: each <c>listener "tcp"</c> serves TLS unless <c>tls_disable</c>;
/// each <c>storage "raft"</c> <c>retry_join</c> is a client of the leader; an agent's or proxy's <c>vault { }</c> block
/// is a client of the Vault server. Defaults are Vault's (go-secure-stdlib listenerutil.TLSConfig, which Vault's
/// listeners use): TLS 1.2 to 1.3, and client certificates requested (Go's tls.RequestClientCert) but verified at the
/// TLS layer only with <c>tls_require_and_verify_client_cert</c>, the one setting under which <c>tls_client_ca_file</c>
/// is read at all. Without it, a certificate a client sends is checked by Vault's cert auth method against the CAs of
/// its roles (stored in Vault, not in this file), so a default listener is neither said to verify nor to accept any
/// (https://developer.hashicorp.com/vault/docs/configuration/listener/tcp, tls_require_and_verify_client_cert and
/// tls_disable_client_certs).
/// </summary>
internal static class VaultConfig
{
    public const string Format = "vault";



    /// <summary>Each <c>listener "tcp"</c> serving TLS: a server usage (a server's API listener, or an agent's or proxy's own).</summary>
    public static void Listeners(HclBody top, ConfigSource source, ConfigReadResult result)
    {
        foreach (var block in top.BlocksOf("listener").Where(b => b.Labels is ["tcp", ..]))
        {
            var s = new HclSettings(block.Body, source, result, "");
            if (s.Bool("tls_disable") == true) continue;
            var at = source.At(block.Line);
            var certificate = s.File("tls_cert_file");
            if (s.Get("tls_cert_file") is null)
            {
                // listenerutil.TLSConfig loads tls_cert_file whenever TLS is on: without it the listener does not start.
                result.Error(at, "listener \"tcp\" has neither tls_disable = true nor tls_cert_file: Vault refuses to start it");
                continue;
            }
            var require = s.Bool("tls_require_and_verify_client_cert");
            var disable = s.Bool("tls_disable_client_certs");
            if (require == true && disable == true)
            {
                result.Error(at, "tls_disable_client_certs and tls_require_and_verify_client_cert are mutually exclusive: Vault refuses to start the listener");
            }
            var clientCa = s.File("tls_client_ca_file");
            // require_and_verify: tls.RequireAndVerifyClientCert with the client CA; disable_client_certs: tls.NoClientCert;
            // neither: tls.RequestClientCert, the client CA unread, so a CA written there verifies nothing at the TLS layer.
            (bool? Requests, bool? Verifies, Model.SourceLocation? At) auth =
                require == true ? (true, true, s.At("tls_require_and_verify_client_cert"))
                : disable == true ? (false, false, s.At("tls_disable_client_certs"))
                : clientCa is not null ? (true, false, s.At("tls_client_ca_file"))
                : (null, null, null);
            result.Usages.Add(new TlsUsage
            {
                Format = Format,
                Location = at,
                Service = $"listener tcp {HashicorpReader.Label(s.Text("address") ?? "127.0.0.1:8200")}",
                Role = UsageRole.Server,
                Certificate = certificate,
                Key = s.File("tls_key_file"),
                CaFiles = clientCa is null ? [] : [clientCa],
                RequestsClientCertificate = auth.Requests,
                VerifyPeer = auth.Verifies,
                VerifyAt = auth.At,
                Protocols = Protocols(s, source, result),
            });
        }
    }

    /// <summary>tls_min_version (default tls12) to tls_max_version (default tls13), when either is set; max below min is refused.</summary>
    private static ProtocolSetting? Protocols(HclSettings s, ConfigSource source, ConfigReadResult result)
    {
        var min = s.Version("tls_min_version", HclSettings.TlsutilVersion, HclSettings.TlsutilWords);
        var max = s.Version("tls_max_version", HclSettings.TlsutilVersion, HclSettings.TlsutilWords);
        if (min is null && max is null) return null;
        var key = min is not null ? "tls_min_version" : "tls_max_version";
        var at = s.At(key)!;
        if ((min ?? TlsVersion.Tls12) > (max ?? TlsVersion.Tls13))
        {
            result.Error(at, "tls_max_version must be greater than or equal to tls_min_version: Vault refuses to start the listener");
            return null;
        }
        return new ProtocolSetting(TlsVersions.Range(min ?? TlsVersion.Tls12, max ?? TlsVersion.Tls13), at, key);
    }

    /// <summary>
    /// Each <c>retry_join</c> of <c>storage "raft"</c> that speaks TLS (an https:// leader_api_addr, or TLS files): a
    /// client of the leader presenting leader_client_cert_file, verifying the leader with leader_ca_cert_file and the
    /// name leader_tls_servername (else the API address's host), as Vault's raft join always does.
    /// </summary>
    public static void RetryJoin(HclBody top, ConfigSource source, ConfigReadResult result)
    {
        foreach (var storage in top.BlocksOf("storage").Where(b => b.Labels is ["raft", ..]))
        {
            foreach (var join in storage.Body.BlocksOf("retry_join"))
            {
                var s = new HclSettings(join.Body, source, result, "retry_join.");
                var api = s.Text("leader_api_addr");
                var certificate = s.File("leader_client_cert_file");
                var key = s.File("leader_client_key_file");
                var ca = s.File("leader_ca_cert_file");
                var https = api?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
                if (!https && certificate is null && key is null && ca is null) continue;
                var host = s.Text("leader_tls_servername") ?? HashicorpReader.UrlHost(api);
                result.Usages.Add(new TlsUsage
                {
                    Format = Format,
                    Location = source.At(join.Line),
                    Service = $"raft retry_join {HashicorpReader.Label(host ?? "auto_join")}",
                    Role = UsageRole.Client,
                    Certificate = certificate,
                    Key = key,
                    CaFiles = ca is null ? [] : [ca],
                    VerifyPeer = true,
                    VerifyHost = true,
                    PeerHost = host,
                });
            }
        }
    }

    /// <summary>
    /// An agent's or proxy's <c>vault { }</c> block: a client of the Vault server at <c>address</c> when it is https://
    /// (or unset, VAULT_ADDR deciding, with TLS settings written): client_cert/client_key presented, ca_cert and ca_path
    /// the server CAs, <c>tls_skip_verify</c> verifying nothing, <c>tls_server_name</c> the name checked.
    /// </summary>
    public static void AgentClient(HclBody vault, ConfigSource source, ConfigReadResult result) =>
        HashicorpReader.VaultClient(vault, source, result, Format, "vault.", "ca_cert", "client_cert", "client_key", "agent to vault");
}
