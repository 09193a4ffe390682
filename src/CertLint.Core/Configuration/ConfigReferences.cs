using CertLint.Configuration.Yaml;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>A file or folder a config names (trust anchors, rule folders, paths, self-test files), with where it was written.</summary>
/// <param name="Key">The key, dotted (e.g. `trust.anchors`).</param>
/// <param name="Value">The value as written.</param>
/// <param name="FullPath">The value resolved against the config's folder.</param>
public sealed record ConfigReference(string Key, string Value, string FullPath, ConfigOrigin Origin);

/// <summary>Reads path values and remembers each with its position, so <see cref="ConfigConfinement"/> can point at it.</summary>
internal sealed class ConfigReferences(string file, string baseDirectory)
{
    public List<ConfigReference> All { get; } = [];

    /// <summary>A list of paths (a single string is a list of one); null when the key is absent.</summary>
    public string[]? List(YamlNode? node, string key)
    {
        if (node is null) return null;
        YamlValues.StringList(file, node, key); // type errors first, with the list's position
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        return items.Select(n => One(n, key)).ToArray();
    }

    public string One(YamlNode node, string key)
    {
        var value = YamlValues.String(file, node, key);
        var full = Path.GetFullPath(Path.Combine(baseDirectory, value));
        All.Add(new ConfigReference(key, value, full, new ConfigOrigin(file, (int)node.Start.Line, (int)node.Start.Column)));
        return full;
    }
}
