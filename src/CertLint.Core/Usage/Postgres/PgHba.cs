using CertLint.Model;

namespace CertLint.Usage.Postgres;

/// <summary>One pg_hba.conf record: connection type, authentication method, options, where.</summary>
internal sealed record HbaRecord(string Type, string Method, IReadOnlyDictionary<string, string> Options, SourceLocation At)
{
    /// <summary>
    /// Whether the record makes the server verify a client certificate: method `cert`, or `clientcert=verify-ca` /
    /// `verify-full` (`1` before PostgreSQL 14), on a `hostssl` record (PostgreSQL refuses both on any other).
    /// </summary>
    public bool VerifiesClientCertificate =>
        Type == "hostssl"
        && (Method == "cert" || (Options.TryGetValue("clientcert", out var c) && c is "verify-ca" or "verify-full" or "1"));
}

/// <summary>
/// pg_hba.conf: `local DATABASE USER METHOD [OPTIONS]` or `host|hostssl|hostnossl|hostgssenc|hostnogssenc DATABASE USER
/// ADDRESS [MASK] METHOD [OPTIONS]`, '#' comments, double quotes, a trailing backslash continuing the line, and (from
/// PostgreSQL 16) `include`, `include_if_exists`, `include_dir`. An unknown record type or method, a missing field and
/// an option without '=' are parse issues at the line (PostgreSQL refuses such a file).
/// </summary>
internal sealed class PgHba(ConfigReadResult result)
{
    private static readonly HashSet<string> Methods =
    [
        "trust", "reject", "scram-sha-256", "md5", "password", "gss", "sspi", "ident", "peer", "ldap", "radius", "cert", "pam", "bsd", "oauth",
    ];

    private static readonly HashSet<string> HostTypes = ["host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"];

    private readonly ConfigIncludes<HbaRecord> _includes = new(result);

    public List<HbaRecord> Parse(ConfigSource source) => _includes.Parse(source, 0, Parse);

    private List<HbaRecord> Parse(ConfigSource source, int depth)
    {
        var records = new List<HbaRecord>();
        var lines = source.Text.Split('\n');
        // Continued lines are joined in one builder: appending to a string copied the whole record per line, quadratic
        // in a file of half a million backslash lines.
        var pending = new System.Text.StringBuilder();
        var pendingLine = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (pending.Length == 0) pendingLine = i + 1;
            if (text.EndsWith('\\') && !text.TrimStart().StartsWith('#'))
            {
                pending.Append(text.AsSpan(0, text.Length - 1)).Append(' ');
                continue;
            }
            text = pending.Append(text).ToString();
            pending.Clear();
            if (ConfigWords.Split(text, inlineComments: true, out var error) is not { } words)
            {
                result.Error(source.At(pendingLine), error!);
                continue;
            }
            if (words.Count == 0) continue;
            var type = words[0].ToLowerInvariant();
            if (PgIncludes.IsInclude(type) && words.Count == 2)
            {
                var (written, paths) = PgIncludes.Resolve(source, pendingLine, type, words[1], result);
                _includes.Expand(source, pendingLine, written, paths, depth, records, Parse);
                continue;
            }
            if (Record(type, words, source.At(pendingLine), out var problem) is { } record) records.Add(record);
            else result.Error(source.At(pendingLine), problem!);
        }
        return records;
    }

    private static HbaRecord? Record(string type, List<string> words, SourceLocation at, out string? problem)
    {
        problem = null;
        int methodAt;
        if (type == "local") methodAt = 3;
        else if (HostTypes.Contains(type))
        {
            // ADDRESS is one field (CIDR, host name, all, samehost, samenet) or an IP address followed by its mask.
            methodAt = words.Count > 5 && System.Net.IPAddress.TryParse(words[4], out _) && !words[3].Contains('/') ? 5 : 4;
        }
        else
        {
            problem = $"invalid connection type '{ConfigWords.Safe(words[0])}'";
            return null;
        }
        if (words.Count <= methodAt)
        {
            problem = $"end-of-line before the authentication method of a '{type}' record";
            return null;
        }
        var method = words[methodAt].ToLowerInvariant();
        if (!Methods.Contains(method))
        {
            problem = $"invalid authentication method '{ConfigWords.Safe(words[methodAt])}'";
            return null;
        }
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var option in words.Skip(methodAt + 1))
        {
            var eq = option.IndexOf('=');
            if (eq <= 0)
            {
                problem = "authentication option not in name=value format";
                return null;
            }
            options[option[..eq].ToLowerInvariant()] = option[(eq + 1)..].ToLowerInvariant();
        }
        if (type != "hostssl" && (method == "cert" || options.ContainsKey("clientcert")))
        {
            problem = method == "cert" ? "cert authentication is only supported on hostssl records" : "clientcert can only be configured for hostssl records";
            return null;
        }
        return new HbaRecord(type, method, options, at);
    }
}
