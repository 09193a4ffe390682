using System.Text.RegularExpressions;
using CertLint.Model;
using CertLint.Usage.Kestrel;

namespace CertLint.Usage.Docker;

/// <summary>
/// The Docker daemon's daemon.json (/etc/docker/daemon.json): with <c>tls</c> or <c>tlsverify</c> the daemon's API is
/// a TLS server on its tcp:// hosts serving <c>tlscert</c> and <c>tlskey</c>. As dockerd's loadDaemonCliConfig reads
/// them: writing <c>tlsverify</c> at all turns TLS on, and an unset <c>tlsverify</c> takes <c>tls</c>'s value, so
/// <c>"tls": true</c> alone requires client certificates verified against <c>tlscacert</c>; only an explicit
/// <c>"tlsverify": false</c> lets any client in. Unset files are dockerd's defaults, ~/.docker/{ca,cert,key}.pem
/// (DOCKER_CERT_PATH), outside the repository.
/// </summary>
public sealed partial class DockerReader : IConfigReader
{
    /// <summary>daemon.json is flat; a deeper file is refused as Kestrel's are.</summary>
    private const int MaxDepth = 64;

    /// <summary>Hosts read from <c>hosts</c> (a daemon listens on a few); past it, one issue and the rest not read.</summary>
    public const int MaxHosts = 100;

    private const string Defaults = "~/.docker, dockerd's default DOCKER_CERT_PATH";

    public string Format => "docker";

    public bool Detect(string relativePath, string text) =>
        Path.GetFileName(relativePath).Equals("daemon.json", StringComparison.OrdinalIgnoreCase) && TlsKey().IsMatch(text);

    [GeneratedRegex(@"""tls(verify|cacert|cert|key)?""\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex TlsKey();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var root = JsonTree.Parse(source.Text, MaxDepth, out var error,
            "duplicate key (dockerd keeps the last one written): write each setting once");
        if (error is { } e)
        {
            result.Error(source.At(e.Line), e.Message);
            return;
        }
        if (root.Properties is null) return;
        var tls = Flag(root, "tls", source, result);
        var verifyNode = root["tlsverify"];
        var verify = Flag(root, "tlsverify", source, result);
        // "Regardless of whether the user sets it to true or false, if they specify TLSVerify at all then we need to turn on TLS."
        if (tls != true && verifyNode is null) return;
        var verifies = verify ?? true;
        FileReference? File(string key) =>
            root[key] is { Value: { Length: > 0 } path } node && !path.Contains("${", StringComparison.Ordinal)
                ? UsagePaths.Reference(path, source.At(node.Line), key, source.Directory)
                : null;
        var cert = File("tlscert");
        var ca = verifies ? File("tlscacert") : null;
        var settings = new Dictionary<string, string> { ["tlsverify"] = verifies ? "true" : "false" };
        if (cert is null) settings["certificateStore"] = $"cert.pem in {Defaults} (tlscert unset)";
        if (verifies && ca is null) settings["clientCaOutsideConfig"] = $"ca.pem in {Defaults} (tlscacert unset)";
        var hosts = Hosts(root["hosts"], source, result);
        var at = verifyNode ?? root["tls"]!;
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = source.At(at.KeyLine),
            Service = "dockerd API",
            Role = UsageRole.Server,
            // The daemon has no authentication of its own: its TCP socket is guarded by client certificates or by nothing.
            OpenAccess = "controls the Docker daemon: it starts any container, with the host's file system mounted, as root",
            Certificate = cert,
            Key = File("tlskey"),
            CaFiles = ca is null ? [] : [ca],
            RequestsClientCertificate = verifies,
            VerifyPeer = verifies,
            VerifyAt = verifyNode is null ? null : source.At(verifyNode.KeyLine),
            Hosts = hosts,
            HostsAt = hosts.Count > 0 ? source.At(root["hosts"]!.KeyLine) : null,
            Settings = settings,
        });
    }

    /// <summary>true or false as written, null when unset; another value is an issue at its line (dockerd refuses it).</summary>
    private static bool? Flag(JsonTree root, string key, ConfigSource source, ConfigReadResult result)
    {
        if (root[key] is not { } node) return null;
        switch (node.Value)
        {
            case "true": return true;
            case "false": return false;
            default:
                result.Error(source.At(node.Line), $"{key} must be true or false (dockerd refuses to start)");
                return null;
        }
    }

    /// <summary>The domain names of the tcp:// hosts (tcp://docker.example.test:2376, or HOST:PORT); sockets are no TLS.</summary>
    private static List<string> Hosts(JsonTree? node, ConfigSource source, ConfigReadResult result)
    {
        var hosts = new List<string>();
        var items = node?.Items ?? [];
        if (items.Count > MaxHosts) result.Error(source.At(node!.Line), $"more than {MaxHosts} entries in hosts: the rest are not read");
        foreach (var item in items.Take(MaxHosts))
        {
            if (item.Value is not { } value || value.Contains("${", StringComparison.Ordinal)) continue;
            if (value.Contains("://", StringComparison.Ordinal) && !value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)) continue;
            if (PeerHosts.OfUrl(value) is { } host && PeerHosts.IsDomainName(host) && !hosts.Contains(host, StringComparer.OrdinalIgnoreCase)) hosts.Add(host);
        }
        return hosts;
    }
}
