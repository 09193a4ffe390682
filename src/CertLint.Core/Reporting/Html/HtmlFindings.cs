using System.Text;
using static CertLint.Reporting.Html.HtmlText;

namespace CertLint.Reporting.Html;

/// <summary>The findings table with its filters (severity, rule, file, text), then suppressed findings apart.</summary>
internal static class HtmlFindings
{
    /// <summary>Most rows of the findings table (the most severe first) and of the suppressed one: the page stays
    /// around 5 MB for any scan. SARIF, JUnit and JSON hold every finding.</summary>
    public const int MaxRows = 4000, MaxSuppressedRows = 1000;

    public static void Write(StringBuilder h, HtmlModel m)
    {
        var open = m.Findings.Where(f => f.Suppression is null).ToList();
        h.Append("<section id=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">Findings</h2>\n");
        h.Append("<form class=\"filters\" role=\"search\" aria-label=\"Filter findings\" onsubmit=\"return false\">")
            .Append("<label>Severity <select id=\"f-severity\"><option value=\"\">all</option><option>error</option><option>warning</option><option>note</option></select></label> ")
            .Append("<label>Rule <select id=\"f-rule\"><option value=\"\">all</option>");
        foreach (var rule in open.Select(f => f.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            h.Append("<option>").Append(E(rule)).Append("</option>");
        h.Append("</select></label> <label>File <input id=\"f-file\" type=\"search\" placeholder=\"path contains\"/></label> ")
            .Append("<label>Text <input id=\"f-text\" type=\"search\" placeholder=\"message contains\"/></label></form>\n")
            .Append("<p id=\"f-count\" aria-live=\"polite\">").Append(N(Math.Min(open.Count, MaxRows))).Append(" of ").Append(N(Math.Min(open.Count, MaxRows))).Append(" findings shown</p>\n");
        if (open.Count == 0) h.Append("<p>No findings.</p>\n");
        else Table(h, m, open, "findings-table", "Unsuppressed findings, most severe first", suppressed: false, MaxRows);
        h.Append("</section>\n<section id=\"suppressed\" aria-labelledby=\"suppressed-h\"><h2 id=\"suppressed-h\">Suppressed findings</h2>\n");
        var quiet = m.Findings.Where(f => f.Suppression is not null).ToList();
        if (quiet.Count == 0) h.Append("<p>None.</p>\n");
        else Table(h, m, quiet, "suppressed-table", "Findings suppressed in .certlint.yml, with the reason given", suppressed: true, MaxSuppressedRows);
        h.Append("</section>\n");
    }

    private static void Table(StringBuilder h, HtmlModel m, List<HtmlFinding> all, string id, string caption, bool suppressed, int limit)
    {
        var findings = all.OrderBy(f => Rank(f.Severity)).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.Line).Take(limit).ToList();
        h.Append("<table id=\"").Append(id).Append("\"><caption>").Append(E(caption)).Append("</caption><thead><tr>")
            .Append("<th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Location</th><th scope=\"col\">Object</th><th scope=\"col\">Message</th>");
        if (suppressed) h.Append("<th scope=\"col\">Reason</th><th scope=\"col\">Expires</th>");
        h.Append("</tr></thead><tbody>\n");
        foreach (var f in findings)
        {
            h.Append("<tr class=\"finding\" data-severity=\"").Append(E(f.Severity)).Append("\" data-rule=\"").Append(E(f.Rule))
                .Append("\"><td><span class=\"badge sev-").Append(E(f.Severity)).Append("\">").Append(E(f.Severity))
                .Append("</span></td><td>");
            if (Help(m, f) is { } url) h.Append("<a href=\"").Append(E(url)).Append("\">").Append(E($"{f.RuleId} {f.Rule}")).Append("</a>");
            else h.Append(E($"{f.RuleId} {f.Rule}"));
            h.Append("</td><td>").Append(E($"{f.Path}:{f.Line}")).Append("</td><td>").Append(E(Short(f.ObjectLabel, 120))).Append("</td><td class=\"message\">").Append(E(f.Message)).Append("</td>");
            if (suppressed) h.Append("<td>").Append(E(f.Suppression!.Reason)).Append("</td><td>").Append(E(f.Suppression.Expires ?? "never")).Append("</td>");
            h.Append("</tr>\n");
        }
        h.Append("</tbody></table>\n");
        if (all.Count > findings.Count)
            h.Append("<p class=\"note\">").Append(N(all.Count - findings.Count)).Append(" more findings, the least severe, are not listed, to keep this page small; the SARIF, JUnit and JSON reports hold every finding.</p>\n");
    }

    /// <summary>Built-in rules (CLnnnn) have a documentation page, in their pack's folder; custom rules have none to link to.</summary>
    private static string? Help(HtmlModel m, HtmlFinding f) =>
        f.RuleId.StartsWith("CL", StringComparison.Ordinal) && f.Rule.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? Rules.Loading.RuleLoader.HelpUri(m.PackOfRule.GetValueOrDefault(f.Rule, Rules.Loading.RuleMetadataReader.CorePack), f.Rule)
            : null;

    public static int Rank(string severity) => severity switch { "error" => 0, "warning" => 1, "note" => 2, _ => 3 };
}
