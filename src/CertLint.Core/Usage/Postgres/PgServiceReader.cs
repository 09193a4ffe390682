namespace CertLint.Usage.Postgres;

/// <summary>
/// libpq's connection service file (pg_service.conf, ~/.pg_service.conf): each `[service]` section is a PostgreSQL
/// client presenting `sslcert` with `sslkey`, verifying the server with `sslrootcert` when `sslmode` is `verify-ca` or
/// `verify-full` (or `require` with a root certificate file: libpq then verifies as verify-ca); the default `prefer`
/// does not verify; `disable` is no TLS. `host` is the peer; `sslcrl` / `sslcrldir` are revocation lists;
/// `ssl_min_protocol_version` / `ssl_max_protocol_version` bound the versions. Paths resolve against the file's folder.
/// </summary>
public sealed class PgServiceReader : IConfigReader
{
    private static readonly HashSet<string> Modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"];

    public string Format => "postgresql";

    public bool Detect(string relativePath, string text) =>
        Path.GetFileName(relativePath) is var name
        && (name.Equals("pg_service.conf", StringComparison.OrdinalIgnoreCase) || name.Equals(".pg_service.conf", StringComparison.OrdinalIgnoreCase));

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        foreach (var section in IniSections.Parse(source, result).Take(UsageList.MaxUsages))
        {
            var keys = section.Keys;
            IniValue? Get(string key) => keys.TryGetValue(key, out var v) && v.Value.Length > 0 ? v : null;
            FileReference? File(string key) =>
                Get(key) is { } v && !(key == "sslrootcert" && v.Value == "system") ? UsagePaths.Reference(v.Value, v.At, key, source.Directory) : null;
            var mode = Get("sslmode");
            if (mode is not null && !Modes.Contains(mode.Value))
            {
                result.Error(mode.At, "invalid sslmode: disable, allow, prefer, require, verify-ca or verify-full expected");
                continue;
            }
            if (mode?.Value == "disable") continue;
            var root = File("sslrootcert");
            var verify = mode?.Value is "verify-ca" or "verify-full" || (mode?.Value == "require" && root is not null);
            var host = Get("host")?.Value.Split(',')[0];
            var cert = File("sslcert");
            result.Usages.Add(new TlsUsage
            {
                Format = Format,
                Location = section.At,
                Service = $"pg_service [{ConfigWords.Safe(section.Name)}]" + (host is null ? "" : $" to {ConfigWords.Safe(host)}"),
                Role = UsageRole.Client,
                PeerHost = host is null ? null : PeerHosts.Of(host),
                Certificate = cert,
                Key = cert is null ? null : File("sslkey"),
                CaFiles = root is null ? [] : [root],
                CrlFiles = [.. new[] { File("sslcrl"), File("sslcrldir") }.OfType<FileReference>()],
                VerifyPeer = verify,
                VerifyAt = mode?.At,
                // verify-full checks the host name too; verify-ca (and require with a root certificate) the chain only.
                VerifyHost = verify ? mode?.Value == "verify-full" : null,
                VerifyHostAt = verify ? mode?.At : null,
                Protocols = PgProtocols.Of(Get, result),
                Settings = new Dictionary<string, string> { ["sslmode"] = mode?.Value ?? "prefer" },
            });
        }
    }
}
