using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Nginx;

/// <summary>
/// nginx (http and stream): a `server` that listens with ssl serves its ssl_certificate(s); ssl_verify_client with
/// ssl_client_certificate / ssl_trusted_certificate verifies clients; a `proxy_pass https://` presents
/// proxy_ssl_certificate to the upstream and verifies it only with proxy_ssl_verify on. ssl_* and proxy_ssl_* settings
/// are inherited from http/stream to server to location, as nginx does.
/// </summary>
public sealed partial class NginxReader : IConfigReader
{
    private static readonly string[] Inherited =
    [
        "ssl_certificate", "ssl_certificate_key", "ssl_client_certificate", "ssl_trusted_certificate", "ssl_verify_client", "ssl_protocols",
        "proxy_ssl_certificate", "proxy_ssl_certificate_key", "proxy_ssl_trusted_certificate", "proxy_ssl_verify", "proxy_ssl_protocols",
    ];

    public string Format => "nginx";

    public bool Detect(string relativePath, string text) =>
        (relativePath.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) || !Path.HasExtension(relativePath) || relativePath.EndsWith(".vhost", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".site", StringComparison.OrdinalIgnoreCase))
        && Signature().IsMatch(text);

    [GeneratedRegex(@"^\s*(ssl_certificate|proxy_ssl_certificate|proxy_ssl_verify|ssl_client_certificate|server\s*\{|http\s*\{|stream\s*\{)", RegexOptions.Multiline)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var directives = new NginxParser(source, result).Parse();
        var walker = new Walker(source, result);
        walker.Visit(directives, new Scope(new Dictionary<string, List<NginxDirective>>()), inServer: false, serverName: null);
    }

    /// <summary>The directives in force at a level: its own, else its parent's (nginx inheritance).</summary>
    private sealed class Scope(Dictionary<string, List<NginxDirective>> values)
    {
        public Scope With(IReadOnlyList<NginxDirective> block)
        {
            var copy = new Dictionary<string, List<NginxDirective>>(values);
            foreach (var name in Inherited)
            {
                var own = block.Where(d => d.Name == name && d.Block is null).ToList();
                if (own.Count > 0) copy[name] = own;
            }
            return new Scope(copy);
        }

        public List<NginxDirective> All(string name) => values.TryGetValue(name, out var list) ? list : [];

        public NginxDirective? Last(string name) => All(name) is [.., var last] ? last : null;
    }

    private sealed class Walker(ConfigSource source, ConfigReadResult result)
    {
        public bool Visit(IReadOnlyList<NginxDirective> block, Scope parent, bool inServer, NginxDirective? serverName)
        {
            var scope = parent.With(block);
            var proxied = false;
            foreach (var d in block)
            {
                if (d.Block is { } children)
                {
                    if (d.Name == "server" && !inServer)
                    {
                        Server(d, children, scope);
                        proxied |= Visit(children, scope, true, children.LastOrDefault(c => c.Name == "server_name"));
                    }
                    else if (d.Name is "http" or "stream" or "location" or "if" or "server" or "limit_except")
                    {
                        proxied |= Visit(children, scope, inServer, serverName);
                    }
                }
                else if (d.Name == "proxy_pass" && d.Args is [var url, ..] && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    Client(d, scope, "proxy_pass " + Host(url), PeerHosts.Of(Host(url)));
                    proxied = true;
                }
            }
            // proxy_ssl_certificate set with no https proxy_pass below: still a client certificate (grpc_pass, uwsgi...).
            if (!proxied && block.FirstOrDefault(d => d.Name == "proxy_ssl_certificate") is { } own)
            {
                Client(own, scope, "proxy_ssl_certificate", null);
                proxied = true;
            }
            return proxied;
        }

        private void Server(NginxDirective server, IReadOnlyList<NginxDirective> children, Scope parent)
        {
            var scope = parent.With(children);
            var listensSsl = children.Any(d => d.Name == "listen" && d.Args.Skip(1).Contains("ssl"))
                             || children.Any(d => d.Name == "ssl" && d.Args is ["on"])
                             || children.Any(d => d.Name == "ssl_certificate");
            if (!listensSsl) return;
            var names = children.LastOrDefault(d => d.Name == "server_name");
            var hosts = names?.Args.Where(IsLiteralHost).ToList() ?? [];
            var listen = First(children.FirstOrDefault(d => d.Name == "listen")?.Args);
            var service = $"server {(hosts.Count > 0 ? hosts[0] : First(names?.Args) ?? "_")}{(listen is null ? "" : " listen " + listen)}";
            var verify = scope.Last("ssl_verify_client");
            var verifyMode = First(verify?.Args) ?? "off";
            var cas = scope.All("ssl_client_certificate").Concat(scope.All("ssl_trusted_certificate"))
                .Select(d => Reference(d)).OfType<FileReference>().ToList();
            var certs = scope.All("ssl_certificate");
            var keys = scope.All("ssl_certificate_key");
            var common = new TlsUsage
            {
                Format = "nginx",
                Location = server.At,
                Service = service,
                Role = UsageRole.Server,
                CaFiles = cas,
                VerifyPeer = verifyMode is "on" or "optional",
                VerifyAt = verify?.At,
                RequestsClientCertificate = verifyMode is "on" or "optional" or "optional_no_ca",
                Protocols = Protocols(scope.Last("ssl_protocols")),
                Hosts = hosts,
                HostsAt = names?.At,
                Settings = new Dictionary<string, string> { ["ssl_verify_client"] = verifyMode },
            };
            if (certs.Count == 0)
            {
                result.Usages.Add(common);
                return;
            }
            // Several ssl_certificate lines (RSA and ECDSA) pair with the ssl_certificate_key lines in order.
            for (var i = 0; i < certs.Count; i++)
            {
                result.Usages.Add(common with
                {
                    Certificate = Reference(certs[i]),
                    Key = i < keys.Count ? Reference(keys[i]) : null,
                    Settings = new Dictionary<string, string>(common.Settings) { ["index"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
            }
        }

        private void Client(NginxDirective at, Scope scope, string service, string? peer)
        {
            var verify = scope.Last("proxy_ssl_verify");
            result.Usages.Add(new TlsUsage
            {
                Format = "nginx",
                Location = at.At,
                Service = service,
                Role = UsageRole.Client,
                PeerHost = peer,
                Certificate = Reference(scope.Last("proxy_ssl_certificate")),
                Key = Reference(scope.Last("proxy_ssl_certificate_key")),
                CaFiles = [.. scope.All("proxy_ssl_trusted_certificate").Select(d => Reference(d)).OfType<FileReference>()],
                VerifyPeer = First(verify?.Args) == "on",
                VerifyAt = verify?.At,
                Protocols = Protocols(scope.Last("proxy_ssl_protocols")),
            });
        }

        private FileReference? Reference(NginxDirective? d)
        {
            if (d is null || First(d.Args) is not { Length: > 0 } path || path.Contains('$') || path.StartsWith("data:", StringComparison.Ordinal)
                || path.StartsWith("engine:", StringComparison.Ordinal)) return null;
            return UsagePaths.Reference(path, d.At, d.Name, source.Directory);
        }

        private static ProtocolSetting? Protocols(NginxDirective? d) =>
            d is null ? null : new ProtocolSetting(TlsVersions.Listed(d.Args), d.At, d.Name);

        private static string? First(IReadOnlyList<string>? args) => args is { Count: > 0 } ? args[0] : null;

        private static bool IsLiteralHost(string name) =>
            name.Length > 0 && name != "_" && !name.StartsWith('.') && !name.StartsWith('~') && !name.Contains('*') && !name.Contains('$');

        private static string Host(string url)
        {
            var rest = url["https://".Length..];
            var end = rest.IndexOfAny(['/', '?']);
            return end < 0 ? rest : rest[..end];
        }
    }
}
