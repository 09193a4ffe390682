using System.Text.RegularExpressions;
using CertLint.Model;
using CertLint.Usage.Spring;

namespace CertLint.Usage.Elastic;

/// <summary>
/// The Elastic Stack's YAML: elasticsearch.yml (the HTTP layer serves clients; the transport layer serves the other
/// nodes and is their client), kibana.yml (its own server, and its connection to Elasticsearch) and the Beats'
/// *beat.yml (each output and setup.kibana a client). Settings are flattened as Elastic reads them: nested maps and
/// dotted keys are one (<see cref="SpringProperties"/>). Defaults are Elastic's: verification is full, transport
/// client authentication required, HTTP client authentication none.
/// </summary>
public sealed partial class ElasticReader : IConfigReader
{
    private const string Name = "elastic";

    public string Format => Name;

    private enum Product { Elasticsearch, Kibana, Beat }

    public bool Detect(string relativePath, string text) => Kind(relativePath) is { } kind && kind switch
    {
        Product.Elasticsearch => EsSignature().IsMatch(text),
        Product.Kibana => KibanaSignature().IsMatch(text),
        _ => BeatSignature().IsMatch(text),
    };

    private static Product? Kind(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (Path.GetExtension(name) is not (".yml" or ".yaml")) return null;
        // The first dot-separated part: filebeat.docker.yml and kibana.prod.yml are the same products' files.
        var stem = Path.GetFileNameWithoutExtension(name).Split('.')[0];
        return stem switch
        {
            "elasticsearch" => Product.Elasticsearch,
            "kibana" => Product.Kibana,
            _ when stem.EndsWith("beat", StringComparison.Ordinal) || stem == "apm-server" => Product.Beat,
            _ => null,
        };
    }

    [GeneratedRegex(@"(xpack\.security\.(http|transport)\.ssl|^[ \t]*ssl:)", RegexOptions.Multiline)]
    private static partial Regex EsSignature();

    [GeneratedRegex(@"(server\.ssl|elasticsearch\.ssl|elasticsearch\.hosts|^[ \t]*ssl:)", RegexOptions.Multiline)]
    private static partial Regex KibanaSignature();

    [GeneratedRegex(@"(^|[ \t.])(ssl[.:]|hosts?:[^\n]*https://)", RegexOptions.Multiline)]
    private static partial Regex BeatSignature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var properties = SpringProperties.Read(source, result);
        switch (Kind(source.File.RelativePath))
        {
            case Product.Elasticsearch:
                Elasticsearch(properties, source, result);
                break;
            case Product.Kibana:
                Kibana(properties, source, result);
                break;
            default:
                Beat(properties, source, result);
                break;
        }
    }

    /// <summary>
    /// xpack.security.http.ssl (a server; clients asked for a certificate only with client_authentication) and
    /// xpack.security.transport.ssl (a server requiring the other nodes' certificates by default, and a client of
    /// them presenting its own). A layer with enabled: false serves no TLS; settings without `enabled` are an error
    /// (Elasticsearch refuses to start), and still linted.
    /// </summary>
    private static void Elasticsearch(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result)
    {
        foreach (var layer in new[] { "http", "transport" })
        {
            var ssl = new ElasticSsl(properties, source, result, $"xpack.security.{layer}.ssl.");
            if (!ssl.Present) continue;
            var enabled = ssl.Enabled();
            if (enabled == false) continue;
            var at = source.At(FirstLine(properties, $"xpack.security.{layer}.ssl."));
            // SSLService.validateServerConfiguration: settings under the prefix without `enabled` stop the node at boot.
            // The layer's files are still linted, as they will be once `enabled: true` is added.
            if (enabled is null && ssl.Get("enabled") is null)
            {
                result.Error(at, $"xpack.security.{layer}.ssl.enabled is not set, but other xpack.security.{layer}.ssl settings are: Elasticsearch refuses to start; set it to true or false");
            }
            var (chain, name, verifyAt) = ssl.Verification();
            var (auth, authAt) = ssl.ClientAuthentication();
            auth ??= layer == "transport" ? "required" : "none";
            var asks = auth != "none";
            var server = ssl.Usage(Name, at, $"elasticsearch {layer}", UsageRole.Server);
            result.Usages.Add(server with
            {
                RequestsClientCertificate = asks,
                // A client certificate is checked by verification_mode as a server's is by a client: none accepts any.
                VerifyPeer = asks && chain,
                VerifyAt = !asks ? authAt : chain ? authAt ?? verifyAt : verifyAt,
                Settings = new Dictionary<string, string> { ["client_authentication"] = auth },
            });
            if (layer != "transport") continue;
            // The node connects to the others with the same settings: it presents its certificate and verifies theirs.
            result.Usages.Add(server with
            {
                Service = "elasticsearch transport (to the other nodes)",
                Role = UsageRole.Client,
                VerifyPeer = chain,
                VerifyAt = verifyAt,
                VerifyHost = chain ? name : null,
                VerifyHostAt = verifyAt,
                LiteralSecrets = [], // told once, with the server side
            });
        }
    }

    /// <summary>server.ssl (Kibana's own server, for server.publicBaseUrl's host) and elasticsearch.ssl (its client).</summary>
    private static void Kibana(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result)
    {
        var server = new ElasticSsl(properties, source, result, "server.ssl.");
        if (server.Present && server.Enabled() == true)
        {
            var (auth, authAt) = server.ClientAuthentication();
            auth ??= "none";
            var publicHost = Host(properties.GetValueOrDefault(SpringProperties.Canonical("server.publicBaseUrl"))?.Value);
            result.Usages.Add(server.Usage(Name, source.At(FirstLine(properties, "server.ssl.")), "kibana server", UsageRole.Server) with
            {
                RequestsClientCertificate = auth != "none",
                VerifyPeer = auth != "none",
                VerifyAt = authAt,
                Hosts = publicHost is not null && PeerHosts.IsDomainName(publicHost) ? [publicHost] : [],
                Settings = new Dictionary<string, string> { ["clientAuthentication"] = auth },
            });
        }
        Client(properties, source, result, "elasticsearch", "kibana to elasticsearch");
    }

    /// <summary>Each output (elasticsearch, logstash, kafka, redis) and setup.kibana of a Beat is a client.</summary>
    private static void Beat(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result)
    {
        foreach (var output in new[] { "output.elasticsearch", "output.logstash", "output.kafka", "output.redis", "setup.kibana" })
        {
            Client(properties, source, result, output, $"{Path.GetFileName(source.File.RelativePath).Split('.')[0]} {output}");
        }
    }

    /// <summary>
    /// A client block: TLS when its ssl block is there and not disabled, or when its hosts are https:// URLs (then with
    /// the system's CAs and full verification); the peer is the first host.
    /// </summary>
    private static void Client(Dictionary<string, SpringProperty> properties, ConfigSource source, ConfigReadResult result, string block, string service)
    {
        var ssl = new ElasticSsl(properties, source, result, block + ".ssl.");
        var hosts = properties.GetValueOrDefault(SpringProperties.Canonical(block + ".hosts"))
                    ?? properties.GetValueOrDefault(SpringProperties.Canonical(block + ".host"));
        var https = hosts?.Value.Contains("https://", StringComparison.OrdinalIgnoreCase) == true;
        var enabled = ssl.Enabled();
        if (enabled == false || (!ssl.Present && !https)) return;
        var (chain, name, verifyAt) = ssl.Verification();
        var first = hosts?.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var at = ssl.Present ? FirstLine(properties, block + ".ssl.") : hosts!.Line;
        result.Usages.Add(ssl.Usage(Name, source.At(at), service, UsageRole.Client) with
        {
            VerifyPeer = chain,
            VerifyAt = verifyAt,
            VerifyHost = chain ? name : null,
            VerifyHostAt = verifyAt,
            PeerHost = Host(first),
        });
    }

    /// <summary>The host of a URL or HOST:PORT ("https://es01:9200" → es01); null for a placeholder.</summary>
    private static string? Host(string? value) =>
        value is null || value.Contains("${", StringComparison.Ordinal) ? null : PeerHosts.OfUrl(value.Trim().Trim('"', '\''));

    /// <summary>The line of the first setting under a prefix: where the block starts.</summary>
    private static int FirstLine(Dictionary<string, SpringProperty> properties, string prefix)
    {
        var canonical = SpringProperties.Canonical(prefix);
        return properties.Values.Where(p => p.Key.StartsWith(canonical, StringComparison.Ordinal)).Select(p => p.Line).DefaultIfEmpty(1).Min();
    }
}
