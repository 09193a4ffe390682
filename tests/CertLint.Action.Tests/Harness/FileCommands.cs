namespace CertLint.Action.Tests.Harness;

/// <summary>
/// Reads a $GITHUB_OUTPUT file as the runner does: <c>name=value</c> lines and <c>name&lt;&lt;DELIM</c> heredocs;
/// a later value for the same name replaces the earlier one. Malformed content throws, as it fails the step.
/// </summary>
internal static class FileCommands
{
    public static Dictionary<string, string> ReadOutputs(string path)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return outputs;
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (heredoc > 0 && (eq < 0 || heredoc < eq))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var end = Array.IndexOf(lines, delimiter, i + 1);
                if (end < 0) throw new FormatException($"Matching delimiter not found '{delimiter}'.");
                outputs[name] = string.Join('\n', lines[(i + 1)..end]);
                i = end;
            }
            else if (eq > 0)
            {
                outputs[line[..eq]] = line[(eq + 1)..];
            }
            else
            {
                throw new FormatException($"Invalid format '{line}'.");
            }
        }
        return outputs;
    }
}
