using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Envoy;

/// <summary>
/// Envoy bootstrap files (YAML or JSON): each listener filter chain's DownstreamTlsContext is a TLS server (its
/// `filter_chain_match.server_names` the hosts it answers), each cluster's UpstreamTlsContext a TLS client (its `sni`
/// the peer). TLS contexts are found as `transport_socket.typed_config` (v3) or `tls_context` (v2) of the chain or
/// cluster, also under a cluster's `transport_socket_matches`. Certificates and CAs a context takes through SDS are
/// read from `static_resources.secrets` or the SDS file named (<see cref="EnvoySecrets"/>).
/// </summary>
public sealed partial class EnvoyReader : IConfigReader
{
    public string Format => "envoy";

    public bool Detect(string relativePath, string text) =>
        Path.GetExtension(relativePath).ToLowerInvariant() is ".yaml" or ".yml" or ".json"
        && (Signature().IsMatch(text) || (text.Contains("static_resources", StringComparison.Ordinal) && text.Contains("tls_context", StringComparison.Ordinal)));

    [GeneratedRegex(@"envoy\.(extensions\.)?transport_sockets\.tls|(Downstream|Upstream)TlsContext")]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not { } documents) return;
        var contexts = new EnvoyTlsContext(source, result, new EnvoySecrets(source, result, documents));
        foreach (var root in documents)
        {
            var resources = root.Get("static_resources");
            foreach (var listener in resources.Get("listeners").Items())
            {
                var name = $"listener {ConfigWords.Safe(listener.Text("name") ?? "")}";
                var chains = listener.Get("filter_chains").Items().Append(listener.Get("default_filter_chain")).OfType<YamlNode>().ToList();
                for (var i = 0; i < chains.Count; i++)
                {
                    if (Context(chains[i]) is not { } context) continue;
                    var names = chains[i].Get("filter_chain_match").Get("server_names");
                    var hosts = names.Items().Select(h => h.Text()).OfType<string>().Where(h => !h.Contains('*')).ToList();
                    contexts.Add(context, downstream: true, chains.Count == 1 ? name : $"{name} filter chain {i + 1}", hosts, names?.Line());
                }
            }
            foreach (var cluster in resources.Get("clusters").Items())
            {
                var name = $"cluster {ConfigWords.Safe(cluster.Text("name") ?? "")}";
                var holders = cluster.Get("transport_socket_matches").Items().Prepend(cluster).ToList();
                var autoSan = AutoSanValidation(cluster);
                foreach (var holder in holders)
                {
                    if (Context(holder) is { } context) contexts.Add(context, downstream: false, name, [], null, autoSan is null ? null : source.At(autoSan.Line()));
                }
            }
        }
    }

    /// <summary>
    /// A cluster's `auto_san_validation: true`: in `upstream_http_protocol_options` of its HttpProtocolOptions
    /// (`typed_extension_protocol_options`, any key) or, deprecated, of the cluster itself. Envoy then checks the
    /// server's certificate names the host it sent as SNI.
    /// </summary>
    private static YamlNode? AutoSanValidation(YamlNode cluster)
    {
        var options = cluster.Get("typed_extension_protocol_options") is YamlMappingNode typed
            ? typed.Children.Values.Select(o => o.Get("upstream_http_protocol_options"))
            : [];
        return options.Prepend(cluster.Get("upstream_http_protocol_options"))
            .Select(o => o.Get("auto_san_validation")).FirstOrDefault(EnvoyTlsContext.IsTrue);
    }

    /// <summary>The TLS context a filter chain or cluster holds: transport_socket.typed_config (v3) or tls_context (v2).</summary>
    private static YamlMappingNode? Context(YamlNode holder)
    {
        if (holder.Get("tls_context") is YamlMappingNode legacy) return legacy;
        var socket = holder.Get("transport_socket");
        if (socket is null) return null;
        var typed = socket.Get("typed_config") ?? socket.Get("config");
        var isTls = (socket.Text("name") ?? "").Contains("tls", StringComparison.Ordinal)
                    || (typed.Text("@type") ?? "").EndsWith("TlsContext", StringComparison.Ordinal);
        return isTls && typed is YamlMappingNode map ? map : null;
    }
}
