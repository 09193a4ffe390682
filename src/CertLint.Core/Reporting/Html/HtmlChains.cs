using System.Text;
using static CertLint.Reporting.Html.HtmlText;

namespace CertLint.Reporting.Html;

/// <summary>
/// One SVG per leaf (a certificate that is not a CA): its path to the anchor, left to right, each node with its file
/// and key facts; a path that does not reach an anchor ends in a failing link with the reason; the keys that match
/// the leaf are drawn below it. Beyond <see cref="MaxGraphs"/> leaves the page draws the failing chains first, stays
/// small and says how many it left out.
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
        // Past the limit the failing chains are drawn first: they are the ones a reader is looking for.
        var drawn = leaves.Count <= MaxGraphs ? leaves : leaves.OrderBy(l => Failed(m, l) ? 0 : 1).Take(MaxGraphs).ToList();
        // A CA heads many chains: it is drawn once, in <defs>, and each graph refers to it with <use>.
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var graphs = new StringBuilder();
        foreach (var leaf in drawn)
        {
            m.Chains.TryGetValue(leaf.Sha256, out var chain);
            var path = (chain?.Path ?? [leaf.Sha256]).Select(s => bySha.GetValueOrDefault(s)).OfType<HtmlCert>().ToList();
            // The leaf as found in this file (the same certificate may sit in several).
            if (path.Count == 0) path.Add(leaf);
            else path[0] = leaf;
            var leafKeys = leaf.PairedKeys.Select(k => keys.GetValueOrDefault(k)).OfType<HtmlKey>().Distinct().ToList();
            Graph(graphs, m, path, chain, Failed(m, leaf), leafKeys, shared);
        }
        if (shared.Count > 0)
        {
            h.Append("<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>");
            foreach (var def in shared.Values) h.Append(def);
            h.Append("</defs></svg>\n");
        }
        h.Append(graphs);
        if (leaves.Count > drawn.Count)
            h.Append("<p class=\"note\" id=\"chains-cut\">").Append(N(leaves.Count - drawn.Count)).Append(" more chains are not drawn, to keep this page small; the JSON report lists every chain.</p>\n");
        h.Append("</section>\n");
    }

    private static bool Failed(HtmlModel m, HtmlCert leaf) => !m.Chains.TryGetValue(leaf.Sha256, out var chain) || chain.Status != "complete";

    private static void Graph(StringBuilder h, HtmlModel m, List<HtmlCert> path, HtmlChain? chain, bool failed, List<HtmlKey> keys, Dictionary<string, string> shared)
    {
        var leaf = path[0];
        var nodes = path.Count + (failed ? 1 : 0);
        var width = nodes * W + (nodes - 1) * Gap + 8;
        var height = H + 8 + (keys.Count > 0 ? 12 + keys.Count * (KeyH + 6) : 0);
        var status = chain?.Status ?? "none";
        var reason = string.Join("; ", chain?.Problems ?? ["no chain was built"]);
        var summary = failed
            ? $"{Short(leaf.Subject, 200)}: no valid path to a trust anchor ({Short(reason, 300)})"
            : $"{Short(CommonName(leaf.Subject), 100)}: {path.Count} certificates up to the anchor {Short(CommonName(path[^1].Subject), 100)}";
        if (keys.Count > 0) summary += $"; matching key in {Short(string.Join(", ", keys.Select(k => $"{k.Path}:{k.Line}")), 300)}";
        // The figcaption says in words what the drawing shows, so the SVG itself is hidden from screen readers.
        h.Append("<figure class=\"chain chain-").Append(E(status)).Append("\" data-leaf=\"").Append(E(HtmlTimeline.Id(leaf.Sha256))).Append("\"><svg viewBox=\"0 0 ")
            .Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"").Append(N(width)).Append("\" aria-hidden=\"true\">");
        Node(h, m, leaf, "leaf", title: false, at: "4,4");
        // The links between the boxes, one path; each CA box is the shared drawing of that certificate.
        if (path.Count > 1) h.Append("<path class=\"link\" d=\"M").Append(N(4 + W)).Append(' ').Append(N(4 + H / 2)).Append(string.Concat(Enumerable.Repeat($"h{Gap}m{W} 0", path.Count - 1))).Append("\"/>");
        for (var i = 1; i < path.Count; i++)
        {
            var x = 4 + i * (W + Gap);
            var kind = i == path.Count - 1 && !failed ? "anchor" : "intermediate";
            var id = $"n-{HtmlTimeline.Id(path[i].Sha256)}-{kind[0]}";
            if (!shared.ContainsKey(id))
            {
                var def = new StringBuilder().Append("<g id=\"").Append(E(id)).Append("\">");
                Node(def, m, path[i], kind, title: true, at: null);
                shared[id] = def.Append("</g>").ToString();
            }
            h.Append("<use href=\"#").Append(E(id)).Append("\" x=\"").Append(N(x)).Append("\" y=\"4\"/>");
        }
        if (failed)
        {
            var x = 4 + path.Count * (W + Gap);
            h.Append("<g class=\"link link-failed\"><line x1=\"").Append(N(x - Gap)).Append("\" y1=\"").Append(N(4 + H / 2)).Append("\" x2=\"").Append(N(x)).Append("\" y2=\"")
                .Append(N(4 + H / 2)).Append("\"/><title>").Append(E(Short(reason, 300))).Append("</title></g>");
            h.Append("<g class=\"node node-missing\"><rect x=\"").Append(N(x)).Append("\" y=\"4\" width=\"").Append(N(W)).Append("\" height=\"").Append(N(H))
                .Append("\" rx=\"6\"/><text x=\"").Append(N(x + 8)).Append("\" y=\"24\" class=\"strong\">").Append(chain?.Status == "invalid" ? "invalid link" : "no trusted issuer")
                .Append("</text><text x=\"").Append(N(x + 8)).Append("\" y=\"42\">").Append(E(Short(reason, 34))).Append("</text></g>");
        }
        for (var k = 0; k < keys.Count; k++)
        {
            var y = H + 20 + k * (KeyH + 6);
            h.Append("<g class=\"node node-key\"><line class=\"key-link\" x1=\"").Append(N(4 + W / 2)).Append("\" y1=\"").Append(N(H + 4)).Append("\" x2=\"")
                .Append(N(4 + W / 2)).Append("\" y2=\"").Append(N(y)).Append("\"/><rect x=\"4\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(W))
                .Append("\" height=\"").Append(N(KeyH)).Append("\" rx=\"6\"/><text x=\"12\" y=\"").Append(N(y + 21)).Append("\">key ")
                .Append(E(Short($"{keys[k].Path}:{keys[k].Line}", 30))).Append("</text></g>");
        }
        h.Append("</svg><figcaption>").Append(E(summary)).Append("</figcaption></figure>\n");
    }

    /// <summary>A certificate's box (at the origin, or moved to <paramref name="at"/>): name, file and line, key and expiry; shared CA boxes carry a title for hover.</summary>
    private static void Node(StringBuilder h, HtmlModel m, HtmlCert c, string kind, bool title, string? at)
    {
        h.Append("<g class=\"node node-").Append(kind).Append(" status-").Append(CertStatus.Of(c, m.Now)).Append('"');
        if (at is not null) h.Append(" transform=\"translate(").Append(at).Append(")\"");
        h.Append("><rect width=\"").Append(N(W)).Append("\" height=\"").Append(N(H)).Append("\" rx=\"6\"/><text x=\"8\" y=\"18\" class=\"strong\">")
            .Append(E(Short(CommonName(c.Subject), 30))).Append("</text><text x=\"8\" y=\"36\">").Append(E(Short($"{c.Path}:{c.Line}", 34)))
            .Append("</text><text x=\"8\" y=\"54\">").Append(E($"{c.Key} · until {Date(c.NotAfter)}")).Append("</text>");
        if (title) h.Append("<title>").Append(E($"{Short(c.Subject, 200)} ({kind}) {c.Path}:{c.Line}")).Append("</title>");
        h.Append("</g>");
    }
}
