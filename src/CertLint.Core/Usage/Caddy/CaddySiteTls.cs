namespace CertLint.Usage.Caddy;

/// <summary>
/// A site's <c>tls</c> directive (caddyconfig/httpcaddyfile/builtins.go parseTLS) as server usages: <c>tls CERT KEY</c>
/// serves those files for the site's host names; <c>tls internal</c>, <c>tls EMAIL</c> or no tls at all leave the
/// certificates to Caddy's automation (nothing in the repository to lint), so such a site is a usage only when its
/// client authentication says something to judge.
/// </summary>
internal static class CaddySiteTls
{
    /// <summary>The versions Caddy accepts (caddytls SupportedProtocols): older ones make it refuse the configuration.</summary>
    private static readonly Dictionary<string, TlsVersion> Versions = new(StringComparer.Ordinal)
    {
        ["tls1.2"] = TlsVersion.Tls12,
        ["tls1.3"] = TlsVersion.Tls13,
    };

    public static void Add(CaddySite site, string service, IReadOnlyList<string> hosts, string baseDirectory, ConfigReadResult result)
    {
        var directives = site.Directives.Where(d => d.Name == "tls").ToList();
        if (directives.Count == 0) return;
        CaddyClientAuth? auth = null;
        ProtocolSetting? protocols = null;
        foreach (var tls in directives)
        {
            if (tls.Args.Count > 2) result.Error(tls.At, "tls takes internal, an email address, or a certificate and a key file (Caddy refuses the configuration)");
            foreach (var option in tls.Children)
            {
                if (option.Name == "protocols") protocols = Protocols(option, result) ?? protocols;
                else if (option.Name == "client_auth") auth = CaddyClientAuth.Read(option, baseDirectory, result);
            }
        }
        var files = directives.Where(d => d.Args.Count == 2).ToList();
        var common = new TlsUsage
        {
            Format = "caddy",
            Location = (files.FirstOrDefault() ?? directives[0]).At,
            Service = service,
            Role = UsageRole.Server,
            CaFiles = auth?.CaFiles ?? [],
            VerifyPeer = auth?.Verifies ?? false,
            VerifyAt = auth?.ModeAt,
            RequestsClientCertificate = auth?.Requests ?? false,
            Protocols = protocols,
            Hosts = hosts,
            HostsAt = site.At,
            Settings = auth is { TrustOutsideFiles: true } ? new Dictionary<string, string> { ["clientCaOutsideConfig"] = "caddy" } : new Dictionary<string, string>(),
        };
        if (files.Count == 0)
        {
            if (auth is { Requests: true }) result.Usages.Add(common);
            return;
        }
        foreach (var tls in files)
        {
            result.Usages.Add(common with
            {
                Location = tls.At,
                Certificate = CaddyPaths.Reference(tls.Args[0], tls, baseDirectory, "tls cert_file"),
                Key = CaddyPaths.Reference(tls.Args[1], tls, baseDirectory, "tls key_file"),
            });
        }
    }

    /// <summary><c>protocols MIN [MAX]</c>: tls1.2 or tls1.3 each; anything else is a parse issue (Caddy refuses it) and no setting.</summary>
    private static ProtocolSetting? Protocols(CaddyDirective d, ConfigReadResult result)
    {
        if (d.Args.Count is 0 or > 2 || d.Args.Any(a => !Versions.ContainsKey(a)))
        {
            result.Error(d.At, "tls protocols takes one or two of tls1.2 and tls1.3 (Caddy refuses other versions)");
            return null;
        }
        var min = Versions[d.Args[0]];
        TlsVersion? max = d.Args.Count == 2 ? Versions[d.Args[1]] : null;
        if (max < min)
        {
            result.Error(d.At, "tls protocols: the minimum is above the maximum (Caddy refuses the configuration)");
            return null;
        }
        return new ProtocolSetting(TlsVersions.Range(min, max), d.At, "protocols");
    }
}
