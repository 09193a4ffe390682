using System.Text.RegularExpressions;
using CertLint.Model;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Prometheus;

/// <summary>
/// The Prometheus ecosystem's YAML. prometheus.yml (any .yml/.yaml with a top-level <c>scrape_configs:</c>, or a
/// prometheus*.yml with <c>remote_write:</c>, <c>remote_read:</c> or <c>alerting:</c>): Prometheus is a client of each
/// scrape job, Alertmanager, remote-write and remote-read endpoint that speaks TLS, through prometheus/common's
/// <c>tls_config</c>. The exporter-toolkit web configuration (any .yml/.yaml with a top-level
/// <c>tls_server_config:</c>: the <c>--web.config.file</c> of Prometheus, Alertmanager, node_exporter and the other
/// exporters): one server. Relative paths resolve against the file's folder, as both products join them
/// (<c>SetDirectory</c>).
/// </summary>
public sealed partial class PrometheusReader : IConfigReader
{
    internal const string Name = "prometheus";

    /// <summary>Entries read per list (scrape_configs, alertmanagers, remote_write, remote_read): real files hold tens.</summary>
    internal const int MaxEntries = 1_000;

    public string Format => Name;

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (Path.GetExtension(name) is not (".yml" or ".yaml")) return false;
        if (WebConfig().IsMatch(text) || Scrape().IsMatch(text)) return true;
        return name.StartsWith("prometheus", StringComparison.Ordinal) && Clients().IsMatch(text);
    }

    [GeneratedRegex(@"^tls_server_config:[ \t]*(#.*)?\r?$", RegexOptions.Multiline)]
    private static partial Regex WebConfig();

    [GeneratedRegex(@"^scrape_configs:", RegexOptions.Multiline)]
    private static partial Regex Scrape();

    [GeneratedRegex(@"^(remote_write|remote_read|alerting):", RegexOptions.Multiline)]
    private static partial Regex Clients();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (ManifestYaml.Load(source, result) is not [YamlMappingNode root, ..]) return;
        // A web configuration never holds scrape_configs (exporter-toolkit reads it strictly): its key decides.
        var web = root.Children.FirstOrDefault(e => e.Key.Text() == "tls_server_config");
        if (web.Key is not null)
        {
            // At the key: a block mapping starts at its first setting.
            if (web.Value is YamlMappingNode tls) PrometheusTls.Server(source, result, tls, source.At(web.Key.Line()));
            return;
        }
        foreach (var (job, i) in Entries(source, result, root.Get("scrape_configs"), "scrape_configs"))
        {
            var jobName = job.Text("job_name");
            Client(source, result, job, Https(job), $"scrape job {(jobName is null ? $"scrape_configs[{i}]" : ConfigWords.Safe(jobName))}", () => StaticHost(job));
        }
        foreach (var (alertmanager, i) in Entries(source, result, root.Get("alerting").Get("alertmanagers"), "alerting.alertmanagers"))
        {
            Client(source, result, alertmanager, Https(alertmanager), $"alertmanagers[{i}]", () => StaticHost(alertmanager));
        }
        foreach (var list in new[] { "remote_write", "remote_read" })
        {
            foreach (var (endpoint, i) in Entries(source, result, root.Get(list), list))
            {
                var name = endpoint.Text("name");
                // The url is the endpoint: a tls_config beside an http:// url is never used.
                var url = endpoint.Text("url");
                var https = url?.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
                Client(source, result, endpoint, https, $"{list} {(name is null ? $"[{i}]" : ConfigWords.Safe(name))}", () => PeerHosts.OfUrl(url!));
            }
        }
    }

    /// <summary>The mappings of a list, at most <see cref="MaxEntries"/>; past it one issue at the first not read.</summary>
    private static IEnumerable<(YamlMappingNode Entry, int Index)> Entries(ConfigSource source, ConfigReadResult result, YamlNode? list, string key)
    {
        var i = 0;
        foreach (var item in list.Items())
        {
            if (i == MaxEntries)
            {
                result.Error(source.At(item.Line()), $"more than {MaxEntries} {key} entries: the rest are not read");
                yield break;
            }
            if (item is YamlMappingNode entry) yield return (entry, i);
            i++;
        }
    }

    /// <summary>
    /// A scrape job or an Alertmanager list speaks TLS with <c>scheme: https</c> (the default is http), or with a
    /// tls_config: relabeling may set <c>__scheme__</c> to https per target, and the settings are then used.
    /// </summary>
    private static bool Https(YamlMappingNode entry) =>
        entry.Text("scheme")?.Equals("https", StringComparison.OrdinalIgnoreCase) == true || entry.Get("tls_config") is YamlMappingNode;

    private static void Client(ConfigSource source, ConfigReadResult result, YamlMappingNode entry, bool https, string service, Func<string?> peer)
    {
        if (https) result.Usages.Add(PrometheusTls.Client(source, result, entry.Get("tls_config") as YamlMappingNode, source.At(entry.Line()), service, peer()));
    }

    /// <summary>Targets looked at per job for its host: past it the job's peer is left unnamed.</summary>
    private const int MaxTargets = 1_000;

    /// <summary>
    /// The host a job's static_configs targets all name ("node1.example.test:9100" → node1.example.test), or null:
    /// several hosts (one usage stands for the job, and naming one would judge the others by it), none, or targets that
    /// service discovery also supplies (a <c>*_sd_configs</c> key).
    /// </summary>
    private static string? StaticHost(YamlMappingNode entry)
    {
        if (entry.Children.Keys.Any(k => k.Text()?.EndsWith("_sd_configs", StringComparison.Ordinal) == true)) return null;
        string? host = null;
        var seen = 0;
        foreach (var target in entry.Get("static_configs").Items().SelectMany(s => s.Get("targets").Items()))
        {
            if (++seen > MaxTargets || target.Text() is not { } text || PeerHosts.Of(text.Trim()) is not { } h) return null;
            if (host is null) host = h;
            else if (!host.Equals(h, StringComparison.OrdinalIgnoreCase)) return null;
        }
        return host;
    }
}
