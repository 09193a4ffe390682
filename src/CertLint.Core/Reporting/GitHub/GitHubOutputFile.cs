using System.Text;

namespace CertLint.Reporting.GitHub;

/// <summary>
/// Appends step outputs to the file named by $GITHUB_OUTPUT. Single-line values use <c>name=value</c>; values with a
/// line break use the heredoc form <c>name&lt;&lt;DELIM</c> ... <c>DELIM</c> with a random delimiter that is checked
/// not to occur in the value (as @actions/core does), so a value cannot inject further outputs.
/// </summary>
public static class GitHubOutputFile
{
    public static string Format(string name, string value)
    {
        if (name.Length == 0 || name.IndexOfAny(['\r', '\n', '=', '<']) >= 0)
            throw new ArgumentException($"Invalid output name '{name}'.", nameof(name));
        if (value.IndexOfAny(['\r', '\n']) < 0) return $"{name}={value}\n";
        var delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
        while (value.Contains(delimiter, StringComparison.Ordinal))
            delimiter = "ghadelimiter_" + Guid.NewGuid().ToString("N");
        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }

    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> outputs)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in outputs) text.Append(Format(name, value));
        File.AppendAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}
