using System.Xml;

namespace CertLint.Usage;

/// <summary>
/// XML configurations (IRIS <c>Security.SSLConfigs</c> exports, Tomcat's server.xml) read one safe way: streaming, DTDs
/// refused before parsing and prohibited to the parser, no resolver, a character cap, comments and processing
/// instructions skipped. An entity bomb or an external entity is a parse issue, not an outage, and no issue quotes the
/// file: XmlException's message may, so only its line and column are told.
/// </summary>
internal static class ConfigXml
{
    /// <summary>A reader over the configuration's text, or null (one issue at line 1) when it declares a DTD.</summary>
    public static XmlReader? Open(ConfigSource source, ConfigReadResult result, string whyNoDtd)
    {
        if (source.Text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            result.Error(source.At(1), $"XML with a DTD is not read ({whyNoDtd})");
            return null;
        }
        return XmlReader.Create(new StringReader(source.Text), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ConfigStage.MaxConfigBytes * 2L,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
    }

    /// <summary>The reader's line, at least 1 (0 when it has none).</summary>
    public static int Line(XmlReader reader) => Math.Max(1, ((IXmlLineInfo)reader).LineNumber);

    /// <summary>Nesting past <paramref name="max"/>: one issue at the element, nothing of the file read.</summary>
    public static void TooDeep(ConfigSource source, ConfigReadResult result, XmlReader reader, int max) =>
        result.Error(source.At(Line(reader)), $"XML nested deeper than {max} levels is not read");

    /// <summary>Malformed XML: where, never what.</summary>
    public static void Invalid(ConfigSource source, ConfigReadResult result, XmlException e) =>
        result.Error(source.At(Math.Max(1, e.LineNumber)), $"invalid XML at line {Math.Max(1, e.LineNumber)}, column {Math.Max(1, e.LinePosition)}");
}
