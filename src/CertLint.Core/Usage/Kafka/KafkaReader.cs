using System.Text.RegularExpressions;
using CertLint.Usage.Spring;

namespace CertLint.Usage.Kafka;

/// <summary>
/// Apache Kafka's Java properties (server.properties, KRaft controller.properties and broker.properties,
/// client.properties, producer/consumer.properties, connect-*.properties), read with the one properties parser
/// (<see cref="SpringProperties"/>). A node (a file with `listeners`, `process.roles` or `controller.listener.names`)
/// serves each SSL and SASL_SSL listener with its keystore, verifying clients when ssl.client.auth=required; its
/// inter-broker listener (inter.broker.listener.name, else the listener named by security.inter.broker.protocol) and
/// its controller listener are clients of the other nodes, presenting the keystore when that listener asks for client
/// certificates. Any other file with security.protocol=SSL or SASL_SSL is a client of bootstrap.servers. Connect's
/// `listeners` are its REST API, not Kafka's: connect-*.properties are clients.
/// </summary>
public sealed partial class KafkaReader : IConfigReader
{
    internal const string Name = "kafka";

    public string Format => Name;

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        // application*.properties are Spring Boot's (spring.kafka.ssl.* included), read by SpringReader.
        return name.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
               && !name.StartsWith("application", StringComparison.OrdinalIgnoreCase)
               && Signature().IsMatch(text);
    }

    [GeneratedRegex(@"^[ \t]*(ssl\.(keystore|truststore)\.(location|certificates|certificate\.chain|key)|security\.(inter\.broker\.)?protocol|listener\.name\.[^\s.=:]+\.ssl\.|listeners[ \t]*[=:][^\n]*SSL://)",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var properties = SpringProperties.Read(source, result);
        var ssl = new KafkaSsl(properties, source, result);
        var connect = Path.GetFileName(source.File.RelativePath).StartsWith("connect-", StringComparison.OrdinalIgnoreCase);
        var listeners = connect ? null : ssl.Plain("listeners");
        var controllers = ssl.Plain("controller.listener.names");
        if (listeners is null && controllers is null && ssl.Plain("process.roles") is null)
        {
            Client(ssl, result);
            return;
        }
        var map = KafkaListeners.Map(ssl.Plain("listener.security.protocol.map"), source, result);
        var served = KafkaListeners.Read(listeners, map, source, result);
        var advertised = KafkaListeners.Read(ssl.Plain("advertised.listeners"), map, source, new ConfigReadResult())
            .Where(l => l.Host is not null).GroupBy(l => l.Name).ToDictionary(g => g.Key, g => g.First().Host!, StringComparer.Ordinal);
        foreach (var listener in served.Where(l => l.Tls))
        {
            var (auth, authAt) = ssl.ClientAuth(listener);
            var host = advertised.GetValueOrDefault(listener.Name) ?? listener.Host;
            result.Usages.Add(ssl.Usage(listener.Name, source.At(listeners!.Line), $"kafka listener {listener.Label}", UsageRole.Server) with
            {
                // `requested` verifies a certificate the client sends, as nginx `optional` and Spring `want` count.
                VerifyPeer = auth is "required" or "requested",
                VerifyAt = authAt is null ? null : source.At(authAt.Line),
                Hosts = host is not null && PeerHosts.IsDomainName(host) ? [host] : [],
                Settings = new Dictionary<string, string> { ["ssl.client.auth"] = auth },
            });
        }
        var interBroker = ssl.Plain("inter.broker.listener.name") ?? ssl.Plain("security.inter.broker.protocol");
        if (interBroker is not null) Outgoing(ssl, result, served, map, interBroker, "inter-broker");
        if (controllers is not null) Outgoing(ssl, result, served, map, controllers, "controller");
    }

    /// <summary>
    /// A node's own connections to the other nodes over the listener <paramref name="named"/> names (its first name
    /// for controller.listener.names): a client verifying them with the listener's truststore, presenting its keystore
    /// only when that listener asks clients for a certificate (required or requested), as JSSE does.
    /// </summary>
    private static void Outgoing(KafkaSsl ssl, ConfigReadResult result, List<KafkaListener> served, Dictionary<string, string> map,
        SpringProperty named, string what)
    {
        var written = named.Value.Split(',', StringSplitOptions.TrimEntries)[0];
        var name = SpringProperties.Canonical(written);
        // A broker-only node does not list the controller listener it connects to: its protocol is still in the map.
        var listener = served.FirstOrDefault(l => l.Name == name)
                       ?? (KafkaListeners.ProtocolOf(written, map) is { } protocol ? new KafkaListener(name, written, protocol, null, 0) : null);
        if (listener is not { Tls: true }) return;
        var (auth, _) = ssl.ClientAuth(listener);
        var usage = ssl.Usage(listener.Name, ssl.Source.At(named.Line), $"kafka {what} client ({listener.Label})", UsageRole.Client);
        result.Usages.Add(usage with
        {
            Certificate = auth == "none" ? null : Outgoing(usage.Certificate, what),
            Key = auth == "none" ? null : Outgoing(usage.Key, what),
        });
    }

    /// <summary>The node's certificate or key as its outgoing connections present it: the role's source says which.</summary>
    private static FileReference? Outgoing(FileReference? reference, string what) =>
        reference is null ? null : reference with { Directive = $"{reference.Directive} ({what} connections)" };

    /// <summary>A producer, consumer, admin or Connect client: TLS when security.protocol is SSL or SASL_SSL.</summary>
    private static void Client(KafkaSsl ssl, ConfigReadResult result)
    {
        if (ssl.Plain("security.protocol") is not { } protocol) return;
        var value = protocol.Value.ToUpperInvariant();
        if (!KafkaListeners.Protocols.Contains(value))
        {
            result.Error(ssl.Source.At(protocol.Line), "invalid security.protocol: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL expected");
            return;
        }
        if (value is not ("SSL" or "SASL_SSL")) return;
        var bootstrap = ssl.Plain("bootstrap.servers")?.Value.Split(',', StringSplitOptions.TrimEntries)[0];
        var peer = bootstrap is null ? null : PeerHosts.Of(bootstrap);
        result.Usages.Add(ssl.Usage(null, ssl.Source.At(protocol.Line), peer is null ? "kafka client" : $"kafka client to {ConfigWords.Safe(peer)}", UsageRole.Client) with
        {
            PeerHost = peer,
        });
    }
}
