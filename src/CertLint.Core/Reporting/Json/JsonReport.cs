using System.Globalization;
using System.Text.Json;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// The whole result as JSON for scripts: files, certificates, keys, chains, bundles and findings.
/// Schema: docs/schema/certlint-report-v1.schema.json. Bump <see cref="SchemaVersion"/> on any breaking change.
/// </summary>
public static class JsonReport
{
    public const int SchemaVersion = 1;

    public static void Write(LintResult result, Stream stream, ReportSettings settings)
    {
        using var w = JsonOutput.Create(stream);
        w.WriteStartObject();
        w.WriteNumber("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", ToolInfo.Name);
        w.WriteString("version", settings.ToolVersion);
        w.WriteEndObject();
        w.WriteString("now", ReportText.Timestamp(result.Now));
        w.WriteString("root", result.Root);
        w.WriteString("failOn", result.FailOn.ToText());
        w.WriteNumber("exitCode", result.ExitCode);
        WriteSummary(w, result);
        JsonInventory.WriteFiles(w, result.Inventory);
        JsonInventory.WriteCertificates(w, result.Inventory);
        JsonInventory.WriteKeys(w, result.Inventory);
        JsonInventory.WriteChains(w, result.Inventory);
        JsonInventory.WriteBundles(w, result.Inventory);
        WriteRules(w, result);
        WriteFindings(w, result);
        w.WriteStrings("notices", result.Notices.Select(ReportText.Clean));
        w.WriteEndObject();
        w.Flush();
    }

    private static void WriteSummary(Utf8JsonWriter w, LintResult result)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("files", result.Inventory.Files.Count);
        w.WriteNumber("certificates", result.Inventory.Certificates.Count);
        w.WriteNumber("keys", result.Inventory.Keys.Count);
        w.WriteStartObject("findings");
        foreach (var s in new[] { Severity.Error, Severity.Warning, Severity.Note }) w.WriteNumber(s.ToText(), result.Count(s));
        w.WriteEndObject();
        w.WriteNumber("suppressed", result.Findings.Count(f => f.IsSuppressed));
        w.WriteNumber("failing", result.Failing.Count());
        w.WriteEndObject();
    }

    private static void WriteRules(Utf8JsonWriter w, LintResult result)
    {
        var checkedCount = result.Checks.GroupBy(c => c.Rule.Id).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        w.WriteStartArray("rules");
        foreach (var r in result.Rules)
        {
            var skips = result.Skips.GetValueOrDefault(r.Id);
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", r.Name);
            w.WriteString("pack", r.Pack);
            w.WriteNumber("checked", checkedCount.GetValueOrDefault(r.Id));
            w.WriteNumber("notApplicable", skips?.NotApplicable ?? 0);
            w.WriteNumber("notEffective", skips?.NotEffective ?? 0);
            if (result.SkippedObjects is { } listing)
            {
                var skipped = listing.GetValueOrDefault(r.Id);
                WriteSkipped(w, "notApplicable", skipped?.NotApplicable);
                WriteSkipped(w, "notEffective", skipped?.NotEffective);
            }
            if (r.Equivalents.Count > 0)
            {
                w.WriteStartObject("equivalents");
                foreach (var (linter, names) in r.Equivalents) w.WriteStrings(linter, names);
                w.WriteEndObject();
            }
            if (r.Citation is { } c) w.WriteString("citation", c.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// Under -v: `notApplicableObjects` / `notEffectiveObjects` (the objects in the scope, in report order) and
    /// `...Omitted`, how many more there were than the report lists.
    /// </summary>
    private static void WriteSkipped(Utf8JsonWriter w, string reason, Rules.Evaluation.SkipList? list)
    {
        w.WriteStartArray(reason + "Objects");
        foreach (var o in list?.Objects ?? [])
        {
            w.WriteStartObject();
            WritePlace(w, o.Location);
            WriteObject(w, o);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber(reason + "Omitted", list?.More ?? 0);
    }

    private static void WritePlace(Utf8JsonWriter w, Model.SourceLocation location)
    {
        w.WriteString("path", ReportText.PathOf(location.File));
        var (start, end) = ReportText.Region(location);
        w.WriteNumber("startLine", start);
        w.WriteNumber("endLine", end);
    }

    private static void WriteObject(Utf8JsonWriter w, CheckedObject o)
    {
        w.WriteStartObject("object");
        w.WriteString("kind", o.Kind.ToString().ToLowerInvariant());
        w.WriteString("id", o.ObjectId);
        w.WriteString("label", ReportText.Clean(o.Label));
        w.WriteEndObject();
    }

    private static void WriteFindings(Utf8JsonWriter w, LintResult result)
    {
        w.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Rule.Id);
            w.WriteString("rule", f.Rule.Name);
            w.WriteString("severity", f.Severity.ToText());
            w.WriteString("message", ReportText.Message(f));
            WritePlace(w, f.Location);
            WriteObject(w, f.Subject);
            if (f.Related.Count > 0)
            {
                w.WriteStartArray("related");
                foreach (var r in f.Related)
                {
                    w.WriteStartObject();
                    WritePlace(w, r.Location);
                    w.WriteString("message", ReportText.Clean(r.Message));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteString("fingerprint", f.Fingerprint);
            w.WriteBoolean("failing", result.IsFailing(f));
            if (result.BaselineStates is { } states)
            {
                w.WriteString("baselineState", states.GetValueOrDefault(f.Fingerprint, BaselineStates.New));
            }
            if (f.Suppression is { } s)
            {
                w.WriteStartObject("suppression");
                w.WriteString("reason", ReportText.Clean(s.Reason));
                w.WriteString("source", s.Source);
                if (s.Expires is { } e) w.WriteString("expires", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                else w.WriteNull("expires");
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("suppression");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
