using System.Text;
using static CertLint.Reporting.Html.HtmlText;

namespace CertLint.Reporting.Html;

/// <summary>
/// One SVG per leaf (a certificate that is not a CA): its path to the anchor, left to right, each node with its file
/// and key facts; a path that does not reach an anchor ends in a failing link with the reason; the keys that match
/// the leaf are drawn below it. Beyond <see cref="MaxGraphs"/> leaves the page stays small and says how many it left out.
/// </summary>
internal static class HtmlChains
{
    public const int MaxGraphs = 2000;
    private const int W = 230, H = 66, Gap = 46, KeyH = 34;

    public static void Write(StringBuilder h, HtmlModel m)
    {
        h.Append("<section id=\"chains\" aria-labelledby=\"chains-h\"><h2 id=\"chains-h\">Chains</h2>\n");
        var bySha = m.Certificates.GroupBy(c => c.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = m.Keys.GroupBy(k => k.Fingerprint, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var leaves = m.Certificates.Where(c => !c.IsCa).ToList();
        if (leaves.Count == 0) h.Append("<p>No leaf certificates were found.</p>\n");
        foreach (var leaf in leaves.Take(MaxGraphs))
        {
            m.Chains.TryGetValue(leaf.Sha256, out var chain);
            var path = (chain?.Path ?? [leaf.Sha256]).Select(s => bySha.GetValueOrDefault(s)).OfType<HtmlCert>().ToList();
            if (path.Count == 0) path.Add(leaf);
            var failed = chain is null || chain.Status != "complete";
            var leafKeys = leaf.PairedKeys.Select(k => keys.GetValueOrDefault(k)).OfType<HtmlKey>().Distinct().ToList();
            Graph(h, m, leaf, path, chain, failed, leafKeys);
        }
        if (leaves.Count > MaxGraphs)
            h.Append("<p class=\"note\">").Append(N(leaves.Count - MaxGraphs)).Append(" more chains are not drawn, to keep this page small; the JSON report lists every chain.</p>\n");
        h.Append("</section>\n");
    }

    private static void Graph(StringBuilder h, HtmlModel m, HtmlCert leaf, List<HtmlCert> path, HtmlChain? chain, bool failed, List<HtmlKey> keys)
    {
        var nodes = path.Count + (failed ? 1 : 0);
        var width = nodes * W + (nodes - 1) * Gap + 8;
        var height = H + 8 + (keys.Count > 0 ? 12 + keys.Count * (KeyH + 6) : 0);
        var status = chain?.Status ?? "none";
        var summary = failed
            ? $"{leaf.Subject}: no valid path to a trust anchor ({string.Join("; ", chain?.Problems ?? ["not checked"])})"
            : $"{leaf.Subject}: path of {path.Count} certificates to the anchor {path[^1].Subject}";
        // The figcaption says in words what the drawing shows, so the SVG itself is hidden from screen readers.
        h.Append("<figure class=\"chain chain-").Append(E(status)).Append("\" data-leaf=\"").Append(E(HtmlTimeline.Id(leaf.Sha256))).Append("\"><svg viewBox=\"0 0 ")
            .Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"").Append(N(width)).Append("\" aria-hidden=\"true\">");
        for (var i = 0; i < path.Count; i++)
        {
            var x = 4 + i * (W + Gap);
            if (i > 0) Link(h, x - Gap, x, ok: true, "signed by");
            Node(h, m, path[i], x, i == 0 ? "leaf" : i == path.Count - 1 && !failed ? "anchor" : "intermediate");
        }
        if (failed)
        {
            var x = 4 + path.Count * (W + Gap);
            var reason = string.Join("; ", chain?.Problems ?? ["no chain was built"]);
            Link(h, x - Gap, x, ok: false, reason);
            h.Append("<g class=\"node node-missing\"><rect x=\"").Append(N(x)).Append("\" y=\"4\" width=\"").Append(N(W)).Append("\" height=\"").Append(N(H))
                .Append("\" rx=\"6\"/><text x=\"").Append(N(x + 8)).Append("\" y=\"24\" class=\"strong\">").Append(chain?.Status == "invalid" ? "invalid link" : "no trusted issuer")
                .Append("</text><text x=\"").Append(N(x + 8)).Append("\" y=\"42\">").Append(E(Short(reason, 34))).Append("</text><title>").Append(E(reason)).Append("</title></g>");
        }
        for (var k = 0; k < keys.Count; k++)
        {
            var y = H + 20 + k * (KeyH + 6);
            h.Append("<g class=\"node node-key\"><line class=\"key-link\" x1=\"").Append(N(4 + W / 2)).Append("\" y1=\"").Append(N(H + 4)).Append("\" x2=\"")
                .Append(N(4 + W / 2)).Append("\" y2=\"").Append(N(y)).Append("\"/><rect x=\"4\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(W))
                .Append("\" height=\"").Append(N(KeyH)).Append("\" rx=\"6\"/><text x=\"12\" y=\"").Append(N(y + 21)).Append("\">key ")
                .Append(E(Short($"{keys[k].Path}:{keys[k].Line}", 30))).Append("</text><title>").Append(E($"matching key {keys[k].Label} in {keys[k].Path}:{keys[k].Line}")).Append("</title></g>");
        }
        h.Append("</svg><figcaption>").Append(E(summary)).Append("</figcaption></figure>\n");
    }

    private static void Node(StringBuilder h, HtmlModel m, HtmlCert c, int x, string kind)
    {
        var status = CertStatus.Of(c, m.Now);
        h.Append("<g class=\"node node-").Append(kind).Append(" status-").Append(status).Append("\" transform=\"translate(").Append(N(x))
            .Append(",4)\"><rect width=\"").Append(N(W)).Append("\" height=\"").Append(N(H)).Append("\" rx=\"6\"/><text x=\"8\" y=\"18\" class=\"strong\">")
            .Append(E(Short(CommonName(c.Subject), 30))).Append("</text><text x=\"8\" y=\"36\">").Append(E(Short($"{c.Path}:{c.Line}", 34)))
            .Append("</text><text x=\"8\" y=\"54\">").Append(E($"{c.Key} · until {Date(c.NotAfter)}")).Append("</text><title>")
            .Append(E($"{c.Subject} ({kind}) {c.Path}:{c.Line}")).Append("</title></g>");
    }

    private static void Link(StringBuilder h, int x0, int x1, bool ok, string label)
    {
        h.Append("<g class=\"link ").Append(ok ? "link-ok" : "link-failed").Append("\"><line x1=\"").Append(N(x0)).Append("\" y1=\"").Append(N(4 + H / 2))
            .Append("\" x2=\"").Append(N(x1)).Append("\" y2=\"").Append(N(4 + H / 2)).Append("\"/><title>").Append(E(label)).Append("</title></g>");
    }
}
