using CertLint.Usage.Spring;

namespace CertLint.Usage.Kafka;

/// <summary>
/// One listener of a broker or controller: its name in the canonical form `listener.name.NAME.` prefixes are looked
/// up with, the name as written, its security protocol and the host it binds or advertises.
/// </summary>
internal sealed record KafkaListener(string Name, string Written, string Protocol, string? Host, int Position)
{
    public bool Tls => Protocol is "SSL" or "SASL_SSL";

    /// <summary>
    /// The name as reports show it: a name too long or odd to print is numbered by its place in the property, so two
    /// such listeners stay two usages (their usage ids differ) rather than one dropped as a duplicate.
    /// </summary>
    public string Label => ConfigWords.Safe(Written) is var safe && safe == Written ? safe : Position > 0 ? $"(unnamed #{Position})" : safe;
}

/// <summary>
/// `listeners` / `advertised.listeners` (NAME://HOST:PORT, comma-separated) and `listener.security.protocol.map`
/// (NAME:PROTOCOL, ...). Without a map entry a listener's protocol is its own name when that names a protocol, as in
/// Kafka's default map (PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL).
/// </summary>
internal static class KafkaListeners
{
    /// <summary>Listeners read from one property: a broker has a handful; 10,000 would be 10,000 usages from one line.</summary>
    public const int MaxListeners = 1_000;

    public static readonly string[] Protocols = ["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"];

    /// <summary>The listeners of a `listeners`-style property; a malformed entry or one with no protocol is an issue at its line.</summary>
    public static List<KafkaListener> Read(SpringProperty? property, Dictionary<string, string> map, ConfigSource source, ConfigReadResult result)
    {
        var listeners = new List<KafkaListener>();
        if (property is null) return listeners;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        var entries = property.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length > MaxListeners)
            result.Error(source.At(property.Line), $"more than {MaxListeners} listeners in {ConfigWords.Safe(property.Written)}: the rest are not read");
        foreach (var entry in entries.Take(MaxListeners))
        {
            var scheme = entry.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                result.Error(source.At(property.Line), $"invalid {ConfigWords.Safe(property.Written)} entry: NAME://HOST:PORT expected");
                continue;
            }
            var written = entry[..scheme];
            var name = SpringProperties.Canonical(written);
            position++;
            // Kafka refuses a listeners value naming one listener twice ("Each listener must have a different name").
            if (!seen.Add(name))
            {
                result.Error(source.At(property.Line), $"listener {ConfigWords.Safe(written)} is listed twice in {ConfigWords.Safe(property.Written)}: each listener needs its own name");
                continue;
            }
            var protocol = ProtocolOf(written, map);
            // Schema Registry, Kafka REST and ksqlDB write their HTTP(S) servers as listeners=https://... next to Kafka-style
            // ssl.* settings: no Kafka listener, not read (docs/configurations.md), and no error either.
            if (protocol is null && written.ToLowerInvariant() is "http" or "https") continue;
            if (protocol is null)
            {
                result.Error(source.At(property.Line), $"listener {ConfigWords.Safe(written)} has no security protocol: name it in listener.security.protocol.map");
                continue;
            }
            listeners.Add(new KafkaListener(name, written, protocol, PeerHosts.Of(entry[(scheme + 3)..]), position));
        }
        return listeners;
    }

    /// <summary>A listener's security protocol: its map entry, else its own name when that is a protocol's; null when neither.</summary>
    public static string? ProtocolOf(string written, Dictionary<string, string> map) =>
        map.GetValueOrDefault(SpringProperties.Canonical(written)) ?? Protocols.FirstOrDefault(p => p.Equals(written, StringComparison.OrdinalIgnoreCase));

    /// <summary>listener.security.protocol.map by canonical listener name; an entry that is not NAME:PROTOCOL is an issue.</summary>
    public static Dictionary<string, string> Map(SpringProperty? property, ConfigSource source, ConfigReadResult result)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (property is null) return map;
        foreach (var entry in property.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxListeners))
        {
            var parts = entry.Split(':', StringSplitOptions.TrimEntries);
            var protocol = parts.Length == 2 ? Protocols.FirstOrDefault(p => p.Equals(parts[1], StringComparison.OrdinalIgnoreCase)) : null;
            if (protocol is null || parts[0].Length == 0)
            {
                result.Error(source.At(property.Line), "invalid listener.security.protocol.map entry: NAME:PLAINTEXT, NAME:SSL, NAME:SASL_PLAINTEXT or NAME:SASL_SSL expected");
                continue;
            }
            map[SpringProperties.Canonical(parts[0])] = protocol;
        }
        return map;
    }
}
