using System.Text;
using System.Xml;
using CertLint.Model;

namespace CertLint.Usage.Iris;

/// <summary>
/// XML exports of IRIS TLS configurations (Security.SSLConfigs.Export: an SSLConfigsExport element holding one
/// SSLConfigs element per configuration, whose child elements are its properties). Any element with a CertificateFile,
/// PrivateKeyFile or CAFile child is read as a configuration, so hand-made variants are read too. Read as
/// <see cref="ConfigXml"/> reads XML, with a depth cap: an entity bomb or a deep nest is a finding, not an outage, and
/// no error quotes the file.
/// </summary>
internal static class IrisXml
{
    /// <summary>Real exports are three levels deep.</summary>
    public const int MaxDepth = 32;

    private static readonly string[] Markers = ["CertificateFile", "PrivateKeyFile", "CAFile"];

    private sealed class Frame(string name, SourceLocation at)
    {
        public string Name { get; } = name;
        public SourceLocation At { get; } = at;
        public Dictionary<string, IrisProperty> Children { get; } = IrisConfig.NewProperties();
        public bool HasElements { get; set; }
        public StringBuilder Text { get; } = new();
    }

    public static void Read(ConfigSource source, ConfigReadResult result)
    {
        var configs = new List<Frame>();
        var stack = new Stack<Frame>();
        using var reader = ConfigXml.Open(source, result, "DTDs and entities are not allowed in configuration exports");
        if (reader is null) return;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (stack.Count >= MaxDepth)
                        {
                            ConfigXml.TooDeep(source, result, reader, MaxDepth);
                            return;
                        }
                        if (stack.TryPeek(out var parent)) parent.HasElements = true;
                        var frame = new Frame(reader.LocalName, source.At(ConfigXml.Line(reader)));
                        if (reader.IsEmptyElement) Close(frame, stack, configs);
                        else stack.Push(frame);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        if (stack.TryPeek(out var top)) top.Text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        Close(stack.Pop(), stack, configs);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            ConfigXml.Invalid(source, result, e);
            return;
        }
        foreach (var config in configs)
        {
            var name = config.Children.TryGetValue("Name", out var n) && n.Value.Length > 0 ? n.Value : "(unnamed)";
            IrisConfig.Add(source, result, config.Children, config.At, name, "SSLConfigs", client: null);
        }
    }

    /// <summary>A leaf element is a property of its parent; an element with property children is a configuration.</summary>
    private static void Close(Frame frame, Stack<Frame> stack, List<Frame> configs)
    {
        if (!frame.HasElements)
        {
            if (stack.TryPeek(out var parent)) parent.Children[frame.Name] = new IrisProperty(frame.Text.ToString().Trim(), frame.At);
            return;
        }
        if (Markers.Any(frame.Children.ContainsKey)) configs.Add(frame);
    }
}
