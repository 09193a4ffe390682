using System.Text;

namespace CertLint.Reporting.GitHub;

/// <summary>
/// Formats GitHub Actions workflow commands (<c>::name key=value,...::data</c>) with the runner's escaping:
/// %, CR and LF in data; additionally ':' and ',' in property values, which would otherwise end the value.
/// Same rules as @actions/core's escapeData/escapeProperty, so no file name or message can start a new command;
/// and every value goes through <see cref="Findings.SafeText"/> first, so no control or bidi character reaches the log.
/// </summary>
public static class WorkflowCommand
{
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>One command line; properties with a null value are left out.</summary>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string data)
    {
        var line = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (key, value) in properties)
        {
            if (value is null) continue;
            line.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(Findings.SafeText.Printable(value)));
            first = false;
        }
        return line.Append("::").Append(EscapeData(Findings.SafeText.Printable(data))).ToString();
    }
}
