using CertLint.Configuration.Yaml;
using CertLint.Findings;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>A built-in rule pack: rules/PACK/pack.yml (core is the rules/*.yml folder itself).</summary>
public sealed record PackInfo(string Name, string Title, string Description, bool EnabledByDefault, IReadOnlyList<RuleReference> References)
{
    public static readonly PackInfo Core = new(RuleMetadataReader.CorePack, "Core rules",
        "CertLint's own checks: parse errors, expiry, usage, keys, chains, names and TLS handshakes.", true, []);

    public static PackInfo Parse(string file, YamlNode root, string folder)
    {
        var map = new YamlMap(file, root, "a pack file");
        map.RejectUnknown(["name", "title", "description", "enabled", "references"], "a pack file");
        var name = map.RequireString("name");
        if (name != folder) throw map.Error(map.Get("name")!, $"pack name '{name}' must be its folder's name '{folder}'", "name", folder);
        var references = map.Get("references") is YamlSequenceNode seq
            ? seq.Children.Select(c => new YamlMap(file, c, "a reference")).Select(r => new RuleReference(r.RequireString("title"), r.String("url"))).ToArray()
            : [];
        return new PackInfo(name, map.RequireString("title"), map.String("description")?.Trim() ?? "", map.Bool("enabled") ?? false, references);
    }
}
