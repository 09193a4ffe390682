using System.Text.RegularExpressions;
using CertLint.Model;

namespace CertLint.Usage.Postgres;

/// <summary>
/// PostgreSQL: postgresql.conf with `ssl = on` is a TLS server serving `ssl_cert_file` with `ssl_key_file` (defaults
/// server.crt and server.key in the data directory, the folder of postgresql.conf), verifying client certificates
/// against `ssl_ca_file` when pg_hba.conf (`hba_file`, default beside postgresql.conf) has a `cert` record or a
/// `clientcert=verify-ca|verify-full` option; `ssl_crl_file` / `ssl_crl_dir` are revocation lists;
/// `ssl_min_protocol_version` (default TLSv1.2) and `ssl_max_protocol_version` bound the versions. Relative paths
/// resolve against the data directory, absolute ones by their tail.
/// </summary>
public sealed partial class PostgresReader : IConfigReader
{
    public string Format => "postgresql";

    public bool Detect(string relativePath, string text)
    {
        var name = Path.GetFileName(relativePath);
        if (name.Equals("postgresql.conf", StringComparison.OrdinalIgnoreCase) || name.Equals("postgresql.auto.conf", StringComparison.OrdinalIgnoreCase)
            || IsHbaName(name)) return true;
        return name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase) && Signature().IsMatch(text);
    }

    /// <summary>Keys only PostgreSQL writes: ssl_cert_file / ssl_key_file / ssl_ca_file settings, hostssl records.</summary>
    [GeneratedRegex(@"^[ \t]*(ssl_(cert|key|ca)_file[ \t]*(=|[ \t]')|hostssl[ \t])", RegexOptions.Multiline)]
    private static partial Regex Signature();

    private static bool IsHbaName(string name) =>
        name.StartsWith("pg_hba", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".conf", StringComparison.OrdinalIgnoreCase);

    public void Read(ConfigSource source, ConfigReadResult result)
    {
        if (IsHbaName(Path.GetFileName(source.File.RelativePath)) || !SettingsSignature().IsMatch(source.Text) && HbaSignature().IsMatch(source.Text))
        {
            new PgHba(result).Parse(source); // read alone: its syntax only; the server it belongs to reads it for verification
            return;
        }
        var all = new PostgresConf(source, result).Parse();
        var settings = new Dictionary<string, PgSetting>(StringComparer.Ordinal);
        foreach (var s in all) settings[s.Name] = s;
        if (!settings.TryGetValue("ssl", out var ssl) || Bool(ssl, result) != true) return;
        var dataDir = source.Directory;
        FileReference File(string setting, string? fallback)
        {
            if (settings.TryGetValue(setting, out var s) && s.Value.Length > 0) return UsagePaths.Reference(s.Value, s.At, setting, dataDir);
            return UsagePaths.Reference(fallback!, ssl.At, setting + " (default)", dataDir);
        }
        FileReference? Optional(string setting) =>
            settings.TryGetValue(setting, out var s) && s.Value.Length > 0 ? UsagePaths.Reference(s.Value, s.At, setting, dataDir) : null;
        var ca = Optional("ssl_ca_file");
        var hba = Hba(source, settings, result);
        var verifying = hba?.FirstOrDefault(r => r.VerifiesClientCertificate);
        // Without a pg_hba.conf in the repository, a CA file means client certificates are asked for and verified.
        var verify = hba is null ? ca is not null : verifying is not null;
        var port = settings.TryGetValue("port", out var p) ? p.Value : "5432";
        result.Usages.Add(new TlsUsage
        {
            Format = Format,
            Location = ssl.At,
            Service = $"postgresql port {ConfigWords.Safe(port)}",
            Role = UsageRole.Server,
            Certificate = File("ssl_cert_file", "server.crt"),
            Key = File("ssl_key_file", "server.key"),
            CaFiles = ca is null ? [] : [ca],
            CrlFiles = [.. new[] { Optional("ssl_crl_file"), Optional("ssl_crl_dir") }.OfType<FileReference>()],
            VerifyPeer = verify,
            VerifyAt = verifying?.At ?? (hba is null && ca is not null ? ca.At : null),
            Protocols = PgProtocols.Of(name => settings.TryGetValue(name, out var s) ? new IniValue(s.Value, s.At) : null, result),
        });
    }

    [GeneratedRegex(@"^[ \t]*[A-Za-z_][\w.]*[ \t]*=", RegexOptions.Multiline)]
    private static partial Regex SettingsSignature();

    [GeneratedRegex(@"^[ \t]*(hostssl|host|local)[ \t]", RegexOptions.Multiline)]
    private static partial Regex HbaSignature();

    /// <summary>pg_hba.conf's records, read in this server's context; null when it is not in the repository.</summary>
    private static List<HbaRecord>? Hba(ConfigSource source, Dictionary<string, PgSetting> settings, ConfigReadResult result)
    {
        var path = settings.TryGetValue("hba_file", out var written) && written.Value.Length > 0
            ? UsagePaths.Locate(written.Value, source) : Path.Combine(source.Directory, "pg_hba.conf");
        if (path is null || source.Open(path) is not { } hba)
        {
            if (source.Includes.Spent) result.Error(written?.At ?? source.At(1), IncludeBudget.Problem);
            return null;
        }
        result.Included.Add(hba.File.FullPath);
        return new PgHba(result).Parse(hba);
    }

    /// <summary>A PostgreSQL boolean (on, off, true, false, yes, no, 1, 0); an invalid one is a parse issue.</summary>
    private static bool? Bool(PgSetting s, ConfigReadResult result)
    {
        switch (s.Value.ToLowerInvariant())
        {
            case "on" or "true" or "yes" or "1": return true;
            case "off" or "false" or "no" or "0": return false;
            default:
                result.Error(s.At, $"{s.Name} requires a Boolean value");
                return null;
        }
    }
}
