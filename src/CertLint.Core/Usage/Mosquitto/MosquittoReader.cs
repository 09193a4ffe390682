using System.Text.RegularExpressions;

namespace CertLint.Usage.Mosquitto;

/// <summary>
/// The Eclipse Mosquitto MQTT broker's mosquitto.conf (and the .conf files its include_dir reads). A listener
/// (`listener PORT [BIND]`, or the default listener the options before any `listener` line configure) with `certfile`
/// and `keyfile` is a certificate TLS server: `cafile` / `capath` verify clients, `require_certificate true` asks
/// every client for a certificate and verifies it (the default, false, asks none), `crlfile` revokes, `tls_version`
/// is the lowest version allowed (mosquitto 2.x; 1.6 read it as the only one). A bridge (`connection NAME` ...
/// `address HOST[:PORT]`) with `bridge_cafile`, `bridge_capath` or `bridge_tls_use_os_certs` is a TLS client that
/// always verifies the remote broker's chain, and its host name unless `bridge_insecure true`; it presents
/// `bridge_certfile` with `bridge_keyfile`. Each file starts on the default listener with no bridge, as
/// config__read_file_core reads it; what mosquitto refuses to start with (a repeated path option in one listener or
/// bridge, a bridge option outside a bridge, a bad boolean) is a parse issue at its line.
/// </summary>
public sealed partial class MosquittoReader : IConfigReader
{
    /// <summary>Listeners and bridges read from one configuration: a broker has a handful of each.</summary>
    public const int MaxBlocks = 100;

    /// <summary>Listener options mosquitto stores as strings: conf__parse_string refuses a second value in one listener.</summary>
    private static readonly HashSet<string> ListenerStrings = ["cafile", "capath", "certfile", "keyfile", "crlfile", "tls_version", "ciphers", "psk_hint"];

    private static readonly HashSet<string> ListenerBools = ["require_certificate", "use_identity_as_username", "use_subject_as_username"];

    private static readonly HashSet<string> BridgeStrings =
        ["address", "addresses", "bridge_cafile", "bridge_capath", "bridge_certfile", "bridge_keyfile", "bridge_tls_version", "bridge_alpn", "bridge_identity", "bridge_psk"];

    private static readonly HashSet<string> BridgeBools = ["bridge_insecure", "bridge_tls_use_os_certs"];

    public string Format => "mosquitto";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (!name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)) return false;
        return name.StartsWith("mosquitto", StringComparison.OrdinalIgnoreCase) || Signature().IsMatch(text);
    }

    /// <summary>Lines only mosquitto writes: a numbered listener, its certificate and bridge options, its persistence and anonymous-access switches.</summary>
    [GeneratedRegex(@"^[ \t]*(listener[ \t]+[0-9]+([ \t]|\r?$)|require_certificate[ \t]+(true|false)|use_(identity|subject)_as_username[ \t]|bridge_(cafile|capath|certfile|keyfile|insecure|tls_version|protocol_version)[ \t]|persistence_location[ \t]|allow_anonymous[ \t]+(true|false)|per_listener_settings[ \t])",
        RegexOptions.Multiline)]
    private static partial Regex Signature();

    /// <summary>A listener or a bridge: the line that starts it (none for the default listener) and its options.</summary>
    private sealed class Block(MosquittoOption? start, bool ignored = false)
    {
        public MosquittoOption? Start { get; } = start;
        /// <summary>Past <see cref="MaxBlocks"/>: its options are not read (nor told twice).</summary>
        public bool Ignored { get; } = ignored;
        public Dictionary<string, MosquittoOption> Options { get; } = new(StringComparer.Ordinal);
        public MosquittoOption? Get(string name) => Options.GetValueOrDefault(name);
        public bool IsTrue(string name) => Options.TryGetValue(name, out var o) && o.Value is "true" or "1";
    }

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var defaultListener = new Block(null);
        var discarded = new Block(null, ignored: true);
        List<Block> listeners = [], bridges = [];
        var told = new HashSet<string>(StringComparer.Ordinal);
        var frames = new Stack<(Block Listener, Block? Bridge)>();
        var listener = defaultListener;
        Block? bridge = null;
        foreach (var o in new MosquittoConfig(source, result).Parse())
        {
            switch (o.Kind)
            {
                case MosquittoFrame.FileStart:
                    frames.Push((listener, bridge));
                    (listener, bridge) = (defaultListener, null);
                    continue;
                case MosquittoFrame.FileEnd:
                    (listener, bridge) = frames.Pop();
                    continue;
            }
            if (o.Name == "listener") listener = Open(o, listeners, "listeners", result);
            else if (o.Name == "connection") bridge = Open(o, bridges, "bridges", result);
            else if (o.Name == "port") defaultListener.Options["port"] = o;   // always the default listener's (conf.c)
            else if (o.Name == "protocol" && !listener.Ignored) listener.Options["protocol"] = o;
            else if (ListenerStrings.Contains(o.Name)) SetString(listener, o, "listener", result);
            else if (ListenerBools.Contains(o.Name)) SetBool(listener, o, result);
            else if ((BridgeStrings.Contains(o.Name) || BridgeBools.Contains(o.Name)) && bridge is null)
                result.Error(o.At, $"{o.Name} outside a bridge (no connection line before it in this file): mosquitto refuses the configuration");
            else if (BridgeStrings.Contains(o.Name)) SetString(bridge!, o, "bridge", result);
            else if (BridgeBools.Contains(o.Name)) SetBool(bridge!, o, result);
        }
        foreach (var block in listeners.Prepend(defaultListener))
        {
            if (Server(block, result) is { } usage) result.Usages.Add(usage);
        }
        foreach (var block in bridges)
        {
            if (Bridge(block, result) is { } usage) result.Usages.Add(usage);
        }

        Block Open(MosquittoOption o, List<Block> blocks, string what, ConfigReadResult issues)
        {
            if (o.Value.Length == 0) issues.Error(o.At, $"{o.Name} without a value: mosquitto refuses the configuration");
            if (blocks.Count < MaxBlocks)
            {
                var block = new Block(o);
                blocks.Add(block);
                return block;
            }
            if (told.Add(what)) issues.Error(o.At, $"more than {MaxBlocks} {what} in one configuration: the rest are not read");
            return discarded;
        }
    }

    /// <summary>A string option: mosquitto refuses an empty one and a second one in the same listener or bridge.</summary>
    private static void SetString(Block block, MosquittoOption o, string what, ConfigReadResult result)
    {
        if (block.Ignored) return;
        if (o.Value.Length == 0) result.Error(o.At, $"{o.Name} without a value: mosquitto refuses the configuration");
        else if (block.Options.ContainsKey(o.Name)) result.Error(o.At, $"{o.Name} given twice for one {what}: mosquitto refuses the configuration");
        else block.Options[o.Name] = o;
    }

    /// <summary>A boolean (conf__parse_bool: true, false, 1 or 0); the last one holds.</summary>
    private static void SetBool(Block block, MosquittoOption o, ConfigReadResult result)
    {
        if (block.Ignored) return;
        if (o.Value is "true" or "false" or "1" or "0") block.Options[o.Name] = o;
        else result.Error(o.At, $"invalid {o.Name}: true or false expected");
    }

    private static FileReference? File(Block block, string name) =>
        block.Get(name) is { } o ? UsagePaths.Reference(o.Value, o.At, o.Name, o.Source.Directory) : null;

    /// <summary>A CA file and a CA folder (OpenSSL's hashed directory) together.</summary>
    private static List<FileReference> CaFiles(Block block, string file, string folder) =>
        [.. new[] { File(block, file) }.OfType<FileReference>()
            .Concat(File(block, folder) is { } dir ? UsagePaths.CaFolder(dir, block.Get(folder)!.Source) : [])];

    /// <summary>
    /// A listener serving a certificate: certfile and keyfile make it certificate TLS (a psk_hint alone is PSK, no
    /// certificate to judge). require_certificate true asks every client for a certificate and verifies it against
    /// cafile / capath; false (the default) asks none.
    /// </summary>
    private static TlsUsage? Server(Block block, ConfigReadResult result)
    {
        var cert = File(block, "certfile");
        var key = File(block, "keyfile");
        if (cert is null && key is null) return null;
        var require = block.IsTrue("require_certificate");
        var protocol = block.Get("protocol")?.Value.ToLowerInvariant() ?? "mqtt";
        foreach (var name in new[] { "use_identity_as_username", "use_subject_as_username" })
        {
            // The listener never asks for a certificate, so no client has a name to take: every one is refused.
            if (block.IsTrue(name) && !require)
                result.Error(block.Get(name)!.At, $"{name} needs require_certificate true: the listener asks no client for a certificate, so no client gets a user name from one");
        }
        return new TlsUsage
        {
            Format = "mosquitto",
            Location = block.Start?.At ?? (cert ?? key)!.At,
            Service = ListenerName(block) + (protocol == "mqtt" ? "" : $" ({ConfigWords.Safe(protocol)})"),
            Role = UsageRole.Server,
            Certificate = cert,
            Key = key,
            CaFiles = CaFiles(block, "cafile", "capath"),
            CrlFiles = File(block, "crlfile") is { } crl ? [crl] : [],
            VerifyPeer = require,
            VerifyAt = block.Get("require_certificate")?.At,
            RequestsClientCertificate = require,
            Protocols = Minimum(block.Get("tls_version"), result),
            Settings = new Dictionary<string, string> { ["require_certificate"] = require ? "true" : "false", ["protocol"] = ConfigWords.Safe(protocol) },
        };
    }

    /// <summary>"mosquitto listener 8883 on 10.0.0.1", or the default listener with its port (1883 unless `port`).</summary>
    private static string ListenerName(Block block)
    {
        if (block.Start is null) return $"mosquitto default listener (port {ConfigWords.Safe(block.Get("port")?.Value ?? "1883")})";
        var words = block.Start.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var name = $"mosquitto listener {(words.Length > 0 ? ConfigWords.Safe(words[0]) : "(unnamed)")}";
        return words.Length > 1 && ConfigWords.Safe(words[1]) is var bind && bind != "(unnamed)" ? $"{name} on {bind}" : name;
    }

    /// <summary>
    /// A bridge connecting with certificate TLS: mosquitto verifies the remote broker's chain with bridge_cafile,
    /// bridge_capath or the system's store, and its host name against the first address unless bridge_insecure.
    /// </summary>
    private static TlsUsage? Bridge(Block block, ConfigReadResult result)
    {
        var start = block.Start!;
        var address = block.Get("address") ?? block.Get("addresses");
        if (address is null) result.Error(start.At, "bridge without an address: mosquitto refuses the configuration");
        var tls = block.Get("bridge_cafile") is not null || block.Get("bridge_capath") is not null || block.IsTrue("bridge_tls_use_os_certs");
        if (!tls)
        {
            if (block.Get("bridge_certfile") is { } lone)
                result.Error(lone.At, "bridge_certfile without bridge_cafile, bridge_capath or bridge_tls_use_os_certs: the bridge does not use certificate TLS");
            return null;
        }
        // The first address is the main one (round_robin false, the default); the others are fallbacks.
        var first = address?.Value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var peer = first is null ? null : Host(first);
        var insecure = block.Get("bridge_insecure");
        var settings = new Dictionary<string, string> { ["bridge_insecure"] = block.IsTrue("bridge_insecure") ? "true" : "false" };
        if (block.Get("bridge_alpn") is { } alpn) settings["bridge_alpn"] = ConfigWords.Safe(alpn.Value);
        return new TlsUsage
        {
            Format = "mosquitto",
            Location = start.At,
            Service = $"mosquitto bridge {ConfigWords.Safe(start.Value)}" + (peer is not null && ConfigWords.Safe(peer) is var host && host != "(unnamed)" ? $" to {host}" : ""),
            Role = UsageRole.Client,
            PeerHost = peer,
            Certificate = File(block, "bridge_certfile"),
            Key = File(block, "bridge_keyfile"),
            CaFiles = CaFiles(block, "bridge_cafile", "bridge_capath"),
            VerifyPeer = true,
            VerifyHost = !block.IsTrue("bridge_insecure"),
            VerifyHostAt = insecure?.At,
            Protocols = Minimum(block.Get("bridge_tls_version"), result),
            Settings = settings,
        };
    }

    /// <summary>
    /// The host of "HOST[:PORT]": mosquitto cuts the port at the last colon, so an IPv6 address is written with its port
    /// (2001:db8::1:8883), brackets or not.
    /// </summary>
    private static string? Host(string address)
    {
        var colon = address.LastIndexOf(':');
        var host = colon < 0 ? address : address[..colon];
        return host.Contains(':') ? host.Trim('[', ']') is { Length: > 0 } v6 ? v6 : null : PeerHosts.Of(host);
    }

    /// <summary>tls_version / bridge_tls_version: the lowest version allowed (mosquitto 2.x), up to TLS 1.3.</summary>
    private static ProtocolSetting? Minimum(MosquittoOption? o, ConfigReadResult result)
    {
        if (o is null) return null;
        var value = o.Value.ToLowerInvariant();
        if (value.StartsWith("tlsv1", StringComparison.Ordinal) && TlsVersions.Parse(value) is { } min)
            return new ProtocolSetting(TlsVersions.Range(min, TlsVersion.Tls13), o.At, o.Name);
        result.Error(o.At, $"invalid {o.Name}: tlsv1.3, tlsv1.2 or tlsv1.1 expected");
        return null;
    }
}
