using System.Text.Json;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// An earlier SARIF report (--baseline) to compare findings with by <see cref="SarifReport.FingerprintKey"/>:
/// new, unchanged, updated (same fingerprint, other message or level) or absent (in the baseline only).
/// </summary>
public sealed class SarifBaseline
{
    private readonly Dictionary<string, BaselineEntry> _entries;

    public SarifBaseline(IEnumerable<BaselineEntry> entries)
    {
        _entries = new Dictionary<string, BaselineEntry>(StringComparer.Ordinal);
        foreach (var e in entries) _entries.TryAdd(e.Fingerprint, e);
    }

    /// <summary>The baseline's results that carry a CertLint fingerprint, by fingerprint.</summary>
    public IReadOnlyDictionary<string, BaselineEntry> Entries => _entries;

    /// <summary>A report of ~10,000 results is about 15 MB: a baseline is a whole repository's report, so it gets more room than a config file.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Reads a SARIF file. A missing, unreadable or non-SARIF file is a <see cref="UserErrorException"/> naming it.</summary>
    public static SarifBaseline Load(string path)
    {
        // Baselines are reports CertLint wrote, but the path may come from a pull request: bounded like any config file.
        var read = Discovery.BoundedFile.Read(path, MaxBytes);
        if (!read.Ok) throw new UserErrorException($"{path}: cannot read baseline: {read.Problem}");
        return Parse(read.Bytes!, path);
    }

    /// <summary>Reads SARIF bytes (what <see cref="Load"/> read from <paramref name="path"/>, which names it in errors).</summary>
    public static SarifBaseline Parse(byte[] bytes, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return new SarifBaseline(ReadEntries(doc.RootElement));
        }
        catch (JsonException e)
        {
            // The position, never the parser's message: it quotes a bad literal whole ('token=...\npassword=...'), and
            // the file may be anything a pull request linked there.
            throw new UserErrorException($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: baseline is not a SARIF 2.1.0 file: not valid JSON.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new UserErrorException($"{path}: baseline is not a SARIF 2.1.0 file: {e.Message}", e);
        }
    }

    /// <summary>Baseline state for each finding's fingerprint (what <see cref="LintResult.BaselineStates"/> holds).</summary>
    public IReadOnlyDictionary<string, string> Compare(IReadOnlyList<Finding> findings)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (states.ContainsKey(f.Fingerprint)) continue;
            states[f.Fingerprint] = !_entries.TryGetValue(f.Fingerprint, out var old) ? BaselineStates.New
                : old.Message == ReportText.Message(f) && old.Level == ReportText.Level(f.Severity) ? BaselineStates.Unchanged
                : BaselineStates.Updated;
        }
        return states;
    }

    /// <summary>Baseline results with no current finding (what <see cref="LintResult.BaselineAbsent"/> holds), in a stable order.</summary>
    public IReadOnlyList<BaselineEntry> Absent(IReadOnlyList<Finding> findings)
    {
        var now = findings.Select(f => f.Fingerprint).ToHashSet(StringComparer.Ordinal);
        return _entries.Values.Where(e => !now.Contains(e.Fingerprint))
            .OrderBy(e => e.Uri, StringComparer.Ordinal).ThenBy(e => e.StartLine)
            .ThenBy(e => e.RuleId, StringComparer.Ordinal).ThenBy(e => e.Fingerprint, StringComparer.Ordinal)
            .ToList();
    }

    private static List<BaselineEntry> ReadEntries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("no \"runs\" array");
        }
        var entries = new List<BaselineEntry>();
        foreach (var run in runs.EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) continue;
            foreach (var r in results.EnumerateArray())
            {
                if (ReadEntry(r) is { } e) entries.Add(e);
            }
        }
        return entries;
    }

    /// <summary>
    /// A result with our fingerprint that was present in that run (absent ones were already gone). Its fields go back
    /// into the next SARIF as an "absent" result, and the file may come from a pull request: only what CertLint itself
    /// writes is kept (a SHA-256 fingerprint, a SARIF level, a well-formed URI reference), the rest made printable and
    /// short, so a hostile baseline cannot make the new report one that GitHub refuses or a viewer renders as escapes.
    /// </summary>
    private static BaselineEntry? ReadEntry(JsonElement r)
    {
        if (r.ValueKind != JsonValueKind.Object) return null;
        var fingerprint = Str(Prop(r, "partialFingerprints"), SarifReport.FingerprintKey);
        // Not one of ours (Finding.Fingerprint is lower-case SHA-256 hex): no finding can ever match it.
        if (fingerprint is null || !IsOurFingerprint(fingerprint) || Str(r, "baselineState") == BaselineStates.Absent) return null;
        var physical = Prop(First(Prop(r, "locations")), "physicalLocation");
        var region = Prop(physical, "region");
        var level = Str(r, "level");
        var uri = Str(Prop(physical, "artifactLocation"), "uri");
        var start = Math.Max(1, Int(region, "startLine") ?? 1);
        return new BaselineEntry(
            fingerprint,
            Short(Str(r, "ruleId") ?? "", MaxRuleIdChars),
            level is "none" or "note" or "warning" or "error" ? level : "warning",
            Short(Str(Prop(r, "message"), "text") ?? "", MaxMessageChars),
            uri is not null && IsWellFormedUri(uri) ? uri : null,
            start,
            Math.Max(start, Int(region, "endLine") ?? start));
    }

    /// <summary>Rule ids are CL0001 or a custom rule's id: far shorter.</summary>
    private const int MaxRuleIdChars = 128;

    /// <summary>Longer than any message CertLint writes (messages quote at most a few short names).</summary>
    private const int MaxMessageChars = 2_000;

    private static bool IsOurFingerprint(string s) => s.Length == 64 && s.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>A URI reference as SarifReport writes one: printable ASCII, at most 2,048 characters, parsable.</summary>
    private static bool IsWellFormedUri(string uri) =>
        uri.Length is > 0 and <= 2048 && uri.All(c => c is > ' ' and < '\x7f') && Uri.IsWellFormedUriString(uri, UriKind.RelativeOrAbsolute);

    private static string Short(string text, int max)
    {
        var printable = ReportText.Clean(text);
        return printable.Length <= max ? printable : printable[..max] + "...";
    }

    private static JsonElement? Prop(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    private static JsonElement? First(JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;

    private static string? Str(JsonElement? e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static int? Int(JsonElement? e, string name) =>
        Prop(e, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var i) ? i : null;
}
