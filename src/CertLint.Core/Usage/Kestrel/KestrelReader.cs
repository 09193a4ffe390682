using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Kestrel;

/// <summary>
/// ASP.NET Core Kestrel in appsettings*.json (the section Kestrel's ConfigurationReader reads): every https endpoint
/// (Kestrel:Endpoints:NAME with an https:// Url, and each of its Sni host names) is a server usage serving its own
/// Certificate, else Kestrel:Certificates:Default; Kestrel:Certificates:NAME are server certificates too.
/// ClientCertificateMode RequireCertificate is mutual TLS; SslProtocols the allowed versions; the Url's host and the Sni
/// names are host names the certificate must cover. EndpointDefaults fill what an endpoint leaves unset.
/// </summary>
public sealed partial class KestrelReader : IConfigReader
{
    /// <summary>appsettings files are a few levels deep; ASP.NET Core's own reader stops at 64.</summary>
    public const int MaxDepth = 64;

    public string Format => "kestrel";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
               && (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) || KestrelKey().IsMatch(text));
    }

    [GeneratedRegex(@"""Kestrel""\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex KestrelKey();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var root = JsonTree.Parse(source.Text, MaxDepth, out var error);
        if (error is { } e)
        {
            result.Error(source.At(e.Line), e.Message);
            return;
        }
        var overlay = KestrelOverlay.Of(source, root, result);
        if ((overlay?.Merged ?? root)["Kestrel"] is { Properties: not null } kestrel) new KestrelUsages(source, result, kestrel, overlay).Read();
    }
}

/// <summary>
/// Builds the usages of one Kestrel section: of one appsettings file, or of an environment's merged view
/// (<see cref="KestrelOverlay"/>), where every value keeps its own file and line.
/// </summary>
internal sealed class KestrelUsages(ConfigSource source, ConfigReadResult result, JsonTree kestrel, KestrelOverlay? overlay)
{
    private sealed record CertificateSetting(FileReference? Certificate, FileReference? Key, IReadOnlyList<LiteralSecret> Secrets, string? Store)
    {
        public bool IsSet => Certificate is not null || Store is not null;
        /// <summary>In an environment's view: the base file's certificate, unchanged (judged once, on the base file's usage).</summary>
        public bool Inherited { get; init; }
    }

    private readonly JsonTree? _defaults = kestrel["EndpointDefaults"];

    public void Read()
    {
        var endpoints = kestrel["Endpoints"]?.Children.ToList() ?? [];
        var httpsEndpoints = 0;
        // In an environment's view, only what the environment file changes makes a usage of its own; the rest is the base file's.
        var sharedChanged = Changed(_defaults) || Changed(kestrel["Certificates"]?["Default"]);
        foreach (var (name, endpoint) in endpoints)
            if (Endpoint(name, endpoint, sharedChanged || Changed(endpoint))) httpsEndpoints++;
        foreach (var (name, node) in kestrel["Certificates"]?.Children ?? [])
        {
            var cert = Certificate(node, $"Kestrel:Certificates:{name}");
            if (!cert.IsSet || !Changed(node)) continue;
            // Without https endpoints here, the defaults stand for the endpoints set elsewhere (ASPNETCORE_URLS, code).
            var defaults = httpsEndpoints == 0 ? _defaults : null;
            Add(name.Equals("Default", StringComparison.OrdinalIgnoreCase) ? "Kestrel default certificate" : $"Kestrel certificate {name}",
                node, cert, defaults?["ClientCertificateMode"], defaults?["SslProtocols"], [], null);
        }
    }

    /// <summary>Outside an environment's view everything counts; inside, whether the environment file sets something here.</summary>
    private bool Changed(JsonTree? node) => overlay is null || (node is not null && node.Touches(overlay.File));

    /// <summary>Inside an environment's view, a value the environment file leaves as the base file wrote it.</summary>
    private bool Inherited(JsonTree? node) => overlay is not null && node is not null && !node.Touches(overlay.File);

    private SourceLocation At(JsonTree node, int line) => new(node.File ?? source.File, line, line);

    /// <summary>One endpoint and its Sni entries; true when it is an https endpoint. <paramref name="emit"/>: add its usages.</summary>
    private bool Endpoint(string name, JsonTree endpoint, bool emit)
    {
        var url = endpoint["Url"]?.Value?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            result.Error(At(endpoint, endpoint.KeyLine), "Kestrel endpoint has no Url (Kestrel refuses to start)");
            return false;
        }
        var own = endpoint["Certificate"] is { } c ? Certificate(c, $"Kestrel:Endpoints:{name}:Certificate") : null;
        var sni = endpoint["Sni"]?.Children.ToList() ?? [];
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (own?.IsSet == true || endpoint["ClientCertificateMode"] is not null || endpoint["SslProtocols"] is not null || sni.Count > 0)
                result.Error(At(endpoint["Url"]!, endpoint["Url"]!.Line), "Kestrel endpoint with an http:// Url has HTTPS settings (Certificate, ClientCertificateMode, SslProtocols or Sni): Kestrel refuses to start");
            return false;
        }
        if (!emit) return true;
        var cert = own?.IsSet == true ? own : Fallback();
        var mode = endpoint["ClientCertificateMode"] ?? _defaults?["ClientCertificateMode"];
        var protocols = endpoint["SslProtocols"] ?? _defaults?["SslProtocols"];
        Add($"Kestrel endpoint {name} ({url})", endpoint, cert, mode, protocols, UrlHost(url) is { } host ? [host] : [], endpoint["Url"]);
        foreach (var (sniName, entry) in sni)
        {
            var sniCert = entry["Certificate"] is { } sc && Certificate(sc, $"Kestrel:Endpoints:{name}:Sni:{sniName}:Certificate") is { IsSet: true } set ? set : Reused(cert);
            var literal = !sniName.Contains('*', StringComparison.Ordinal) && sniName.Length > 0;
            Add($"Kestrel endpoint {name} Sni {sniName}", entry, sniCert, entry["ClientCertificateMode"] ?? mode, entry["SslProtocols"] ?? protocols,
                literal ? [sniName.ToLowerInvariant()] : [], entry);
        }
        return true;
    }

    /// <summary>An endpoint without a certificate: Kestrel:Certificates:Default (checked there once), else none in configuration.</summary>
    private CertificateSetting Fallback() =>
        kestrel["Certificates"]?["Default"] is { } d && Certificate(d, "Kestrel:Certificates:Default") is { IsSet: true } set
            ? Reused(set)
            : new CertificateSetting(null, null, [], "none in configuration (Kestrel:Certificates:Default, the code's ConfigureHttpsDefaults or the development certificate)");

    /// <summary>A certificate another usage already names: its key and password are checked there, once.</summary>
    private static CertificateSetting Reused(CertificateSetting cert) => cert with { Key = null, Secrets = [] };

    /// <param name="node">The endpoint, Sni entry or certificate: the usage's place.</param>
    /// <param name="hostsFrom">The value that names the hosts (Url, Sni entry).</param>
    private void Add(string service, JsonTree node, CertificateSetting cert, JsonTree? mode, JsonTree? protocols, IReadOnlyList<string> hosts, JsonTree? hostsFrom)
    {
        var modeName = mode?.Value?.Trim();
        if (mode is not null && !KestrelSettings.ClientCertificateModes.Contains(modeName, StringComparer.OrdinalIgnoreCase))
        {
            result.Error(At(mode, mode.Line), "ClientCertificateMode must be NoCertificate, AllowCertificate, RequireCertificate or DelayCertificate (Kestrel ignores other values)");
            modeName = null;
        }
        // An environment's view: what it inherits unchanged (protocols; host names with the certificate they are checked
        // against) is judged once, on the base file's usage: one finding per defect.
        if (Inherited(protocols)) protocols = null;
        if (cert.Inherited && Inherited(hostsFrom)) hosts = [];
        var required = string.Equals(modeName, "RequireCertificate", StringComparison.OrdinalIgnoreCase);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["ClientCertificateMode"] = modeName ?? "NoCertificate" };
        // Kestrel verifies client certificates against the machine's trust store or the app's code, never a CA file.
        if (required) settings["clientCaOutsideConfig"] = "operating system trust store or application code";
        if (cert.Store is { } store && !cert.Inherited) settings["certificateStore"] = store;
        if (overlay is not null) settings["environment"] = overlay.Environment;
        result.Usages.Add(new TlsUsage
        {
            Format = "kestrel",
            Location = At(node, node.KeyLine),
            Service = overlay is null ? service : $"{service} in {overlay.Environment}",
            Role = UsageRole.Server,
            Certificate = cert.Certificate,
            Key = cert.Key,
            VerifyPeer = required,
            VerifyAt = mode is null ? null : At(mode, mode.Line),
            Protocols = Protocols(protocols),
            Hosts = hosts,
            HostsAt = hosts.Count > 0 ? At(node, node.KeyLine) : null,
            LiteralSecrets = cert.Secrets,
            Settings = settings,
        });
    }

    private ProtocolSetting? Protocols(JsonTree? node)
    {
        if (node is null) return null;
        var bad = new List<JsonTree>();
        var allowed = KestrelSettings.SslProtocols(node, bad);
        foreach (var value in bad) result.Error(At(value, value.Line), "SslProtocols value is not an SslProtocols name (Tls12, Tls13...): Kestrel ignores it");
        return allowed is null ? null : new ProtocolSetting(allowed, At(node, node.KeyLine), "SslProtocols");
    }

    private CertificateSetting Certificate(JsonTree node, string prefix)
    {
        FileReference? File(string key) =>
            node[key] is { Value: { Length: > 0 } path } value ? UsagePaths.Reference(path, At(value, value.Line), $"{prefix}:{key}", source.Directory) : null;
        var secrets = node["Password"] is { Value: { } password } p && LiteralSecret.IsLiteral(password)
            ? new[] { new LiteralSecret(At(p, p.Line), $"{prefix}:Password") }
            : [];
        string? store = null;
        if (node["Subject"]?.Value is { Length: > 0 } subject)
            store = $"Subject={subject}, Store={node["Store"]?.Value ?? "(none)"}, Location={node["Location"]?.Value ?? "CurrentUser"}";
        var path = File("Path");
        var setting = new CertificateSetting(path, path is null ? null : File("KeyPath"), secrets, path is null ? store : null);
        return Inherited(node) ? Reused(setting) with { Inherited = true } : setting;
    }

    /// <summary>The host of an https:// Url when it names one (not *, +, 0.0.0.0 or [::]), lower-cased.</summary>
    internal static string? UrlHost(string url)
    {
        var rest = url["https://".Length..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        string host;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            host = close < 0 ? authority : authority[1..close];
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
        }
        host = host.Trim().ToLowerInvariant();
        return host is "" or "*" or "+" or "0.0.0.0" or "::" ? null : host;
    }
}
