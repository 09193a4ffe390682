using System.Text;
using CertLint.Model;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Spring;

/// <summary>One property as Spring Boot binds it: the key in canonical form, its value, the line and the key as written.</summary>
internal sealed record SpringProperty(string Key, string Value, int Line, string Written);

/// <summary>
/// application*.properties and application*.yml flattened into properties: `a.b.c` keys with their line. Keys are
/// canonicalised as Spring's relaxed binding does (lower case, '-' and '_' dropped: key-store = keyStore = key_store);
/// a later value of the same key wins (YAML documents and profiles are read in order). List items become comma lists.
/// </summary>
internal static class SpringProperties
{
    private const int MaxProperties = 10_000;

    public static string Canonical(string key) =>
        new(key.ToLowerInvariant().Where(c => c is not ('-' or '_')).ToArray());

    public static Dictionary<string, SpringProperty> Read(ConfigSource source, ConfigReadResult result)
    {
        var found = new Dictionary<string, SpringProperty>(StringComparer.Ordinal);
        var ext = Path.GetExtension(source.File.RelativePath);
        if (ext.Equals(".properties", StringComparison.OrdinalIgnoreCase)) Properties(source.Text, found);
        else if (ManifestYaml.Load(source, result) is { } documents)
        {
            foreach (var doc in documents) Yaml(doc, "", found, 0);
        }
        return found;
    }

    private static void Add(Dictionary<string, SpringProperty> found, string key, string value, int line)
    {
        if (found.Count < MaxProperties || found.ContainsKey(Canonical(key))) found[Canonical(key)] = new SpringProperty(Canonical(key), value, line, key);
    }

    /// <summary>java.util.Properties syntax: '#'/'!' comments, key=value / key:value / key value, trailing '\' continues.</summary>
    private static void Properties(string text, Dictionary<string, SpringProperty> found)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var start = i + 1;
            var line = lines[i].TrimEnd('\r').TrimStart();
            if (line.Length == 0 || line[0] is '#' or '!') continue;
            var sb = new StringBuilder();
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                sb.Append(line, 0, line.Length - 1);
                line = lines[++i].TrimEnd('\r').TrimStart();
            }
            sb.Append(line);
            var all = sb.ToString();
            var cut = all.IndexOfAny(['=', ':', ' ', '\t']);
            var key = cut < 0 ? all : all[..cut];
            var value = cut < 0 ? "" : all[(cut + 1)..].Trim();
            if (cut >= 0 && all[cut] is ' ' or '\t' && value.Length > 0 && value[0] is '=' or ':') value = value[1..].Trim();
            Add(found, key.Replace("\\", "", StringComparison.Ordinal), value, start);
        }
    }

    private static void Yaml(YamlNode node, string prefix, Dictionary<string, SpringProperty> found, int depth)
    {
        if (depth > 32) return;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode { Value: { } name }) continue;
                    var key = prefix.Length == 0 ? name : prefix + "." + name;
                    if (v is YamlScalarNode scalar) Add(found, key, scalar.Value ?? "", k.Line());
                    else if (v is YamlSequenceNode seq) Add(found, key, string.Join(',', seq.Children.OfType<YamlScalarNode>().Select(s => s.Value)), k.Line());
                    else Yaml(v, key, found, depth + 1);
                }
                break;
        }
    }
}
