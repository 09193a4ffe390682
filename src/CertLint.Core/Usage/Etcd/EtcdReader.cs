using System.Text.RegularExpressions;
using CertLint.Model;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Etcd;

/// <summary>
/// etcd's configuration file (<c>etcd --config-file</c>, etcd.conf.yml): <c>client-transport-security</c> is a server
/// for etcd's clients; <c>peer-transport-security</c> a server for the other members and, as every member connects to
/// the others with the same settings, their client presenting the same certificate (or <c>client-cert-file</c>).
/// Defaults are etcd's: <c>client-cert-auth</c> false (clients are not asked for a certificate), TLS 1.2 at least.
/// <c>auto-tls</c> without certificate files is a self-signed certificate etcd makes at start: nothing to lint, and
/// members then accept any peer certificate (etcd's TLSInfo.ClientConfig sets InsecureSkipVerify for it).
/// </summary>
public sealed partial class EtcdReader : IConfigReader
{
    /// <summary>URLs read from one setting (a member has a few); past it, one issue at the line and the rest not read.</summary>
    public const int MaxUrls = 100;

    public string Format => "etcd";

    /// <summary>
    /// YAML whose top level has a transport-security block, or an etcd-named YAML (etcd.conf.yml, etcd-node1.yaml) whose
    /// top level names the member's URLs: a Kubernetes static Pod (etcd.yaml) writes the same names as indented flags.
    /// </summary>
    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (Path.GetExtension(name).ToLowerInvariant() is not (".yml" or ".yaml")) return false;
        return Security().IsMatch(text) || (name.StartsWith("etcd", StringComparison.OrdinalIgnoreCase) && Urls().IsMatch(text));
    }

    [GeneratedRegex(@"^(client|peer)-transport-security[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex Security();

    [GeneratedRegex(@"^(listen-client-urls|listen-peer-urls|advertise-client-urls|initial-advertise-peer-urls)[ \t]*:", RegexOptions.Multiline)]
    private static partial Regex Urls();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not [YamlMappingNode root, ..]) return;
        var protocols = Protocols(root, source, result);
        var member = root.Text("name") ?? "default";
        Layer(root, source, result, new EtcdSecurity(source, result, root, "client-transport-security"),
            ["listen-client-urls", "listen-client-http-urls"], "advertise-client-urls", protocols, null);
        Layer(root, source, result, new EtcdSecurity(source, result, root, "peer-transport-security"),
            ["listen-peer-urls"], "initial-advertise-peer-urls", protocols, member);
    }

    /// <summary>
    /// One transport: a server usage when the block names certificate files, or has auto-tls and an https URL to serve
    /// it on; for the peer transport (<paramref name="member"/> set) also the member's client of the others.
    /// </summary>
    private static void Layer(YamlMappingNode root, ConfigSource source, ConfigReadResult result, EtcdSecurity tls, string[] listenKeys,
        string advertiseKey, ProtocolSetting? protocols, string? member)
    {
        var listen = listenKeys.SelectMany(k => UrlList(root, k, source, result)).ToList();
        var advertise = UrlList(root, advertiseKey, source, result);
        var cert = tls.File("cert-file");
        var key = tls.File("key-file");
        // TLSInfo.Empty(): auto-tls is ignored once either file is given (etcd warns "ignoring ... auto TLS since certs given").
        var auto = cert is null && key is null && tls.Flag("auto-tls");
        var https = listen.Concat(advertise).Any(u => IsTls(u.Text));
        if (cert is null && key is null && !auto)
        {
            // etcd: "TLS key/cert (--cert-file, --key-file) must be provided for client url with HTTPS scheme".
            if (listen.FirstOrDefault(u => IsTls(u.Text)) is { } served)
                result.Error(served.At, $"{served.Key} serves https:// but {tls.Name} names no cert-file and key-file (nor auto-tls): etcd refuses to start");
            return;
        }
        if (auto && !https) return; // the generated certificate is never served
        var at = tls.At!;
        if (!auto && (cert is null || key is null))
            result.Error(at, $"{tls.Name} names {(cert is null ? "key-file without cert-file" : "cert-file without key-file")}: etcd refuses to start");
        var autoAt = auto ? tls.Line("auto-tls") : null;
        // With auto-tls etcd replaces the block by its self-signed certificate: client-cert-auth and trusted-ca-file are dropped.
        var asks = !auto && tls.Flag("client-cert-auth");
        var ca = auto ? null : tls.File("trusted-ca-file");
        var hosts = advertise.Where(u => IsTls(u.Text)).Select(u => Host(u.Text)).OfType<string>()
            .Where(PeerHosts.IsDomainName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var peer = member is not null;
        var settings = new Dictionary<string, string> { ["client-cert-auth"] = asks ? "true" : "false" };
        if (auto) settings["certificateStore"] = $"a self-signed certificate etcd generates at start ({tls.Name}.auto-tls)";
        var server = new TlsUsage
        {
            Format = "etcd",
            Location = at,
            Service = peer ? "etcd peer transport" : "etcd client transport",
            Role = UsageRole.Server,
            // Members authenticate each other by certificate alone (etcd has no password on the peer port); the client
            // port may rely on etcd's own user authentication instead.
            OpenAccess = peer ? "talks to the cluster as a member (raft messages and snapshots): it can read and rewrite every key" : null,
            Certificate = cert,
            Key = key,
            CaFiles = ca is null ? [] : [ca],
            RequestsClientCertificate = asks,
            VerifyPeer = asks,
            VerifyAt = autoAt ?? tls.Line("client-cert-auth"),
            Protocols = protocols,
            Hosts = hosts,
            HostsAt = hosts.Count > 0 ? advertise[0].At : null,
            Settings = settings,
        };
        result.Usages.Add(server);
        if (!peer) return;
        // The member dials the others' peer URLs with the same block: client-cert-file (else cert-file) is what it
        // presents, trusted-ca-file (else the system's roots) what it verifies them with, and Go checks the URL's host.
        var presented = auto ? null : tls.File("client-cert-file") ?? Outgoing(cert);
        result.Usages.Add(server with
        {
            Service = "etcd peer transport (to the other members)",
            Role = UsageRole.Client,
            Certificate = presented,
            Key = auto ? null : tls.File("client-key-file") ?? Outgoing(key),
            RequestsClientCertificate = null,
            OpenAccess = null,
            VerifyPeer = !auto,
            VerifyAt = autoAt,
            VerifyHost = auto ? null : true,
            PeerHost = OtherMember(root, member!, source, result) ?? hosts.FirstOrDefault(),
            Hosts = [],
            HostsAt = null,
            Settings = new Dictionary<string, string>(),
        });
    }

    /// <summary>The server's file, named as the member's outgoing one: a role's source says which use it is.</summary>
    private static FileReference? Outgoing(FileReference? file) => file is null ? null : file with { Directive = file.Directive + " (to the other members)" };

    private sealed record Url(string Text, string Key, SourceLocation At);

    /// <summary>A comma-separated URL setting, each URL at the setting's line; at most <see cref="MaxUrls"/>.</summary>
    private static List<Url> UrlList(YamlMappingNode root, string key, ConfigSource source, ConfigReadResult result)
    {
        if (root.Get(key) is not { } node) return [];
        var at = source.At(node.Line());
        if (node is not YamlScalarNode { Value: { } text })
        {
            result.Error(at, $"{key} must be one comma-separated string of URLs (etcd refuses to start)");
            return [];
        }
        var urls = new List<Url>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (urls.Count == MaxUrls)
            {
                result.Error(at, $"more than {MaxUrls} URLs in {key}: the rest are not read");
                break;
            }
            urls.Add(new Url(part, key, at));
        }
        return urls;
    }

    private static bool IsTls(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("unixs://", StringComparison.OrdinalIgnoreCase);

    private static string? Host(string url) =>
        url.StartsWith("unixs://", StringComparison.OrdinalIgnoreCase) || url.Contains("${", StringComparison.Ordinal) ? null : PeerHosts.OfUrl(url);

    /// <summary>
    /// The host of the first other member's https peer URL in initial-cluster ("infra0=https://…:2380,infra1=…"), the
    /// peer this member dials; its own when it is the only one. Null when none is named (the caller then takes the
    /// member's own advertised peer host: the members' certificates come from one setup).
    /// </summary>
    private static string? OtherMember(YamlMappingNode root, string member, ConfigSource source, ConfigReadResult result)
    {
        var own = (string?)null;
        foreach (var entry in UrlList(root, "initial-cluster", source, result))
        {
            var eq = entry.Text.IndexOf('=');
            if (eq < 0 || !IsTls(entry.Text[(eq + 1)..])) continue;
            var host = Host(entry.Text[(eq + 1)..]);
            if (entry.Text[..eq].Trim() != member) return host;
            own ??= host;
        }
        return own;
    }

    /// <summary>
    /// tls-min-version and tls-max-version (TLS1.2 or TLS1.3, etcd's tlsutil): the versions between them; unset ends
    /// are etcd's defaults (TLS1.2, and Go's maximum, TLS1.3). Null when neither is written.
    /// </summary>
    private static ProtocolSetting? Protocols(YamlMappingNode root, ConfigSource source, ConfigReadResult result)
    {
        TlsVersion? Read(string key, TlsVersion unset, out SourceLocation? at)
        {
            at = null;
            if (root.Get(key) is not { } node) return unset;
            at = source.At(node.Line());
            var text = node.Text() ?? "";
            if (text.Length == 0) return unset;
            if (text is "TLS1.2" or "TLS1.3") return TlsVersions.Parse(text);
            result.Error(at, $"{key} must be TLS1.2 or TLS1.3 (etcd refuses to start)");
            return null;
        }
        var min = Read("tls-min-version", TlsVersion.Tls12, out var minAt);
        var max = Read("tls-max-version", TlsVersion.Tls13, out var maxAt);
        if (minAt is null && maxAt is null || min is null || max is null) return null;
        if (min > max)
        {
            result.Error(maxAt!, "tls-min-version is above tls-max-version (etcd refuses to start)");
            return null;
        }
        // The line that limits: the maximum when it leaves TLS 1.3 out, else the minimum when written.
        var (where, directive) = max < TlsVersion.Tls13 || minAt is null ? (maxAt!, "tls-max-version") : (minAt, "tls-min-version");
        return new ProtocolSetting(TlsVersions.Range(min, max), where, directive);
    }
}
