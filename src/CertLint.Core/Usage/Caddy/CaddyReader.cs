namespace CertLint.Usage.Caddy;

/// <summary>
/// Caddy's Caddyfile (files named <c>Caddyfile</c>, <c>Caddyfile.*</c> or <c>*.caddyfile</c>, the names Caddy itself
/// reads with its Caddyfile adapter): each site that serves its own files (<c>tls CERT KEY</c>) is a server usage for
/// its host names, and a site whose <c>tls { client_auth }</c> asks clients for a certificate is one even when Caddy
/// manages its certificates; each <c>reverse_proxy</c> whose transport speaks TLS is a client of its upstreams.
/// Snippets, <c>import</c> of snippets and files, the global options block and unbraced single-site files are read as
/// Caddy reads them (<see cref="CaddyfileParser"/>); a file Caddy would refuse configures nothing.
/// </summary>
public sealed class CaddyReader : IConfigReader
{
    public string Format => "caddy";

    public bool Detect(string relativePath, string text) => IsCaddyfileName(Path.GetFileName(relativePath.AsSpan()));

    /// <summary>
    /// Caddy's own rule for a config file it adapts as a Caddyfile (cmd/main.go, loadConfig): a name starting with
    /// "caddyfile" or ending with ".caddyfile", in any case. A .json one is Caddy's native JSON, not a Caddyfile.
    /// </summary>
    public static bool IsCaddyfileName(ReadOnlySpan<char> fileName) =>
        (fileName.StartsWith("caddyfile", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".caddyfile", StringComparison.OrdinalIgnoreCase))
        && !fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var parser = new CaddyfileParser(source, result);
        var document = parser.Parse();
        if (parser.Refused) return;
        var httpPort = document.Global.LastOrDefault(d => d.Name == "http_port") is { Args: [var port] } ? port : "80";
        foreach (var site in document.Sites)
        {
            var tlsAddresses = site.Addresses.Select(CaddyAddress.Parse).Where(a => a.ServesTls(httpPort)).ToList();
            if (tlsAddresses.Count > 0)
            {
                var hosts = tlsAddresses.Select(a => a.LiteralHost).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                var service = $"site {(hosts.Count > 0 ? Label(hosts[0]) : Label(site.Addresses.Count > 0 ? site.Addresses[0] : ""))}";
                CaddySiteTls.Add(site, service, hosts, source.Directory, result);
            }
            // A reverse proxy is a TLS client of its upstreams whatever the site serves (an http:// site may proxy to https://).
            foreach (var proxy in Proxies(site.Directives)) CaddyProxy.Add(proxy, source.Directory, result);
        }
    }

    /// <summary>Every reverse_proxy of a site, in handle, route and other blocks too (the parser bounds their depth).</summary>
    private static IEnumerable<CaddyDirective> Proxies(IReadOnlyList<CaddyDirective> directives)
    {
        foreach (var d in directives)
        {
            if (d.Name == "reverse_proxy") yield return d;
            else foreach (var inner in Proxies(d.Children)) yield return inner;
        }
    }

    /// <summary>A host or address for a service name: printable and short, so a name never carries other file content.</summary>
    internal static string Label(string text) =>
        text.Length is > 0 and <= 120 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '*' or ':' or '[' or ']' or '/')
            ? text : "(unnamed)";
}
