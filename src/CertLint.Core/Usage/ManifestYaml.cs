using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage;

/// <summary>
/// Multi-document YAML (Kubernetes manifests, Helm output, docker-compose, Spring) loaded with bounds: nesting depth
/// and aliases are limited before any tree is built, so an alias bomb is a syntax issue, not an outage. Errors carry
/// the line and the parser's own message, never the document's text.
/// </summary>
internal static class ManifestYaml
{
    private const int MaxDepth = 64;
    private const int MaxAliases = 100;
    private const int MaxDocuments = 1000;

    public static IReadOnlyList<YamlNode>? Load(ConfigSource source, ConfigReadResult result)
    {
        try
        {
            var parser = new Parser(new StringReader(source.Text));
            int depth = 0, aliases = 0, documents = 0;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var bad = ev switch
                {
                    MappingStart or SequenceStart when ++depth > MaxDepth => $"nesting deeper than {MaxDepth} levels",
                    AnchorAlias when ++aliases > MaxAliases => $"more than {MaxAliases} YAML aliases",
                    DocumentStart when ++documents > MaxDocuments => $"more than {MaxDocuments} documents",
                    _ => null,
                };
                if (ev is MappingEnd or SequenceEnd) depth--;
                if (bad is not null)
                {
                    result.Error(source.At((int)ev.Start.Line), bad);
                    return null;
                }
            }
            var stream = new YamlStream();
            stream.Load(new Parser(new StringReader(source.Text)));
            return [.. stream.Documents.Select(d => d.RootNode)];
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
            result.Error(source.At(Math.Max(1, (int)e.Start.Line)), $"invalid YAML: {message}");
            return null;
        }
    }

    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    public static string? Text(this YamlNode? node) => node is YamlScalarNode { Value: { } v } ? v : null;

    public static string? Text(this YamlNode? node, string key) => node.Get(key).Text();

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode seq ? seq.Children : [];

    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode map ? map.Children : [];

    public static int Line(this YamlNode node) => Math.Max(1, (int)node.Start.Line);
}
