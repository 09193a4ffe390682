using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Redis;

/// <summary>
/// Redis and Valkey (redis.conf, valkey.conf): a non-zero `tls-port` is a TLS server serving `tls-cert-file` with
/// `tls-key-file`, verifying clients with `tls-ca-cert-file` / `tls-ca-cert-dir` unless `tls-auth-clients no` (the
/// default is yes; optional verifies the certificates clients present). Outgoing connections are clients presenting
/// `tls-client-cert-file` / `tls-client-key-file` (else the server's pair) and always verifying the peer with the same
/// CA: a replica (`replicaof HOST PORT` with `tls-replication yes`) and a cluster node (`tls-cluster yes`).
/// `tls-protocols` lists the versions for both. Paths resolve against the file's folder, absolute ones by their tail.
/// </summary>
public sealed partial class RedisReader : IConfigReader
{
    /// <summary>tls-* directives that take one argument (Redis refuses another count).</summary>
    private static readonly HashSet<string> OneArgument =
    [
        "tls-port", "tls-cert-file", "tls-key-file", "tls-client-cert-file", "tls-client-key-file", "tls-ca-cert-file", "tls-ca-cert-dir",
        "tls-auth-clients", "tls-replication", "tls-cluster", "tls-protocols",
    ];

    public string Format => "redis";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (!name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)) return false;
        return name.StartsWith("redis", StringComparison.OrdinalIgnoreCase) || name.StartsWith("valkey", StringComparison.OrdinalIgnoreCase)
            || Signature().IsMatch(text);
    }

    [GeneratedRegex(@"^[ \t]*tls-(port|cert-file|key-file|ca-cert-file|auth-clients|replication)[ \t]", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var last = new Dictionary<string, RedisDirective>(StringComparer.Ordinal);
        foreach (var d in new RedisConfig(source, result).Parse())
        {
            if (OneArgument.Contains(d.Name) && d.Args.Count != 1)
            {
                result.Error(d.At, $"wrong number of arguments for {d.Name}");
                continue;
            }
            last[d.Name] = d; // Redis keeps the last value of a directive
        }
        FileReference? File(string name) => last.TryGetValue(name, out var d) && d.Args is [{ Length: > 0 } path]
            ? UsagePaths.Reference(path, d.At, name, source.Directory) : null;
        var authClients = Choice(last, "tls-auth-clients", result, "yes", "no", "optional") ?? "yes";
        var replication = Choice(last, "tls-replication", result, "yes", "no") == "yes";
        var cluster = Choice(last, "tls-cluster", result, "yes", "no") == "yes";
        var caFiles = new[] { File("tls-ca-cert-file") }.OfType<FileReference>()
            .Concat(File("tls-ca-cert-dir") is { } dir ? UsagePaths.CaFolder(dir, source) : []).ToList();
        var protocols = Protocols(last, result);
        var cert = File("tls-cert-file");
        var key = File("tls-key-file");
        if (last.TryGetValue("tls-port", out var port) && port.Args[0] is var p && p != "0")
        {
            result.Usages.Add(new TlsUsage
            {
                Format = Format,
                Location = port.At,
                Service = $"redis tls-port {ConfigWords.Safe(p)}",
                Role = UsageRole.Server,
                Certificate = cert,
                Key = key,
                CaFiles = caFiles,
                VerifyPeer = authClients != "no",
                VerifyAt = last.TryGetValue("tls-auth-clients", out var auth) ? auth.At : null,
                Protocols = protocols,
                Settings = new Dictionary<string, string> { ["tls-auth-clients"] = authClients },
            });
        }
        var replicaOf = last.GetValueOrDefault("replicaof") ?? last.GetValueOrDefault("slaveof");
        var outgoing = new List<(RedisDirective At, string Service, string? Peer)>();
        if (replication && replicaOf is { Args.Count: 2 }) outgoing.Add((last["tls-replication"], $"redis replication to {ConfigWords.Safe(replicaOf.Args[0])}", PeerHosts.Of(replicaOf.Args[0])));
        if (cluster) outgoing.Add((last["tls-cluster"], "redis cluster bus", null));
        var clientCert = File("tls-client-cert-file");
        foreach (var (at, service, peer) in outgoing)
        {
            result.Usages.Add(new TlsUsage
            {
                Format = Format,
                Location = at.At,
                Service = service,
                Role = UsageRole.Client,
                PeerHost = peer,
                Certificate = clientCert ?? Outgoing(cert),
                Key = clientCert is null ? Outgoing(key) : File("tls-client-key-file"),
                CaFiles = caFiles,
                VerifyPeer = true, // Redis verifies the master's and the cluster nodes' certificates, always
                Protocols = protocols,
            });
        }
    }

    /// <summary>The server's certificate or key, presented on outgoing connections when no tls-client-* file is set.</summary>
    private static FileReference? Outgoing(FileReference? reference) =>
        reference is null ? null : reference with { Directive = reference.Directive + " (outgoing connections)" };

    /// <summary>A directive's value among the allowed ones (case-insensitive); another is a parse issue at its line.</summary>
    private static string? Choice(Dictionary<string, RedisDirective> last, string name, ConfigReadResult result, params string[] allowed)
    {
        if (!last.TryGetValue(name, out var d)) return null;
        var value = d.Args[0].ToLowerInvariant();
        if (allowed.Contains(value)) return value;
        result.Error(d.At, $"argument of {name} must be {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>tls-protocols "TLSv1.2 TLSv1.3" (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); unset: Redis's default, TLSv1.2 and TLSv1.3.</summary>
    private static ProtocolSetting? Protocols(Dictionary<string, RedisDirective> last, ConfigReadResult result)
    {
        if (!last.TryGetValue("tls-protocols", out var d)) return null;
        var versions = new List<TlsVersion>();
        foreach (var word in d.Args[0].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.StartsWith("TLSv1", StringComparison.OrdinalIgnoreCase) && TlsVersions.Parse(word) is { } v) versions.Add(v);
            else
            {
                result.Error(d.At, "invalid tls-protocols: TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 expected");
                return null;
            }
        }
        return new ProtocolSetting([.. versions.Distinct().Order()], d.At, "tls-protocols");
    }
}
