using System.Reflection;
using System.Text;
using System.Text.Json;
using CertLint.Engine;
using static CertLint.Reporting.Html.HtmlText;

namespace CertLint.Reporting.Html;

/// <summary>
/// The HTML report (`--html FILE`): one self-contained page — summary, expiry timeline, chain graphs and findings —
/// with inline CSS, JavaScript and SVG and a Content-Security-Policy that forbids every network request. It is
/// rendered from the JSON report, so `certlint report --from report.json --html` draws the same page later. Like
/// the JSON report it holds public facts only: never key material or a password.
/// </summary>
public static class HtmlReport
{
    public static void Write(LintResult result, Stream stream, ReportSettings settings)
    {
        using var json = new MemoryStream();
        JsonReport.Write(result, json, settings);
        json.Position = 0;
        using var doc = JsonDocument.Parse(json);
        Write(doc.RootElement, stream);
    }

    /// <summary>Renders a JSON report (schema v1). <see cref="FormatException"/> when it is not one.</summary>
    public static void Write(JsonElement report, Stream stream)
    {
        var m = HtmlModel.Read(report);
        var h = new StringBuilder(64 * 1024 + m.Certificates.Count * 900);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\"/>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><meta name=\"color-scheme\" content=\"light dark\"/>")
            .Append("<title>CertLint report — ").Append(Verdict(m)).Append("</title><style>").Append(Asset("report.css")).Append("</style></head>\n<body>")
            .Append("<a class=\"skip\" href=\"#findings\">Skip to findings</a><main>\n");
        Summary(h, m);
        HtmlTimeline.Write(h, m);
        HtmlChains.Write(h, m);
        HtmlFindings.Write(h, m);
        if (m.Notices.Count > 0)
        {
            h.Append("<section id=\"notices\"><h2>Notices</h2><ul>");
            foreach (var n in m.Notices) h.Append("<li>").Append(E(n)).Append("</li>");
            h.Append("</ul></section>\n");
        }
        h.Append("</main><div id=\"tip\" role=\"tooltip\" hidden=\"hidden\"></div><script>").Append(Asset("report.js")).Append("</script></body></html>\n");
        var bytes = Encoding.UTF8.GetBytes(h.ToString());
        stream.Write(bytes);
    }

    private static string Verdict(HtmlModel m) => m.ExitCode == 0 ? "Passed" : "Failed";

    private static void Summary(StringBuilder h, HtmlModel m)
    {
        var open = m.Findings.Where(f => f.Suppression is null).ToList();
        h.Append("<header><h1>CertLint report <span class=\"verdict ").Append(Verdict(m).ToLowerInvariant()).Append("\">").Append(Verdict(m)).Append("</span></h1>")
            .Append("<dl id=\"scan\" class=\"meta\">");
        Fact(h, "root", "Scan root", $"<code>{E(m.Root)}</code>");
        Fact(h, "now", "As of", E(ReportText.Timestamp(m.Now)));
        Fact(h, "version", "CertLint", E(m.Version));
        Fact(h, "packs", "Rule packs", m.Packs.Any() ? string.Join(", ", m.Packs.Select(p => $"{E(p.Pack)} ({N(p.Rules)} {(p.Rules == 1 ? "rule" : "rules")})")) : "none");
        Fact(h, "fail-on", "Fails on", E(m.FailOn));
        h.Append("</dl></header>\n");
        h.Append("<section id=\"summary\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2><div class=\"cards\">");
        Card(h, "errors", open.Count(f => f.Severity == "error"));
        Card(h, "warnings", open.Count(f => f.Severity == "warning"));
        Card(h, "notes", open.Count(f => f.Severity == "note"));
        Card(h, "suppressed", m.Findings.Count - open.Count);
        Card(h, "certificates", m.Certificates.Count);
        Card(h, "keys", m.Keys.Count);
        Card(h, "files", m.Files);
        h.Append("</div>\n<table id=\"by-rule\"><caption>Findings by rule</caption><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">error</th><th scope=\"col\">warning</th><th scope=\"col\">note</th></tr></thead><tbody>");
        foreach (var g in open.GroupBy(f => f.Rule).OrderBy(g => g.Min(f => HtmlFindings.Rank(f.Severity))).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            h.Append("<tr><td>").Append(E(g.Key)).Append("</td>");
            foreach (var s in new[] { "error", "warning", "note" }) h.Append("<td>").Append(N(g.Count(f => f.Severity == s))).Append("</td>");
            h.Append("</tr>");
        }
        h.Append("</tbody></table>\n<table id=\"by-role\"><caption>Certificates by role</caption><thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Certificates</th><th scope=\"col\">Expired</th><th scope=\"col\">Expiring within 30 days</th></tr></thead><tbody>");
        foreach (var g in m.Certificates.GroupBy(c => c.IsCa ? "ca" : c.Role).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            h.Append("<tr><td>").Append(E(g.Key)).Append("</td><td>").Append(N(g.Count())).Append("</td><td>").Append(N(g.Count(c => CertStatus.Of(c, m.Now) == "expired")))
                .Append("</td><td>").Append(N(g.Count(c => CertStatus.Of(c, m.Now) == "expiring"))).Append("</td></tr>");
        }
        h.Append("</tbody></table></section>\n");
    }

    /// <summary>One fact about the scan; <paramref name="html"/> is already escaped.</summary>
    private static void Fact(StringBuilder h, string id, string label, string html) =>
        h.Append("<div><dt>").Append(label).Append("</dt><dd id=\"scan-").Append(id).Append("\">").Append(html).Append("</dd></div>");

    private static void Card(StringBuilder h, string label, int n) =>
        h.Append("<div class=\"card\"><b>").Append(N(n)).Append("</b>").Append(label).Append("</div>");

    private static string Asset(string name)
    {
        using var s = typeof(HtmlReport).Assembly.GetManifestResourceStream("html/" + name)
            ?? throw new InvalidOperationException($"embedded resource html/{name} is missing");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }
}
