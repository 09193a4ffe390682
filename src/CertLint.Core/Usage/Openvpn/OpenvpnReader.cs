using System.Text.RegularExpressions;
using CertLint.Model;
using CertLint.Usage.Kubernetes;

namespace CertLint.Usage.Openvpn;

/// <summary>
/// OpenVPN configurations and client profiles (.ovpn, and .conf files that read as OpenVPN's): a TLS client
/// (<c>client</c>, <c>tls-client</c>) presents <c>cert</c> with <c>key</c> (or a <c>pkcs12</c>) and verifies the
/// server with <c>ca</c> / <c>capath</c>; a server (<c>server</c>, <c>tls-server</c>, <c>mode server</c>) serves them
/// and verifies client certificates unless <c>verify-client-cert none</c>. Each of these files may be written inline
/// (<c>&lt;ca&gt;</c> ... <c>&lt;/ca&gt;</c>): its certificates and keys are linted at the profile's own lines, and
/// a static key written inline (<c>&lt;tls-auth&gt;</c>, <c>&lt;tls-crypt&gt;</c>, <c>&lt;tls-crypt-v2&gt;</c>,
/// <c>&lt;secret&gt;</c>) is a secret of the profile. A client that checks nothing but the chain (no
/// <c>verify-x509-name</c>, <c>remote-cert-tls</c>, <c>peer-fingerprint</c> or <c>tls-verify</c>) accepts any
/// certificate of its CA, another client's included, as the server: OpenVPN's own warning, peer-host-not-verified here.
/// </summary>
public sealed partial class OpenvpnReader : IConfigReader
{
    /// <summary>Options whose value is a file OpenVPN also takes inline, and what the file holds.</summary>
    private static readonly HashSet<string> InlineFiles =
    [
        "ca", "cert", "key", "extra-certs", "pkcs12", "crl-verify", "dh", "tls-auth", "tls-crypt", "tls-crypt-v2", "secret",
    ];

    /// <summary>What else OpenVPN names as a server verification method (its "No server certificate verification method" warning).</summary>
    private static readonly string[] OtherServerChecks = ["remote-cert-tls", "remote-cert-eku", "peer-fingerprint", "tls-verify"];

    public string Format => "openvpn";

    public bool Detect(string relativePath, string text)
    {
        if (relativePath.EndsWith(".ovpn", StringComparison.OrdinalIgnoreCase)) return true;
        return relativePath.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) && Signature().IsMatch(text);
    }

    /// <summary>Lines only OpenVPN writes: its tunnel device, its TLS role options, its inline files.</summary>
    [GeneratedRegex(@"^[ \t]*(dev[ \t]+(tun|tap)|remote-cert-tls[ \t]|verify-x509-name[ \t]|tls-(auth|crypt|crypt-v2)[ \t]|tls-(client|server)[ \t]*\r?$|<(ca|cert|key|tls-auth|tls-crypt)>[ \t]*\r?$)",
        RegexOptions.Multiline)]
    private static partial Regex Signature();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var config = new OpenvpnConfig(source, result);
        var options = config.Parse();
        var last = new Dictionary<string, OpenvpnOption>(StringComparer.Ordinal);
        // OpenVPN keeps the last value of a single-valued option; "ca [inline]" (OpenVPN 2.x's older spelling) names the
        // inline file of the same option rather than replacing it.
        foreach (var o in options.Where(o => o.Args is not ["[inline]"])) last[o.Name] = o;
        var embedded = new Dictionary<OpenvpnOption, ParsedFile>();
        foreach (var o in options.Where(o => o.Inline is not null && InlineFiles.Contains(o.Name)))
        {
            // Every inline file is linted, the overridden ones too: a secret in the profile is committed either way.
            embedded[o] = Embed(o, result);
        }
        var role = Role(last);
        if (role is null || config.Refused) return; // static-key mode, no TLS role, or a file OpenVPN refuses: nothing configured
        var server = role == UsageRole.Server;
        FileReference? File(string name, string directive)
        {
            if (!last.TryGetValue(name, out var o)) return null;
            if (o.Inline is not null) return embedded.TryGetValue(o, out var parsed) ? Inline(o, parsed) : null;
            if (o.Args is not [{ Length: > 0 } path, ..]) return null;
            return UsagePaths.Reference(path, o.At, directive, o.Source.Directory);
        }
        var pkcs12 = File("pkcs12", "pkcs12");
        var caFiles = new[] { File("ca", "ca") }.OfType<FileReference>().ToList();
        if (last.TryGetValue("capath", out var capath) && capath.Args is [{ Length: > 0 } dir])
        {
            caFiles.AddRange(UsagePaths.CaFolder(UsagePaths.Reference(dir, capath.At, "capath", capath.Source.Directory), capath.Source));
        }
        var crl = last.TryGetValue("crl-verify", out var crlOption) && crlOption.Args is [_, "dir"] ? null : File("crl-verify", "crl-verify");
        var (verifyPeer, verifyAt) = server ? ClientVerification(last, result) : (true, null);
        var (verifyHost, verifyHostAt) = server ? (null, null) : ServerIdentity(last);
        var start = last.GetValueOrDefault("client") ?? last.GetValueOrDefault("tls-client") ?? last.GetValueOrDefault("server")
            ?? last.GetValueOrDefault("tls-server") ?? last.GetValueOrDefault("mode");
        var peer = server ? null : PeerHost(options);
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = start?.At ?? source.At(1),
            Service = server ? $"openvpn server{Port(last)}" : peer is null ? "openvpn client" : $"openvpn client to {ConfigWords.Safe(peer)}",
            Role = role.Value,
            Certificate = File("cert", "cert") ?? pkcs12,
            Key = File("key", "key") ?? pkcs12,
            Chain = File("extra-certs", "extra-certs"),
            CaFiles = caFiles,
            CrlFiles = crl is null ? [] : [crl],
            VerifyPeer = verifyPeer,
            VerifyAt = verifyAt,
            RequestsClientCertificate = server ? verifyPeer : null,
            VerifyHost = verifyHost,
            VerifyHostAt = verifyHostAt,
            Protocols = Protocols(last, result),
            PeerHost = peer,
            LiteralSecrets = [.. options.Where(o => o.Name == "auth-user-pass" && o.Inline is { } text && HasPassword(text))
                .Select(o => new LiteralSecret(o.At, "<auth-user-pass>", "the VPN account"))],
            Settings = server ? new Dictionary<string, string>() : ExpectedServerName(last),
        });
    }

    /// <summary>
    /// Client for <c>client</c> (pull + tls-client) or <c>tls-client</c>; server for <c>server</c>/<c>server-ipv6</c>
    /// (mode server + tls-server) or <c>tls-server</c>. Null without either: static-key mode (<c>secret</c>) or plain text.
    /// </summary>
    private static UsageRole? Role(Dictionary<string, OpenvpnOption> last) =>
        last.ContainsKey("client") || last.ContainsKey("tls-client") ? UsageRole.Client
        : last.ContainsKey("server") || last.ContainsKey("server-ipv6") || last.ContainsKey("tls-server") ? UsageRole.Server
        : null;

    /// <summary>
    /// A server verifies the certificate a client sends (verify-client-cert require, the default, or optional);
    /// <c>verify-client-cert none</c> and the older <c>client-cert-not-required</c> ask for none.
    /// </summary>
    private static (bool Verify, SourceLocation? At) ClientVerification(Dictionary<string, OpenvpnOption> last, ConfigReadResult result)
    {
        if (last.TryGetValue("client-cert-not-required", out var old)) return (false, old.At);
        if (!last.TryGetValue("verify-client-cert", out var o)) return (true, null);
        switch (o.Args is [var mode] ? mode.ToLowerInvariant() : null)
        {
            case "none":
                return (false, o.At);
            case "optional" or "require":
                return (true, o.At);
            default:
                result.Error(o.At, "argument of verify-client-cert must be none, optional or require");
                return (true, o.At);
        }
    }

    /// <summary>
    /// Whether a client identifies the server beyond its chain: verify-x509-name checks its name; remote-cert-tls
    /// server its role (only server certificates), peer-fingerprint pins it and tls-verify leaves it to a script
    /// (the format says nothing checkable then: null). None of them: any certificate of the CA is accepted.
    /// </summary>
    private static (bool? Verify, SourceLocation? At) ServerIdentity(Dictionary<string, OpenvpnOption> last)
    {
        if (last.TryGetValue("verify-x509-name", out var name)) return (true, name.At);
        if (OtherServerChecks.Any(last.ContainsKey)) return (null, null);
        return (false, null);
    }

    /// <summary>
    /// What <c>verify-x509-name NAME [subject|name|name-prefix]</c> asks of the server's certificate (peer-name-mismatch):
    /// its whole subject (the default type), or its common name, equal or as a prefix. With <c>x509-username-field</c>
    /// another attribute stands for the name: nothing is recorded then, as for a type OpenVPN does not know.
    /// </summary>
    private static Dictionary<string, string> ExpectedServerName(Dictionary<string, OpenvpnOption> last)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!last.TryGetValue("verify-x509-name", out var o) || last.ContainsKey("x509-username-field")) return settings;
        var type = o.Args switch { [{ Length: > 0 }] => "subject", [{ Length: > 0 }, var t] => t, _ => null };
        if (type is "subject" or "name" or "name-prefix")
        {
            settings[PeerNameSettings.Name] = o.Args[0];
            settings[PeerNameSettings.Type] = type;
        }
        return settings;
    }

    /// <summary>
    /// tls-version-min V [or-highest] and tls-version-max V (1.0 to 1.3); unset, the TLS library's own range. A
    /// version OpenVPN does not know is a parse issue, unless or-highest makes it the highest version (TLSv1.3).
    /// </summary>
    private static ProtocolSetting? Protocols(Dictionary<string, OpenvpnOption> last, ConfigReadResult result)
    {
        last.TryGetValue("tls-version-min", out var min);
        last.TryGetValue("tls-version-max", out var max);
        if (min is null && max is null) return null;
        TlsVersion? Version(OpenvpnOption? o, bool orHighest)
        {
            if (o is null) return null;
            if (o.Args is [var word, ..] && Parse(word) is { } v) return v;
            if (orHighest) return TlsVersion.Tls13;
            result.Error(o.At, $"unknown version for {o.Name}: 1.0, 1.1, 1.2 or 1.3 expected");
            return null;
        }
        var low = Version(min, min is { Args: [_, "or-highest"] });
        var high = Version(max, false);
        if ((min is not null && low is null) || (max is not null && high is null)) return null;
        var at = min ?? max!;
        return new ProtocolSetting(TlsVersions.Range(low, high), at.At, at.Name);
    }

    /// <summary>OpenVPN's spellings: 1.0, 1.1, 1.2, 1.3 (ssl_tls_version_from_string).</summary>
    private static TlsVersion? Parse(string word) => word switch
    {
        "1.0" => TlsVersion.Tls10,
        "1.1" => TlsVersion.Tls11,
        "1.2" => TlsVersion.Tls12,
        "1.3" => TlsVersion.Tls13,
        _ => null,
    };

    /// <summary>The first <c>remote HOST</c>, at the top level or in the first &lt;connection&gt; that names one.</summary>
    private static string? PeerHost(List<OpenvpnOption> options)
    {
        foreach (var o in options)
        {
            if (o.Name == "remote" && o.Inline is null && o.Args is [var host, ..]) return Host(host);
            if (o.Name == "connection" && o.Inline is { } text)
            {
                foreach (var line in text.Split('\n'))
                {
                    if (ConfigWords.Split(line, inlineComments: true, out _) is ["remote" or "--remote", var inner, ..]) return Host(inner);
                }
            }
        }
        return null;
    }

    private static string? Host(string word) => word.Length == 0 || word.Contains('$') || word.Contains('/') ? null : word.TrimEnd('.');

    private static string Port(Dictionary<string, OpenvpnOption> last) =>
        last.TryGetValue("port", out var p) && p.Args is [var port] ? $" port {ConfigWords.Safe(port)}" : "";

    /// <summary>An inline auth-user-pass holds a user name line and a password line: the password is then in the profile.</summary>
    private static bool HasPassword(string text) =>
        text.Split('\n').Count(l => l.Trim().Length > 0) >= 2;

    /// <summary>An inline file parsed into the run at the profile's lines; pkcs12 is base64 of the PKCS#12 file.</summary>
    private static ParsedFile Embed(OpenvpnOption o, ConfigReadResult result)
    {
        var holder = $"<{o.Name}> in {o.Source.File.RelativePath}";
        // Not base64: parsed as it is, which says what it is not.
        var parsed = o.Name == "pkcs12"
            ? EmbeddedPem.Parse(o.Source, EmbeddedPem.Base64(o.Inline!) ?? EmbeddedPem.Utf8(o.Inline!), o.InlineLines, encoded: true, holder)
            : EmbeddedPem.Parse(o.Source, EmbeddedPem.Utf8(o.Inline!), o.InlineLines, encoded: false, holder);
        result.Embedded.Add(parsed);
        return parsed;
    }

    private static FileReference Inline(OpenvpnOption o, ParsedFile parsed) =>
        new("the inline file", o.At, $"<{o.Name}>") { Embedded = parsed };
}
