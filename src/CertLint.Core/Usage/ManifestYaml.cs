using CertLint.Configuration.Yaml;
using CertLint.Engine;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage;

/// <summary>
/// Multi-document YAML (Kubernetes manifests, Helm output, docker-compose, Spring) loaded with the bounds of
/// <see cref="SafeYaml"/>: nesting depth, aliases, documents, the aliases YamlDotNet's tree cannot survive (a
/// recursive one, one used as a key) are checked before any tree is built, and the expanded size after it, so an alias
/// bomb is a syntax issue, not an outage, for the readers that walk the tree (Spring flattens it). Errors carry the
/// line and the parser's own message, never the document's text.
/// </summary>
internal static class ManifestYaml
{
    private const int MaxDocuments = 1000;
    /// <summary>Nodes after expanding aliases: a 1 MB file holds at most about 500,000 nodes without them.</summary>
    public const int MaxExpandedNodes = 1_000_000;

    public static IReadOnlyList<YamlNode>? Load(ConfigSource source, ConfigReadResult result)
    {
        var at = Mark.Empty; // where the parser last got to, for the errors YamlDotNet does not position
        try
        {
            SafeYaml.Prescan(source.File.RelativePath, source.Text, ref at, plainData: false, MaxDocuments);
            var stream = new YamlStream();
            stream.Load(new Parser(new StringReader(source.Text)));
            long expanded = 0;
            foreach (var document in stream.Documents)
            {
                expanded += SafeYaml.ExpandedSize(document.RootNode, MaxExpandedNodes - expanded);
                if (expanded <= MaxExpandedNodes) continue;
                result.Error(source.At(document.RootNode.Line()), $"the YAML expands to more than {MaxExpandedNodes} nodes through aliases (alias bomb?)");
                return null;
            }
            return [.. stream.Documents.Select(d => d.RootNode)];
        }
        catch (ConfigurationException e)
        {
            result.Error(source.At(Math.Max(1, e.Line)), e.Problem);
            return null;
        }
        catch (YamlException e)
        {
            result.Error(source.At(Math.Max(1, (int)e.Start.Line)), SafeYaml.ParserProblem(e));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException on some malformed input (tests/fuzz-regressions/config).
            result.Error(source.At(Math.Max(1, (int)at.Line)), "invalid YAML: the parser cannot read the document after this point");
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

    /// <summary>
    /// The lines that hold a scalar's text. A block scalar (| or >) starts on the line after its indicator; its end
    /// mark stands past its last line (and past trailing blank lines), so a literal one's own line breaks are counted,
    /// and a folded one, whose breaks became spaces, ends on the line before its end mark.
    /// </summary>
    public static CertLint.Model.LineSpan ValueLines(this YamlScalarNode scalar)
    {
        var line = scalar.Line();
        return scalar.Style switch
        {
            ScalarStyle.Literal => new(line + 1, line + 1 + (scalar.Value ?? "").AsSpan().TrimEnd('\n').Count('\n')),
            ScalarStyle.Folded => new(line + 1, Math.Max(line + 1, (int)scalar.End.Line - 1)),
            _ => new(line, Math.Max(line, (int)scalar.End.Line)),
        };
    }
}
