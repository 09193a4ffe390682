using System.Text.Json;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Reporting;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning and other viewers: one run, the full rules array, relative locations under
/// %SRCROOT%, stable partialFingerprints (see sarif-sdk's GH1001–GH1007 rules, docs/reports.md).
/// </summary>
public static class SarifReport
{
    /// <summary>The partialFingerprints key holding <see cref="Finding.Fingerprint"/>.</summary>
    public const string FingerprintKey = "certlintFingerprint/v1";
    public const string SrcRoot = "%SRCROOT%";
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>GitHub rejects runs with more results (GH1004); the most severe are kept.</summary>
    public const int MaxResults = 25_000;

    public static void Write(LintResult result, Stream stream, ReportSettings settings)
    {
        var rules = SarifRules.Collect(result);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++) ruleIndex.TryAdd(rules[i].Id, i);

        using var w = JsonOutput.Create(stream);
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("semanticVersion", settings.ToolVersion);
        w.WriteString("informationUri", ToolInfo.InformationUri);
        SarifRules.Write(w, rules);
        w.WriteEndObject();
        w.WriteEndObject();

        if (!string.IsNullOrWhiteSpace(settings.Category))
        {
            w.WriteStartObject("automationDetails");
            w.WriteString("id", CategoryId(settings.Category));
            w.WriteEndObject();
        }

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject(SrcRoot);
        w.WriteString("uri", RootUri(result.Root));
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("results");
        var written = 0;
        foreach (var finding in Selected(result, settings))
        {
            WriteResult(w, result, finding, ruleIndex);
            written++;
        }
        foreach (var absent in result.BaselineAbsent.Take(Math.Max(0, MaxResults - written)))
        {
            WriteAbsent(w, absent, ruleIndex);
        }
        w.WriteEndArray();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>"certlint" becomes "certlint/": GitHub takes what precedes the last slash as the category.</summary>
    public static string CategoryId(string category)
    {
        var c = category.Trim();
        return c.EndsWith('/') ? c : c + "/";
    }

    /// <summary>The file URI of the scan root, with a trailing slash as SARIF requires for a uriBaseId.</summary>
    public static string RootUri(string root)
    {
        var uri = new Uri(Path.GetFullPath(root)).AbsoluteUri;
        return uri.EndsWith('/') ? uri : uri + "/";
    }

    /// <summary>
    /// The relative URI under %SRCROOT% (GH1005), or, for a file outside the root that has no relative path
    /// (e.g. a --ca file elsewhere), an absolute file URI, which needs no base.
    /// </summary>
    public static string ArtifactUri(SourceFile file) =>
        IsEndpoint(file.RelativePath) ? file.RelativePath
        : Path.IsPathRooted(file.RelativePath) ? new Uri(Path.GetFullPath(file.RelativePath)).AbsoluteUri
        : RelativeUri(ReportText.PathOf(file));

    /// <summary>A TLS endpoint checked by `certlint handshake` (tls://host:port) is already an absolute URI.</summary>
    private static bool IsEndpoint(string path) => path.StartsWith("tls://", StringComparison.Ordinal);

    /// <summary>A relative path as a URI reference: each segment percent-encoded, "/" kept.</summary>
    public static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>Findings to write: suppressed ones only when asked, capped at <see cref="MaxResults"/> keeping the most severe.</summary>
    private static IEnumerable<Finding> Selected(LintResult result, ReportSettings settings)
    {
        var chosen = result.Findings.Where(f => settings.IncludeSuppressedInSarif || !f.IsSuppressed).ToList();
        if (chosen.Count <= MaxResults) return chosen;
        var keep = chosen.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Severity).ThenBy(x => x.i).Take(MaxResults)
            .Select(x => x.i).ToHashSet();
        return chosen.Where((_, i) => keep.Contains(i));
    }

    private static void WriteResult(Utf8JsonWriter w, LintResult result, Finding f, Dictionary<string, int> ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.Rule.Id);
        w.WriteNumber("ruleIndex", ruleIndex[f.Rule.Id]);
        w.WriteString("level", ReportText.Level(f.Severity));
        w.WriteText("message", ReportText.Message(f));
        var (start, end) = ReportText.Region(f.Location);
        WriteLocation(w, ArtifactUri(f.Location.File), start, end);
        if (f.Related.Count > 0) WriteRelated(w, f.Related);
        WriteFingerprint(w, f.Fingerprint);
        if (result.BaselineStates is { } states)
        {
            w.WriteString("baselineState", states.TryGetValue(f.Fingerprint, out var s) ? s : BaselineStates.New);
        }
        if (f.Suppression is { } sup)
        {
            w.WriteStartArray("suppressions");
            w.WriteStartObject();
            w.WriteString("kind", "external");
            w.WriteString("status", "accepted");
            w.WriteString("justification", ReportText.Clean(sup.Reason));
            w.WriteStartObject("properties");
            w.WriteString("source", sup.Source);
            if (sup.Expires is { } exp) w.WriteString("expires", exp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartObject("properties");
        w.WriteString("ruleName", f.Rule.Name);
        w.WriteString("objectKind", f.Subject.Kind.ToString().ToLowerInvariant());
        w.WriteString("objectId", f.Subject.ObjectId);
        w.WriteString("object", ReportText.Clean(f.Subject.Label));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteAbsent(Utf8JsonWriter w, BaselineEntry e, Dictionary<string, int> ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", e.RuleId);
        if (ruleIndex.TryGetValue(e.RuleId, out var index)) w.WriteNumber("ruleIndex", index);
        w.WriteString("level", e.Level);
        w.WriteText("message", ReportText.Clean(e.Message));
        if (e.Uri is not null) WriteLocation(w, e.Uri, Math.Max(1, e.StartLine), Math.Max(Math.Max(1, e.StartLine), e.EndLine));
        WriteFingerprint(w, e.Fingerprint);
        w.WriteString("baselineState", BaselineStates.Absent);
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, string uri, int startLine, int endLine)
    {
        w.WriteStartArray("locations");
        w.WriteStartObject();
        WritePhysical(w, uri, startLine, endLine);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>The other places of the same defect (the client configuration that presents a certificate...), each with what happens there.</summary>
    private static void WriteRelated(Utf8JsonWriter w, IReadOnlyList<RelatedLocation> related)
    {
        w.WriteStartArray("relatedLocations");
        for (var i = 0; i < related.Count; i++)
        {
            var (start, end) = ReportText.Region(related[i].Location);
            w.WriteStartObject();
            w.WriteNumber("id", i + 1);
            WritePhysical(w, ArtifactUri(related[i].Location.File), start, end);
            w.WriteText("message", ReportText.Clean(related[i].Message));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WritePhysical(Utf8JsonWriter w, string uri, int startLine, int endLine)
    {
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", uri);
        if (!uri.StartsWith("file:", StringComparison.Ordinal) && !IsEndpoint(uri)) w.WriteString("uriBaseId", SrcRoot);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", startLine);
        w.WriteNumber("endLine", endLine);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFingerprint(Utf8JsonWriter w, string fingerprint)
    {
        w.WriteStartObject("partialFingerprints");
        w.WriteString(FingerprintKey, fingerprint);
        w.WriteEndObject();
    }
}
