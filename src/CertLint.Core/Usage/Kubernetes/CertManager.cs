using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Kubernetes;

/// <summary>
/// cert-manager `Certificate` resources: the Secret they fill (secretName), the names (dnsNames), the lifetime
/// (duration, renewBefore as Go durations), the key (privateKey.algorithm/size) and the key usages. The certificate
/// itself is made at deployment; what can be checked is the request.
/// </summary>
internal static partial class CertManager
{
    public static void Read(ConfigSource source, ConfigReadResult result, YamlNode doc, string ns, string name)
    {
        var spec = doc.Get("spec");
        var usages = spec.Get("usages").Items().Select(u => u.Text()).OfType<string>().ToList();
        var settings = new Dictionary<string, string>();
        if (spec.Text("secretName") is { } secret) settings["secretName"] = $"{ns}/{secret}";
        if (spec.Text("duration") is { } d) settings["duration"] = d;
        if (spec.Text("renewBefore") is { } r) settings["renewBefore"] = r;
        if (spec.Get("privateKey").Text("algorithm") is { } alg) settings["privateKey.algorithm"] = alg;
        if (spec.Get("privateKey").Text("size") is { } size) settings["privateKey.size"] = size;
        settings["usages"] = string.Join(", ", usages);
        var client = usages.Contains("client auth") && !usages.Contains("server auth");
        result.Usages.Add(new TlsUsage
        {
            Format = "cert-manager",
            Location = source.At(doc.Line()),
            Service = $"Certificate {ns}/{name}",
            Role = client ? UsageRole.Client : UsageRole.Server,
            Hosts = [.. spec.Get("dnsNames").Items().Select(h => h.Text()).OfType<string>()],
            HostsAt = spec.Get("dnsNames") is { } names ? source.At(names.Line()) : null,
            Settings = settings,
        });
    }

    /// <summary>A Go duration (2160h, 90m, 1h30m) in hours; null when it does not parse.</summary>
    public static double? Hours(string? duration)
    {
        if (string.IsNullOrWhiteSpace(duration)) return null;
        var matches = Part().Matches(duration.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != duration.Trim()) return null;
        double hours = 0;
        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            hours += m.Groups[2].Value switch { "h" => n, "m" => n / 60, "s" => n / 3600, "ms" => n / 3_600_000, _ => 0 };
        }
        return hours;
    }

    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)(h|ms|m|s)")]
    private static partial Regex Part();
}
