using CertLint.Model;

namespace CertLint.Usage.Rabbitmq;

/// <summary>One rabbitmq.conf setting: the dotted key as written (cuttlefish keys are case-sensitive), its value, where.</summary>
internal sealed record RabbitmqSetting(string Key, string Value, SourceLocation At);

/// <summary>
/// rabbitmq.conf's sysctl-style syntax, as cuttlefish's conf_parse grammar reads it: `key = value` per line, a key
/// being dot-separated words of letters, digits, '_' and '-'; a value is 'single-quoted' or runs to the end of the
/// line or to a '#', which starts a comment anywhere outside quotes. `include` lines are not followed. A line that is
/// none of these makes RabbitMQ refuse the whole file: each is an issue at its line, never its text. A later setting
/// of the same key wins.
/// </summary>
internal static class RabbitmqConf
{
    /// <summary>Settings kept from one file: a real rabbitmq.conf has a few dozen.</summary>
    private const int MaxSettings = 10_000;

    public static Dictionary<string, RabbitmqSetting> Parse(ConfigSource source, ConfigReadResult result)
    {
        var settings = new Dictionary<string, RabbitmqSetting>(StringComparer.Ordinal);
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Line(lines[i].TrimEnd('\r'), out var error) is not { } setting)
            {
                if (error is not null) result.Error(source.At(i + 1), error);
                continue;
            }
            if (settings.Count < MaxSettings || settings.ContainsKey(setting.Key))
                settings[setting.Key] = new RabbitmqSetting(setting.Key, setting.Value, source.At(i + 1));
        }
        return settings;
    }

    /// <summary>(key, value) of one line; null for blank, comment and include lines (error null) or a syntax error (error set).</summary>
    internal static (string Key, string Value)? Line(string text, out string? error)
    {
        error = null;
        var line = text.TrimStart(' ', '\t');
        if (line.Length == 0 || line[0] == '#' || line.StartsWith("include ", StringComparison.Ordinal) || line.StartsWith("include\t", StringComparison.Ordinal))
            return null;
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '-' or '.' or '\\')) i++;
        var key = line[..i];
        if (key.Length == 0 || key.StartsWith('.') || key.EndsWith('.') || key.Contains("..", StringComparison.Ordinal))
        {
            error = "syntax error: a setting (key = value) is expected";
            return null;
        }
        var rest = line[i..].TrimStart(' ', '\t');
        if (rest.Length == 0 || rest[0] != '=')
        {
            error = $"syntax error: '{ConfigWords.Safe(key)}' is not followed by '='";
            return null;
        }
        rest = rest[1..].TrimStart(' ', '\t');
        string value;
        if (rest.StartsWith('\''))
        {
            var close = rest.IndexOf('\'', 1);
            if (close < 0)
            {
                error = $"syntax error: unterminated quoted value of '{ConfigWords.Safe(key)}'";
                return null;
            }
            value = rest[1..close];
        }
        else
        {
            var comment = rest.IndexOf('#');
            value = (comment < 0 ? rest : rest[..comment]).TrimEnd(' ', '\t');
            if (value.Length == 0)
            {
                error = $"syntax error: '{ConfigWords.Safe(key)}' has no value";
                return null;
            }
        }
        return (key.Replace("\\.", ".", StringComparison.Ordinal), value);
    }
}
