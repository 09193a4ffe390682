namespace CertLint.Usage.Caddy;

/// <summary>
/// A <c>reverse_proxy</c> (modules/caddyhttp/reverseproxy/caddyfile.go) as a TLS client of its upstreams, when its
/// <c>transport http</c> speaks TLS: a <c>tls</c> subdirective, any <c>tls_*</c> one, or an <c>https://</c> upstream.
/// It presents <c>tls_client_auth CERT KEY</c>, trusts <c>tls_trusted_ca_certs</c> / <c>tls_trust_pool file</c> (else
/// the system's roots) and checks the name <c>tls_server_name</c> gives, else the upstream's host, as Go's crypto/tls
/// does; <c>tls_insecure_skip_verify</c> checks nothing.
/// </summary>
internal static class CaddyProxy
{
    public static void Add(CaddyDirective proxy, string baseDirectory, ConfigReadResult result)
    {
        var upstreams = proxy.Args.SkipWhile(IsMatcher).Concat(proxy.Children.Where(c => c.Name == "to").SelectMany(c => c.Args)).ToList();
        var transport = proxy.Children.LastOrDefault(c => c.Name == "transport");
        if (transport is not null && transport.Args is not ["http", ..]) return; // fastcgi and others: no TLS to judge
        var options = transport?.Children ?? [];
        var https = upstreams.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (!https && !options.Any(o => o.Name == "tls" || o.Name.StartsWith("tls_", StringComparison.Ordinal))) return;
        var clientAuth = options.LastOrDefault(o => o.Name == "tls_client_auth");
        if (clientAuth is not null && clientAuth.Args.Count is 0 or > 2)
        {
            result.Error(clientAuth.At, "tls_client_auth takes a certificate and a key file, or one name Caddy manages (Caddy refuses the configuration)");
        }
        var files = clientAuth is { Args.Count: 2 } ? clientAuth : null;
        var skip = options.LastOrDefault(o => o.Name == "tls_insecure_skip_verify");
        var serverName = options.LastOrDefault(o => o.Name == "tls_server_name");
        var named = serverName is { Args: [{ Length: > 0 } n] } && !n.Contains('{') ? n : null;
        var peer = named ?? upstreams.Select(Host).FirstOrDefault(h => h is not null);
        var caFiles = options.Where(o => o.Name == "tls_trusted_ca_certs")
            .SelectMany(o => o.Args.Select(a => CaddyPaths.Reference(a, o, baseDirectory)))
            .Concat(options.Where(o => o.Name == "tls_trust_pool").SelectMany(o => CaddyPaths.TrustPool(o, baseDirectory)))
            .OfType<FileReference>().ToList();
        result.Usages.Add(new TlsUsage
        {
            Format = "caddy",
            Location = proxy.At,
            Service = peer is null ? "reverse_proxy" : $"reverse_proxy {CaddyReader.Label(peer)}",
            Role = UsageRole.Client,
            Certificate = files is null ? null : CaddyPaths.Reference(files.Args[0], files, baseDirectory, "tls_client_auth cert_file"),
            Key = files is null ? null : CaddyPaths.Reference(files.Args[1], files, baseDirectory, "tls_client_auth key_file"),
            CaFiles = caFiles,
            VerifyPeer = skip is null,
            VerifyAt = skip?.At,
            // crypto/tls checks the server's name whenever it verifies the chain.
            VerifyHost = skip is null ? true : null,
            VerifyHostAt = skip is null ? serverName?.At : null,
            PeerHost = peer,
        });
    }

    /// <summary>The matcher token a reverse_proxy may start with: <c>*</c>, a path (<c>/api/*</c>), or a named matcher (<c>@api</c>).</summary>
    private static bool IsMatcher(string arg) => arg == "*" || arg.StartsWith('/') || arg.StartsWith('@');

    /// <summary>An upstream's host (<c>https://api.internal:8443</c>, <c>backend:8080</c>); null for a placeholder or a socket.</summary>
    private static string? Host(string upstream)
    {
        var sep = upstream.IndexOf("://", StringComparison.Ordinal);
        var authority = sep < 0 ? upstream : upstream[(sep + 3)..];
        return authority.Contains('{') || authority.StartsWith("unix/", StringComparison.Ordinal) ? null : PeerHosts.OfUrl(authority);
    }
}
