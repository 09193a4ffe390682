using System.Text.RegularExpressions;

namespace CertLint.Usage.Rabbitmq;

/// <summary>
/// RabbitMQ's rabbitmq.conf (the sysctl-style format; the Erlang-term rabbitmq.config and advanced.config are not
/// read). Each TLS listener (`listeners.ssl.NAME`, and the MQTT and STOMP plugins' `mqtt.listeners.ssl.NAME`,
/// `stomp.listeners.ssl.NAME`, which share the core options) is a server usage with `ssl_options.certfile`,
/// `keyfile` and `cacertfile`; the management plugin's HTTPS listener (`management.ssl.port`) is one with its own
/// `management.ssl.*`. Clients are verified only with `verify = verify_peer` and `fail_if_no_peer_cert = true`:
/// verify_peer alone verifies a certificate a client sends but accepts a client that sends none, which the usage's
/// name says. `versions.N` lists the protocol versions; a literal `password` is recorded, never read or printed.
/// </summary>
public sealed partial class RabbitmqReader : IConfigReader
{
    /// <summary>Listeners read from one file: a node has a handful.</summary>
    private const int MaxListeners = 100;

    private static readonly string[] ListenerPrefixes = ["listeners.ssl.", "mqtt.listeners.ssl.", "stomp.listeners.ssl."];

    public string Format => "rabbitmq";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (!name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase)) return false;
        return name.StartsWith("rabbitmq", StringComparison.OrdinalIgnoreCase) || Signature().IsMatch(text);
    }

    [GeneratedRegex(@"^[ \t]*(listeners\.ssl\.[A-Za-z0-9_-]+|ssl_options\.(certfile|keyfile|cacertfile)|management\.ssl\.(port|certfile))[ \t]*=",
        RegexOptions.Multiline)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var settings = RabbitmqConf.Parse(source, result);
        var secretsTold = new HashSet<string>(StringComparer.Ordinal);
        var listeners = settings.Values
            .Where(s => ListenerPrefixes.Any(p => s.Key.StartsWith(p, StringComparison.Ordinal) && s.Key.Length > p.Length && !s.Key[p.Length..].Contains('.')))
            .OrderBy(s => s.At.StartLine).ToList();
        if (listeners.Count > MaxListeners) result.Error(listeners[MaxListeners].At, $"more than {MaxListeners} TLS listeners: the rest are not read");
        foreach (var listener in listeners.Take(MaxListeners))
            result.Usages.Add(Server(source, settings, "ssl_options.", listener, result, secretsTold));
        if (settings.GetValueOrDefault("management.ssl.port") is { } port)
            result.Usages.Add(Server(source, settings, "management.ssl.", port, result, secretsTold));
    }

    /// <summary>
    /// A TLS listener with the options under <paramref name="prefix"/>. A literal password goes with the first listener
    /// using it only (<paramref name="secretsTold"/>): one line in the repository is one finding, however many listeners share it.
    /// </summary>
    private static TlsUsage Server(ConfigSource source, Dictionary<string, RabbitmqSetting> settings, string prefix, RabbitmqSetting listener, ConfigReadResult result,
        HashSet<string> secretsTold)
    {
        RabbitmqSetting? Get(string name) => settings.GetValueOrDefault(prefix + name);
        FileReference? File(string name) => Get(name) is { } s
            ? UsagePaths.Reference(s.Value, s.At, s.Key, source.Directory) : null;
        var verify = Choice(Get("verify"), result, "verify_peer", "verify_none") == "verify_peer";
        var failIfNoCert = Choice(Get("fail_if_no_peer_cert"), result, "true", "false") == "true";
        var optional = verify && !failIfNoCert;
        return new TlsUsage
        {
            Format = "rabbitmq",
            Location = listener.At,
            Service = $"rabbitmq {ConfigWords.Safe(listener.Key)}" + (optional ? " (client certificate optional)" : ""),
            Role = UsageRole.Server,
            Certificate = File("certfile"),
            Key = File("keyfile"),
            CaFiles = File("cacertfile") is { } ca ? [ca] : [],
            // verify_peer verifies a certificate the client sends, fail_if_no_peer_cert or not, as nginx `optional` counts;
            // the service name says when a client may send none.
            VerifyPeer = verify,
            VerifyAt = (verify && failIfNoCert ? Get("fail_if_no_peer_cert") : Get("verify"))?.At,
            Protocols = Versions(settings, prefix + "versions.", result),
            LiteralSecrets = Get("password") is { } password && IsLiteral(password.Value) && secretsTold.Add(prefix)
                ? [new LiteralSecret(password.At, password.Key)] : [],
            Settings = new Dictionary<string, string> { ["verify"] = verify ? "verify_peer" : "verify_none", ["fail_if_no_peer_cert"] = failIfNoCert ? "true" : "false" },
        };
    }

    /// <summary>
    /// A password written in clear: RabbitMQ decrypts an `encrypted:` value with a passphrase kept elsewhere
    /// (advanced.config or the CLI), so that one is no readable secret.
    /// </summary>
    private static bool IsLiteral(string value) =>
        LiteralSecret.IsLiteral(value) && !value.StartsWith("encrypted:", StringComparison.Ordinal);

    /// <summary>A setting's value among the allowed ones; another is an issue at its line (RabbitMQ refuses to start).</summary>
    private static string? Choice(RabbitmqSetting? setting, ConfigReadResult result, params string[] allowed)
    {
        if (setting is null) return null;
        if (allowed.Contains(setting.Value)) return setting.Value;
        result.Error(setting.At, $"invalid {ConfigWords.Safe(setting.Key)}: {string.Join(" or ", allowed)} expected");
        return null;
    }

    /// <summary>PREFIX.1 = tlsv1.2, PREFIX.2 = tlsv1.3 ...; where the first of them is written.</summary>
    private static ProtocolSetting? Versions(Dictionary<string, RabbitmqSetting> settings, string prefix, ConfigReadResult result)
    {
        var listed = settings.Values.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(s => s.At.StartLine).ToList();
        if (listed.Count == 0) return null;
        var versions = new List<TlsVersion>();
        foreach (var s in listed)
        {
            if (TlsVersions.Parse(s.Value) is { } v && s.Value.StartsWith("tlsv", StringComparison.Ordinal)) versions.Add(v);
            else result.Error(s.At, $"invalid {ConfigWords.Safe(s.Key)}: tlsv1, tlsv1.1, tlsv1.2 or tlsv1.3 expected");
        }
        return versions.Count == 0 ? null : new ProtocolSetting([.. versions.Distinct().Order()], listed[0].At, prefix + "N");
    }
}
