using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Json.Schema;

namespace CertLint.Core.Tests.Reporting;

/// <summary>Validates reports against the committed schemas (tests/schemas, docs/schema).</summary>
internal static class SchemaValidation
{
    private static readonly Lazy<JsonSchema> Sarif = new(() => LoadJsonSchema(Path.Combine(ReportFixture.RepoRoot, "tests", "schemas", "sarif-2.1.0.json")));
    private static readonly Lazy<JsonSchema> CertLintJson = new(() => LoadJsonSchema(Path.Combine(ReportFixture.RepoRoot, "docs", "schema", "certlint-report-v1.schema.json")));
    private static readonly Lazy<JsonSchema> CodeQuality = new(() => LoadJsonSchema(Path.Combine(ReportFixture.RepoRoot, "tests", "schemas", "gitlab-codequality.schema.json")));
    private static readonly Lazy<XmlSchemaSet> JUnit = new(LoadJUnitSchema);

    public static void ShouldBeValidSarif(byte[] report) => ShouldBeValid(Sarif.Value, report, "SARIF 2.1.0");

    public static void ShouldBeValidCertLintJson(byte[] report) => ShouldBeValid(CertLintJson.Value, report, "certlint-report-v1");

    public static void ShouldBeValidGitLabCodeQuality(byte[] report) => ShouldBeValid(CodeQuality.Value, report, "GitLab Code Quality");

    public static void ShouldBeValidJUnit(byte[] report)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = JUnit.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(report), settings))
        {
            while (reader.Read()) { }
        }
        errors.ShouldBeEmpty("JUnit report is not valid against junit-10.xsd + file/line");
    }

    private static JsonSchema LoadJsonSchema(string path) =>
        JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static void ShouldBeValid(JsonSchema schema, byte[] report, string what)
    {
        using var doc = JsonDocument.Parse(report);
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        result.IsValid.ShouldBeTrue($"not valid {what}:\n{string.Join("\n", errors.Take(20))}");
    }

    /// <summary>
    /// Jenkins' junit-10.xsd with only two optional attributes added to testcase, `file` and `line`, which GitHub and
    /// GitLab test reporters read. Derived here from the committed upstream file so nothing else can drift.
    /// </summary>
    private static XmlSchemaSet LoadJUnitSchema()
    {
        XNamespace xs = "http://www.w3.org/2001/XMLSchema";
        var xsd = XDocument.Load(Path.Combine(ReportFixture.RepoRoot, "tests", "schemas", "junit-10.xsd"));
        var testcase = xsd.Root!.Elements(xs + "element").Single(e => (string?)e.Attribute("name") == "testcase").Element(xs + "complexType")!;
        testcase.Add(
            new XElement(xs + "attribute", new XAttribute("name", "file"), new XAttribute("type", "xs:string")),
            new XElement(xs + "attribute", new XAttribute("name", "line"), new XAttribute("type", "xs:nonNegativeInteger")));
        var set = new XmlSchemaSet();
        using var reader = xsd.CreateReader();
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
