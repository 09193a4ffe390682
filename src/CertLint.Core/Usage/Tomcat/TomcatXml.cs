using System.Xml;
using CertLint.Model;

namespace CertLint.Usage.Tomcat;

/// <summary>An attribute as written: its name (for the directive a finding names), value and line.</summary>
internal sealed record TomcatAttribute(string Name, string Value, int Line);

/// <summary>A Connector, SSLHostConfig or Certificate element: where it starts, its attributes and the ones nested in it.</summary>
internal sealed class TomcatElement(string name, int line)
{
    public string Name { get; } = name;
    public int Line { get; } = line;
    /// <summary>By name as written: Tomcat's attribute names are case-sensitive (`sslProtocol` and `SSLProtocol` differ).</summary>
    public Dictionary<string, TomcatAttribute> Attributes { get; } = new(StringComparer.Ordinal);
    public List<TomcatElement> Children { get; } = [];

    public TomcatAttribute? Get(string attribute) => Attributes.GetValueOrDefault(attribute);
}

/// <summary>
/// Reads server.xml's TLS elements: each Connector with its SSLHostConfig children and their Certificate children, as
/// Tomcat's digester nests them (a Certificate outside an SSLHostConfig, an SSLHostConfig outside a Connector are no
/// configuration of Tomcat's). Read as <see cref="ConfigXml"/> reads XML, as the IRIS export is: an entity bomb or an
/// external entity is a parse issue, not an outage, and no error quotes the file. Comments are skipped, so a
/// commented-out connector (Tomcat's stock server.xml) is not read.
/// Counts are bounded; past a bound one issue at the first element not read.
/// </summary>
internal static class TomcatXml
{
    /// <summary>Real server.xml files are five levels deep (Server, Service, Connector, SSLHostConfig, Certificate).</summary>
    public const int MaxDepth = 64;
    /// <summary>Connectors read per file: a server has a few.</summary>
    public const int MaxConnectors = 1_000;
    /// <summary>SSLHostConfig elements read per Connector (one per virtual host name).</summary>
    public const int MaxHostConfigs = 100;
    /// <summary>Certificate elements read per SSLHostConfig: Tomcat takes one per key type (RSA, DSA, EC, ML-DSA).</summary>
    public const int MaxCertificates = 8;

    /// <summary>The connectors of the file, or null when it could not be read (the issue is in <paramref name="result"/>).</summary>
    public static List<TomcatElement>? Read(ConfigSource source, ConfigReadResult result)
    {
        var connectors = new List<TomcatElement>();
        // The open elements: a TLS element, or null for any other (Server, Service, Engine...), so nesting is known.
        var open = new Stack<TomcatElement?>();
        var told = new HashSet<(TomcatElement?, string)>();
        using var reader = ConfigXml.Open(source, result, "DTDs and entities are not allowed in server.xml here");
        if (reader is null) return null;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    open.Pop();
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (open.Count >= MaxDepth)
                {
                    ConfigXml.TooDeep(source, result, reader, MaxDepth);
                    return null;
                }
                var element = Element(reader, open.Count > 0 ? open.Peek() : null, connectors, source, result, told);
                if (!reader.IsEmptyElement) open.Push(element);
            }
        }
        catch (XmlException e)
        {
            ConfigXml.Invalid(source, result, e);
            return null;
        }
        return connectors;
    }

    /// <summary>The TLS element the reader is on, attached to its parent (null for any other element or one past a bound).</summary>
    private static TomcatElement? Element(XmlReader reader, TomcatElement? parent, List<TomcatElement> connectors,
        ConfigSource source, ConfigReadResult result, HashSet<(TomcatElement?, string)> told)
    {
        var name = reader.NamespaceURI.Length == 0 ? reader.LocalName : "";
        var (siblings, max, kind) = name switch
        {
            "Connector" => (connectors, MaxConnectors, "Connector elements"),
            "SSLHostConfig" when parent?.Name == "Connector" => (parent.Children, MaxHostConfigs, "SSLHostConfig elements in one Connector"),
            "Certificate" when parent?.Name == "SSLHostConfig" => (parent.Children, MaxCertificates, "Certificate elements in one SSLHostConfig"),
            _ => (null, 0, ""),
        };
        if (siblings is null) return null;
        var line = ConfigXml.Line(reader);
        if (siblings.Count >= max)
        {
            if (told.Add((parent, name))) result.Error(source.At(line), $"more than {max} {kind}: the rest are not read");
            return null;
        }
        var element = new TomcatElement(name, line);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                element.Attributes[reader.Name] = new TomcatAttribute(reader.Name, reader.Value, ConfigXml.Line(reader));
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        siblings.Add(element);
        return element;
    }
}
