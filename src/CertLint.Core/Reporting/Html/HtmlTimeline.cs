using System.Text;
using static CertLint.Reporting.Html.HtmlText;

namespace CertLint.Reporting.Html;

/// <summary>
/// The expiry timeline: an SVG with one bar per certificate from notBefore to notAfter, grouped by folder, a "now"
/// line and the warning window shaded. Past <see cref="DetailedLimit"/> certificates one bar per row is unreadable,
/// so the page shows a histogram of expiries per week and a list with a small bar per certificate instead (the
/// <see cref="ListLimit"/> that expire first).
/// </summary>
internal static class HtmlTimeline
{
    public const int DetailedLimit = 300;
    /// <summary>Most rows in the list under the histogram; with the other limits it keeps 10,000 certificates under 5 MB.</summary>
    public const int ListLimit = 2500;
    private const int Left = 300, Right = 1000, Row = 18, Top = 24;

    public static void Write(StringBuilder h, HtmlModel m)
    {
        h.Append("<section id=\"timeline\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Expiry timeline</h2>\n");
        if (m.Certificates.Count == 0)
        {
            h.Append("<p>No certificates were found.</p></section>\n");
            return;
        }
        var (d0, d1) = Domain(m);
        h.Append("<p class=\"legend\"><span class=\"swatch status-expired\"></span>expired <span class=\"swatch status-expiring\"></span>expires within ")
            .Append(N((long)CertStatus.WarningWindow.TotalDays)).Append(" days <span class=\"swatch status-valid\"></span>valid ")
            .Append("<span class=\"swatch status-not-yet-valid\"></span>not yet valid · now: ").Append(E(ReportText.Timestamp(m.Now))).Append("</p>\n");
        if (m.Certificates.Count <= DetailedLimit) Bars(h, m, d0, d1);
        else Histogram(h, m, d0, d1);
        h.Append("</section>\n");
    }

    /// <summary>The drawn span: every certificate's validity, but no more than 3 years either side of now.</summary>
    private static (DateTimeOffset, DateTimeOffset) Domain(HtmlModel m)
    {
        var d0 = m.Certificates.Min(c => c.NotBefore);
        var d1 = m.Certificates.Max(c => c.NotAfter);
        if (d0 < m.Now.AddYears(-3)) d0 = m.Now.AddYears(-3);
        if (d1 > m.Now.AddYears(3)) d1 = m.Now.AddYears(3);
        if (d0 > m.Now.AddDays(-30)) d0 = m.Now.AddDays(-30);
        if (d1 < m.Now.AddDays(60)) d1 = m.Now.AddDays(60);
        return (d0, d1);
    }

    private static double X(DateTimeOffset t, DateTimeOffset d0, DateTimeOffset d1) =>
        Left + Math.Clamp((t - d0).TotalSeconds / (d1 - d0).TotalSeconds, 0, 1) * (Right - Left);

    private static void Bars(StringBuilder h, HtmlModel m, DateTimeOffset d0, DateTimeOffset d1)
    {
        var groups = m.Certificates.GroupBy(c => c.Folder).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var height = Top + (m.Certificates.Count + groups.Count) * Row + 8;
        h.Append("<p><button type=\"button\" id=\"sort-expiry\" aria-pressed=\"false\">Sort by expiry</button></p>\n");
        Svg(h, m, d0, d1, height, $"Timeline of {m.Certificates.Count} certificates from notBefore to notAfter, grouped by folder");
        var y = Top;
        foreach (var g in groups)
        {
            h.Append("<text class=\"group\" x=\"4\" y=\"").Append(N(y + 13)).Append("\">").Append(E(g.Key + "/")).Append("</text>\n");
            y += Row;
            foreach (var c in g.OrderBy(c => c.NotAfter).ThenBy(c => c.Path, StringComparer.Ordinal))
            {
                var status = CertStatus.Of(c, m.Now);
                var x0 = X(c.NotBefore, d0, d1);
                var x1 = Math.Max(X(c.NotAfter, d0, d1), x0 + 2);
                h.Append("<g class=\"row\" data-not-after=\"").Append(N(c.NotAfter.ToUnixTimeMilliseconds())).Append("\" transform=\"translate(0,")
                    .Append(N(y)).Append(")\"><text x=\"14\" y=\"13\">").Append(E(Short(CommonName(c.Subject), 40))).Append("</text>");
                Bar(h, m, c, status, $"x=\"{N(x0)}\" y=\"3\" width=\"{N(x1 - x0)}\" height=\"12\"");
                h.Append("</g>\n");
                y += Row;
            }
        }
        h.Append("</svg>\n");
    }

    /// <summary>One certificate's bar; its title is its accessible name and what hover and keyboard focus show.</summary>
    private static void Bar(StringBuilder h, HtmlModel m, HtmlCert c, string status, string geometry)
    {
        var tip = $"{c.Subject} — {c.Path}:{c.Line} — {CertStatus.Label(status)}, {DaysText(c, m.Now)}";
        h.Append("<rect class=\"cert-bar status-").Append(status).Append("\" ").Append(geometry)
            .Append(" tabindex=\"0\" role=\"img\" data-id=\"").Append(E(Id(c.Sha256))).Append("\"><title>").Append(E(tip)).Append("</title></rect>");
    }

    /// <summary>The first 16 hex digits of the SHA-256: enough to tell a page's certificates apart, small enough for 10,000.</summary>
    public static string Id(string sha256) => sha256.Length > 16 ? sha256[..16] : sha256;

    private static string DaysText(HtmlCert c, DateTimeOffset now)
    {
        var days = Model.Validity.DaysRemaining(c.NotAfter, now);
        return days >= 0 ? $"{days} days left (expires {Date(c.NotAfter)})" : $"expired {-days} days ago ({Date(c.NotAfter)})";
    }

    private static void Svg(StringBuilder h, HtmlModel m, DateTimeOffset d0, DateTimeOffset d1, int height, string label)
    {
        var now = X(m.Now, d0, d1);
        var window = X(m.Now + CertStatus.WarningWindow, d0, d1);
        h.Append("<svg class=\"timeline\" viewBox=\"0 0 ").Append(N(Right + 10)).Append(' ').Append(N(height))
            .Append("\" width=\"100%\" role=\"group\" aria-label=\"").Append(E(label)).Append("\" data-domain-start=\"")
            .Append(N(d0.ToUnixTimeMilliseconds())).Append("\" data-domain-end=\"").Append(N(d1.ToUnixTimeMilliseconds()))
            .Append("\" data-x0=\"").Append(N(Left)).Append("\" data-x1=\"").Append(N(Right)).Append("\">\n");
        h.Append("<rect class=\"warning-window\" x=\"").Append(N(now)).Append("\" y=\"0\" width=\"").Append(N(window - now))
            .Append("\" height=\"").Append(N(height)).Append("\"/>\n");
        Axis(h, d0, d1, height);
        h.Append("<line class=\"now-line\" x1=\"").Append(N(now)).Append("\" x2=\"").Append(N(now)).Append("\" y1=\"0\" y2=\"")
            .Append(N(height)).Append("\"/><text class=\"now-label\" x=\"").Append(N(now + 3)).Append("\" y=\"10\">now</text>\n");
    }

    /// <summary>A tick per year (or per quarter on short spans) along the top.</summary>
    private static void Axis(StringBuilder h, DateTimeOffset d0, DateTimeOffset d1, int height)
    {
        var months = (d1 - d0).TotalDays > 3 * 365 ? 12 : (d1 - d0).TotalDays > 365 ? 3 : 1;
        var t = new DateTimeOffset(d0.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var guard = 0; t <= d1 && guard < 200; t = t.AddMonths(months), guard++)
        {
            if (t < d0) continue;
            var x = X(t, d0, d1);
            h.Append("<line class=\"tick\" x1=\"").Append(N(x)).Append("\" x2=\"").Append(N(x)).Append("\" y1=\"14\" y2=\"").Append(N(height))
                .Append("\"/><text class=\"tick-label\" x=\"").Append(N(x + 2)).Append("\" y=\"10\">").Append(t.ToString(months == 12 ? "yyyy" : "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).Append("</text>\n");
        }
    }

    /// <summary>Many certificates: expiries per week as a histogram, then one list row (with a small bar) per certificate.</summary>
    private static void Histogram(StringBuilder h, HtmlModel m, DateTimeOffset d0, DateTimeOffset d1)
    {
        var weeks = Math.Max(1, (int)Math.Ceiling((d1 - d0).TotalDays / 7));
        var counts = new int[weeks];
        foreach (var c in m.Certificates) counts[Math.Clamp((int)((c.NotAfter - d0).TotalDays / 7), 0, weeks - 1)]++;
        var max = Math.Max(1, counts.Max());
        const int height = 140;
        Svg(h, m, d0, d1, height, $"Histogram of the expiry dates of {m.Certificates.Count} certificates, per week");
        var w = (double)(Right - Left) / weeks;
        for (var i = 0; i < weeks; i++)
        {
            if (counts[i] == 0) continue;
            var bh = (height - 24.0) * counts[i] / max;
            var start = d0.AddDays(7 * i);
            h.Append("<rect class=\"week\" x=\"").Append(N(Left + i * w)).Append("\" y=\"").Append(N(height - bh)).Append("\" width=\"")
                .Append(N(Math.Max(w - 0.5, 0.5))).Append("\" height=\"").Append(N(bh)).Append("\"><title>").Append(N(counts[i]))
                .Append(" expiring in the week of ").Append(Date(start)).Append("</title></rect>\n");
        }
        h.Append("<text x=\"4\" y=\"40\">").Append(N(m.Certificates.Count)).Append(" certificates</text></svg>\n");
        h.Append("<p><button type=\"button\" id=\"sort-expiry\" aria-pressed=\"false\">Sort by expiry</button></p>\n");
        // Beyond ListLimit the list keeps the certificates that expire first: the ones someone has to act on.
        var listed = m.Certificates.Count <= ListLimit ? m.Certificates
            : m.Certificates.OrderBy(c => c.NotAfter).ThenBy(c => c.Path, StringComparer.Ordinal).Take(ListLimit).ToList();
        h.Append("<table class=\"expiry-list\"><caption>")
            .Append(listed.Count < m.Certificates.Count ? $"The {N(listed.Count)} certificates that expire first, by folder" : "Every certificate, by folder")
            .Append("</caption><thead><tr><th scope=\"col\">Certificate</th><th scope=\"col\">File</th><th scope=\"col\">Expires</th><th scope=\"col\">Days left</th><th scope=\"col\">Validity</th></tr></thead><tbody>\n");
        foreach (var c in listed.OrderBy(c => c.Folder, StringComparer.Ordinal).ThenBy(c => c.NotAfter))
        {
            // A styled element rather than an SVG per row: a tenth of the bytes. The row's cells say what the bar shows.
            var x0 = (X(c.NotBefore, d0, d1) - Left) / (Right - Left) * 100;
            var x1 = (X(c.NotAfter, d0, d1) - Left) / (Right - Left) * 100;
            h.Append("<tr class=\"row\" data-not-after=\"").Append(N(c.NotAfter.ToUnixTimeMilliseconds())).Append("\"><td>").Append(E(Short(CommonName(c.Subject), 60)))
                .Append("</td><td>").Append(E(c.Path)).Append("</td><td>").Append(Date(c.NotAfter)).Append("</td><td>").Append(N(Model.Validity.DaysRemaining(c.NotAfter, m.Now)))
                .Append("</td><td class=\"mini\"><i class=\"cert-bar status-").Append(CertStatus.Of(c, m.Now)).Append("\" data-id=\"").Append(E(Id(c.Sha256)))
                .Append("\" style=\"margin-left:").Append(N(x0)).Append("%;width:").Append(N(Math.Max(x1 - x0, 0.5))).Append("%\"></i></td></tr>\n");
        }
        h.Append("</tbody></table>\n");
        if (listed.Count < m.Certificates.Count)
            h.Append("<p class=\"note\" id=\"list-cut\">").Append(N(m.Certificates.Count - listed.Count)).Append(" more certificates, valid until ")
                .Append(Date(listed.Max(c => c.NotAfter))).Append(" or later, are not listed, to keep this page small; the histogram counts them and the JSON report lists every certificate.</p>\n");
    }
}
