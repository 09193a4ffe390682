using CertLint.Model;

namespace CertLint.Usage.Iris;

/// <summary>
/// Configuration-merge files (`iris merge`, the ISC_CPF_MERGE_FILE of containers): in the `[Actions]` section,
/// `CreateSSLConfig:Name=X,Prop=Value,...` creates a TLS configuration and `ModifySSLConfig:Name=X,...` changes one.
/// A Modify of a configuration the same file creates is folded into it (each property keeps its own line); a Modify of
/// one created elsewhere is a usage of its own with only the properties it sets.
/// </summary>
internal static class IrisMerge
{
    public static void Read(ConfigSource source, ConfigReadResult result)
    {
        var configs = new List<(string Name, SourceLocation At, string Action, Dictionary<string, IrisProperty> Props)>();
        var section = "";
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }
            if (!section.Equals("Actions", StringComparison.OrdinalIgnoreCase) || !IrisReader.MergeAction().IsMatch(line)) continue;
            var at = source.At(i + 1);
            var colon = line.IndexOf(':');
            var action = line[..colon].Trim();
            action = action.StartsWith("Create", StringComparison.OrdinalIgnoreCase) ? "CreateSSLConfig" : "ModifySSLConfig";
            if (Properties(line[(colon + 1)..], at) is not { } props)
            {
                result.Error(at, $"{action}: expected Name=Value pairs separated by commas");
                continue;
            }
            if (!props.TryGetValue("Name", out var name) || name.Value.Length == 0)
            {
                result.Error(at, $"{action} needs Name= (the configuration's name)");
                continue;
            }
            var created = configs.FindIndex(c => c.Name.Equals(name.Value, StringComparison.OrdinalIgnoreCase));
            if (action == "ModifySSLConfig" && created >= 0)
            {
                foreach (var (key, value) in props) configs[created].Props[key] = value;
                continue;
            }
            configs.Add((name.Value, at, action, props));
        }
        foreach (var (name, at, action, props) in configs) IrisConfig.Add(source, result, props, at, name, action, client: null);
    }

    /// <summary>`Name=X,CertificateFile=/p,...` (all on the action's line); null when a part is not Name=Value.</summary>
    private static Dictionary<string, IrisProperty>? Properties(string text, SourceLocation at)
    {
        var props = IrisConfig.NewProperties();
        foreach (var part in text.Split(','))
        {
            if (part.Trim().Length == 0) continue;
            var eq = part.IndexOf('=');
            if (eq <= 0) return null;
            props[part[..eq].Trim()] = new IrisProperty(part[(eq + 1)..].Trim(), at);
        }
        return props;
    }
}
