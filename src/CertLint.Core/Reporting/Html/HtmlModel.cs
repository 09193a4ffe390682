using System.Globalization;
using System.Text.Json;

namespace CertLint.Reporting.Html;

/// <summary>
/// What the HTML page shows, read from the JSON report (schema v1). The page is always rendered from that JSON, so
/// `--html` during a run and `certlint report --from report.json --html` later give the same page.
/// </summary>
internal sealed record HtmlModel(
    string Version, DateTimeOffset Now, string Root, string FailOn, int ExitCode,
    int Files, IReadOnlyList<HtmlCert> Certificates, IReadOnlyList<HtmlKey> Keys,
    IReadOnlyDictionary<string, HtmlChain> Chains, IReadOnlyList<HtmlFinding> Findings, IReadOnlyList<string> Notices,
    IReadOnlyDictionary<string, string> PackOfRule)
{
    /// <summary>The rule packs in force, with how many of their rules ran: built-in packs first, custom rules last.</summary>
    public IEnumerable<(string Pack, int Rules)> Packs => PackOfRule.Values
        .GroupBy(p => p, StringComparer.Ordinal)
        .OrderBy(g => g.Key == Rules.Loading.RuleMetadataReader.CustomPack).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => (g.Key, g.Count()));

    public static HtmlModel Read(JsonElement root)
    {
        if (!root.TryGetProperty("schemaVersion", out var v) || v.ValueKind != JsonValueKind.Number || v.GetInt32() != JsonReport.SchemaVersion)
            throw new FormatException($"not a CertLint JSON report with schemaVersion {JsonReport.SchemaVersion}");
        var certs = Array(root, "certificates").Select(c => new HtmlCert(
            Str(c, "sha256"), Str(c, "path"), Int(c, "startLine"), Str(c, "subject"), Str(c, "issuer"), Str(c, "serial"),
            Date(c, "notBefore"), Date(c, "notAfter"), Bool(c, "isCa"), Bool(c, "selfSigned"), Str(c, "role"),
            KeyLabel(c), Strings(c, "pairedKeys"))).ToList();
        var keys = Array(root, "keys").Select(k => new HtmlKey(Str(k, "fingerprint"), Str(k, "path"), Int(k, "startLine"),
            Bool(k, "private"), KeyLabel(k), Strings(k, "pairedCertificates"))).ToList();
        var chains = new Dictionary<string, HtmlChain>(StringComparer.Ordinal);
        foreach (var c in Array(root, "chains"))
            chains[Str(c, "certificate")] = new HtmlChain(Str(c, "status"), Strings(c, "path"), Strings(c, "problems"));
        var findings = Array(root, "findings").Select(f => new HtmlFinding(
            Str(f, "ruleId"), Str(f, "rule"), Str(f, "severity"), Str(f, "message"), Str(f, "path"), Int(f, "startLine"),
            f.TryGetProperty("object", out var o) ? Str(o, "id") : "", f.TryGetProperty("object", out var o2) ? Str(o2, "label") : "",
            f.TryGetProperty("suppression", out var s) && s.ValueKind == JsonValueKind.Object
                ? new HtmlSuppression(Str(s, "reason"), Str(s, "source"), s.TryGetProperty("expires", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null)
                : null)).ToList();
        var summary = root.TryGetProperty("summary", out var sm) ? sm : default;
        return new HtmlModel(
            root.TryGetProperty("tool", out var t) ? Str(t, "version") : "",
            Date(root, "now"), Str(root, "root"), Str(root, "failOn"), Int(root, "exitCode"),
            summary.ValueKind == JsonValueKind.Object ? Int(summary, "files") : 0,
            certs, keys, chains, findings, Strings(root, "notices"),
            Array(root, "rules").GroupBy(r => Str(r, "name"), StringComparer.Ordinal).ToDictionary(g => g.Key, g => Str(g.First(), "pack"), StringComparer.Ordinal));
    }

    private static List<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];

    /// <summary>A string field, cut to <see cref="MaxText"/> characters: a hostile subject or path cannot blow the page up.</summary>
    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? HtmlText.Short(p.GetString() ?? "", MaxText) : "";

    private const int MaxText = 2000;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : 0;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;

    private static DateTimeOffset Date(JsonElement e, string name) =>
        DateTimeOffset.TryParse(Str(e, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : DateTimeOffset.UnixEpoch;

    private static List<string> Strings(JsonElement e, string name) =>
        Array(e, name).Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();

    private static string KeyLabel(JsonElement e)
    {
        if (!e.TryGetProperty("key", out var k) || k.ValueKind != JsonValueKind.Object) return "";
        var curve = Str(k, "curve");
        return curve.Length > 0 ? $"{Str(k, "type").ToUpperInvariant()} {curve}" : $"{Str(k, "type").ToUpperInvariant()} {Int(k, "size")}";
    }
}

internal sealed record HtmlCert(string Sha256, string Path, int Line, string Subject, string Issuer, string Serial,
    DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool IsCa, bool SelfSigned, string Role, string Key, IReadOnlyList<string> PairedKeys)
{
    public string Folder => Path.LastIndexOf('/') is var i and > 0 ? Path[..i] : ".";
}

internal sealed record HtmlKey(string Fingerprint, string Path, int Line, bool IsPrivate, string Label, IReadOnlyList<string> PairedCertificates);

internal sealed record HtmlChain(string Status, IReadOnlyList<string> Path, IReadOnlyList<string> Problems);

internal sealed record HtmlSuppression(string Reason, string Source, string? Expires);

internal sealed record HtmlFinding(string RuleId, string Rule, string Severity, string Message, string Path, int Line,
    string ObjectId, string ObjectLabel, HtmlSuppression? Suppression);
