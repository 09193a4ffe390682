using System.Text;

namespace CertLint.Reporting;

/// <summary>Makes any value safe inside GitHub-flavoured Markdown (tables included): no markup, no HTML, one line.</summary>
public static class MarkdownText
{
    public static string Escape(string value)
    {
        var text = ReportText.Printable(value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' '));
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                // '|' ends a table cell even after a backslash inside code spans, so it gets its entity.
                case '|': sb.Append("&#124;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '~' or '!' or '#':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
