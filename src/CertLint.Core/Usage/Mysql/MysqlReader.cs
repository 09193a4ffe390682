using System.Text.RegularExpressions;

namespace CertLint.Usage.Mysql;

/// <summary>
/// MySQL and MariaDB option files. The server groups ([mysqld], [server], [mariadb], [mariadbd], and their versioned
/// forms [mysqld-8.0], [mariadb-10.6]) are one TLS server serving `ssl_cert` with `ssl_key`; `ssl_ca` / `ssl_capath`
/// make it ask for client certificates and verify those presented (whether an account requires one is `REQUIRE X509`
/// in SQL, which no option file says). Each client group ([client], [mysql], [mysqldump], [client-mariadb]...) that
/// sets a TLS option or a password is a TLS client, reading [client] first and its own group over it: `ssl-mode`
/// VERIFY_CA / VERIFY_IDENTITY, MariaDB's `ssl-verify-server-cert`, or an `ssl-ca` without `ssl-mode` (MySQL then
/// verifies as VERIFY_CA) verify the server; PREFERRED (the default) and REQUIRED do not. A later option wins.
/// </summary>
public sealed partial class MysqlReader : IConfigReader
{
    private static readonly HashSet<string> Modes = ["disabled", "preferred", "required", "verify-ca", "verify-identity"];

    /// <summary>Options that configure TLS: their presence makes a group a TLS server or client.</summary>
    private static readonly HashSet<string> TlsOptions =
        ["ssl", "ssl-cert", "ssl-key", "ssl-ca", "ssl-capath", "ssl-crl", "ssl-crlpath", "ssl-mode", "ssl-verify-server-cert", "tls-version", "require-secure-transport"];

    public string Format => "mysql";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (name is "my.cnf" or ".my.cnf" or "my.ini" or "mysqld.cnf" or "mariadb.cnf" or "mysql.cnf" or "client.cnf" or "server.cnf") return true;
        if (!name.EndsWith(".cnf", StringComparison.Ordinal) && !name.EndsWith(".ini", StringComparison.Ordinal)) return false;
        var folder = Path.GetFileName(Path.GetDirectoryName(relativePath) ?? "").ToLowerInvariant();
        if (name.EndsWith(".cnf", StringComparison.Ordinal) && folder is "mysql.conf.d" or "mariadb.conf.d" or "my.cnf.d" or "conf.d" && GroupHeader().IsMatch(text)) return true;
        return GroupHeader().IsMatch(text) && TlsOption().IsMatch(text);
    }

    [GeneratedRegex(@"^[ \t]*\[[ \t]*(mysqld|mariadb|mariadbd|server|client|mysql|client-mariadb|mariadb-client|mysqldump|mariadb-dump)([-_][\w.]+)?[ \t]*\]", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GroupHeader();

    [GeneratedRegex(@"^[ \t]*(loose[-_])?(ssl[-_](cert|key|ca|capath|mode|verify[-_]server[-_]cert)|tls[-_]version|require[-_]secure[-_]transport)[ \t]*(=|$)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TlsOption();

    /// <summary>Groups mysqld (and MariaDB's server) reads.</summary>
    [GeneratedRegex(@"^(mysqld|mariadb|mariadbd|server)(-[0-9][\w.]*)?$")]
    private static partial Regex ServerGroup();

    /// <summary>Groups the client programs read besides [client] (normalised names: '_' as '-').</summary>
    [GeneratedRegex(@"^(client|client-mariadb|mariadb-client|mysql|mysql(dump|admin|check|import|show|slap|binlog|pump)|mysql-upgrade|mariadb-(dump|admin|check|import|show|slap|binlog|upgrade))$")]
    private static partial Regex ClientGroup();

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        var options = new MyCnf(source, result).Parse();
        var headers = new Dictionary<string, MyOption>(StringComparer.Ordinal);
        var groups = new Dictionary<string, Dictionary<string, MyOption>>(StringComparer.Ordinal);
        var server = new Dictionary<string, MyOption>(StringComparer.Ordinal);
        MyOption? serverAt = null;
        foreach (var o in options)
        {
            if (o.Name is null)
            {
                headers.TryAdd(o.Group, o);
                continue;
            }
            if (!groups.TryGetValue(o.Group, out var keys)) groups[o.Group] = keys = new(StringComparer.Ordinal);
            keys[o.Name] = o;
            if (!ServerGroup().IsMatch(o.Group)) continue;
            server[o.Name] = o;
            if (serverAt is null && TlsOptions.Contains(o.Name)) serverAt = headers[o.Group];
        }
        if (serverAt is not null) Server(source, result, serverAt, server);
        var client = groups.GetValueOrDefault("client") ?? [];
        foreach (var (group, keys) in groups)
        {
            if (!ClientGroup().IsMatch(group) || !keys.Keys.Any(k => TlsOptions.Contains(k) || k == "password")) continue;
            var effective = new Dictionary<string, MyOption>(client, StringComparer.Ordinal);
            foreach (var (name, o) in keys) effective[name] = o;
            Client(source, result, headers[group], effective);
        }
    }

    private void Server(ConfigSource source, ConfigReadResult result, MyOption at, Dictionary<string, MyOption> o)
    {
        // TLS switched off: skip-ssl / ssl=0 (MySQL 5.7, MariaDB), or an empty tls_version (MySQL 8.0).
        if (Bool(o, "ssl", result) == false || o.GetValueOrDefault("tls-version") is { Value: "" or null }) return;
        var ca = CaFiles(source, o);
        var port = o.GetValueOrDefault("port")?.Value;
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = at.At,
            Service = $"mysql server [{ConfigWords.Safe(at.Group)}]" + (port is null ? "" : $" port {ConfigWords.Safe(port)}"),
            Role = UsageRole.Server,
            Certificate = File(source, o, "ssl-cert"),
            Key = File(source, o, "ssl-key"),
            CaFiles = ca,
            CrlFiles = Crls(source, o),
            // With a CA the server asks for a client certificate and verifies one presented; which accounts must present
            // one (REQUIRE X509) is in the grant tables, not here.
            VerifyPeer = ca.Count > 0,
            VerifyAt = ca.Count > 0 ? ca[0].At : null,
            Protocols = Protocols(o, result),
            Settings = o.TryGetValue("require-secure-transport", out var rst) ? new Dictionary<string, string> { ["require_secure_transport"] = ConfigWords.Safe(rst.Value ?? "ON") } : new Dictionary<string, string>(),
        });
    }

    private void Client(ConfigSource source, ConfigReadResult result, MyOption at, Dictionary<string, MyOption> o)
    {
        var mode = o.GetValueOrDefault("ssl-mode");
        var modeValue = mode?.Value?.ToLowerInvariant().Replace('_', '-');
        if (mode is not null && (modeValue is null || !Modes.Contains(modeValue)))
        {
            result.Error(mode.At, "invalid ssl-mode: DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY expected");
            return;
        }
        if (modeValue == "disabled" || Bool(o, "ssl", result) == false) return;
        var ca = CaFiles(source, o);
        var verifyCert = Bool(o, "ssl-verify-server-cert", result);
        var verifyCertAt = o.GetValueOrDefault("ssl-verify-server-cert");
        var caAt = o.GetValueOrDefault("ssl-ca") ?? o.GetValueOrDefault("ssl-capath");
        var verify = modeValue is "verify-ca" or "verify-identity" || verifyCert == true || (modeValue is null && verifyCert is null && ca.Count > 0);
        // The host name is checked by VERIFY_IDENTITY and by MariaDB's ssl-verify-server-cert; VERIFY_CA, and the
        // VERIFY_CA an ssl-ca alone implies, check the chain only.
        var verifyHost = modeValue == "verify-identity" || verifyCert == true;
        var host = o.GetValueOrDefault("host")?.Value;
        var cert = File(source, o, "ssl-cert");
        var password = o.GetValueOrDefault("password");
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = at.At,
            Service = $"mysql client [{ConfigWords.Safe(at.Group)}]" + (host is null ? "" : $" to {ConfigWords.Safe(host)}"),
            Role = UsageRole.Client,
            PeerHost = host is null ? null : PeerHosts.Of(host),
            Certificate = cert,
            Key = File(source, o, "ssl-key"),
            CaFiles = ca,
            CrlFiles = Crls(source, o),
            VerifyPeer = verify,
            VerifyAt = (mode ?? verifyCertAt ?? (verify ? caAt : null))?.At,
            VerifyHost = verify ? verifyHost : null,
            VerifyHostAt = verify ? (modeValue is "verify-ca" or "verify-identity" ? mode : verifyCertAt ?? caAt)?.At : null,
            Protocols = Protocols(o, result),
            // A [client] password a program group inherits is reported once, on [client].
            LiteralSecrets = password is { Value: { } pw } && password.Group == at.Group && LiteralSecret.IsLiteral(pw) ? [new LiteralSecret(password.At, $"[{ConfigWords.Safe(password.Group)}] password", Account(o))] : [],
            Settings = new Dictionary<string, string> { ["ssl-mode"] = modeValue ?? (verify ? "verify-ca (implied)" : "preferred") },
        });
    }

    /// <summary>What a client group's password opens: the database account, never the key files.</summary>
    private static string Account(Dictionary<string, MyOption> o) =>
        o.GetValueOrDefault("user")?.Value is { Length: > 0 } user ? $"the MySQL account {ConfigWords.Safe(user)}" : "the MySQL account";

    private static FileReference? File(ConfigSource source, Dictionary<string, MyOption> o, string name) =>
        o.TryGetValue(name, out var v) && v.Value is { Length: > 0 } path ? UsagePaths.Reference(path, v.At, name, source.Directory) : null;

    private static List<FileReference> CaFiles(ConfigSource source, Dictionary<string, MyOption> o) =>
        [.. new[] { File(source, o, "ssl-ca") }.OfType<FileReference>()
            .Concat(File(source, o, "ssl-capath") is { } dir ? UsagePaths.CaFolder(dir, source) : [])];

    private static List<FileReference> Crls(ConfigSource source, Dictionary<string, MyOption> o) =>
        [.. new[] { File(source, o, "ssl-crl"), File(source, o, "ssl-crlpath") }.OfType<FileReference>()];

    /// <summary>A boolean option: written alone (on), 1/0, ON/OFF, TRUE/FALSE, YES/NO; null when unset; another value is a parse issue.</summary>
    private static bool? Bool(Dictionary<string, MyOption> o, string name, ConfigReadResult result)
    {
        if (!o.TryGetValue(name, out var v)) return null;
        switch (v.Value?.ToLowerInvariant())
        {
            case null or "1" or "on" or "true" or "yes": return true;
            case "0" or "off" or "false" or "no": return false;
            default:
                result.Error(v.At, $"{name} takes a boolean: 1, 0, ON or OFF");
                return null;
        }
    }

    /// <summary>tls_version "TLSv1.2,TLSv1.3" (TLSv1, TLSv1.1, TLSv1.2, TLSv1.3); unset leaves the server's or client's default.</summary>
    private static ProtocolSetting? Protocols(Dictionary<string, MyOption> o, ConfigReadResult result)
    {
        if (!o.TryGetValue("tls-version", out var v) || v.Value is not { Length: > 0 } list) return null;
        var versions = new List<TlsVersion>();
        foreach (var word in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word.StartsWith("TLSv1", StringComparison.OrdinalIgnoreCase) && TlsVersions.Parse(word) is { } version) versions.Add(version);
            else
            {
                result.Error(v.At, "invalid tls_version: TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3 expected");
                return null;
            }
        }
        return new ProtocolSetting([.. versions.Distinct().Order()], v.At, "tls_version");
    }
}
