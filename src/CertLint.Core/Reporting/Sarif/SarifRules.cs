using System.Globalization;
using System.Text.Json;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>tool.driver.rules: every rule in force, so GitHub can show each result's help.</summary>
internal static class SarifRules
{
    /// <summary>GitHub keeps only 10 tags of a rule (GH1004).</summary>
    private const int MaxTags = 10;

    /// <summary>The rules in force in the result's order, plus any rule a finding names that is missing from it.</summary>
    public static IReadOnlyList<RuleDescriptor> Collect(LintResult result)
    {
        var rules = result.Rules.ToList();
        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in result.Findings.Select(f => f.Rule).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (known.Add(rule.Id)) rules.Add(rule);
        }
        return rules;
    }

    public static void Write(Utf8JsonWriter w, IReadOnlyList<RuleDescriptor> rules)
    {
        w.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(w, rule);
        w.WriteEndArray();
    }

    private static void WriteRule(Utf8JsonWriter w, RuleDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", rule.Name);
        w.WriteText("shortDescription", ReportText.OneLine(rule.Title));
        w.WriteText("fullDescription", ReportText.OneLine(rule.Description));
        w.WriteStartObject("help");
        w.WriteString("text", HelpText(rule));
        w.WriteString("markdown", HelpMarkdown(rule));
        w.WriteEndObject();
        if (rule.HelpUri.Length > 0) w.WriteString("helpUri", rule.HelpUri);
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", ReportText.Level(rule.DefaultSeverity));
        w.WriteEndObject();
        w.WriteStartObject("properties");
        w.WriteStrings("tags", Tags(rule));
        w.WriteString("precision", rule.Precision);
        if (rule.SecuritySeverity is { } score)
        {
            // GitHub reads security-severity as a string holding a number from 0.0 to 10.0.
            w.WriteString("security-severity", Math.Clamp(score, 0, 10).ToString("0.0", CultureInfo.InvariantCulture));
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The rule's tags; "security" is added when it has a security-severity, as GitHub only ranks those.</summary>
    private static IEnumerable<string> Tags(RuleDescriptor rule)
    {
        var tags = rule.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (rule.SecuritySeverity is not null && !tags.Contains("security", StringComparer.Ordinal)) tags.Insert(0, "security");
        return tags.Take(MaxTags);
    }

    private static string HelpText(RuleDescriptor rule)
    {
        var text = ReportText.OneLine(rule.Description);
        if (!string.IsNullOrWhiteSpace(rule.Remediation)) text += " Fix: " + ReportText.OneLine(rule.Remediation);
        return text;
    }

    /// <summary>The rule's Markdown page when there is one, else title, description, remediation and references.</summary>
    private static string HelpMarkdown(RuleDescriptor rule)
    {
        if (!string.IsNullOrWhiteSpace(rule.Documentation)) return rule.Documentation.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var lines = new List<string> { $"**{MarkdownText.Escape(rule.Title)}**", "", MarkdownText.Escape(ReportText.OneLine(rule.Description)) };
        if (!string.IsNullOrWhiteSpace(rule.Remediation)) lines.AddRange(["", "Fix: " + MarkdownText.Escape(ReportText.OneLine(rule.Remediation))]);
        if (rule.References.Count > 0) lines.Add("");
        foreach (var r in rule.References)
        {
            lines.Add(r.Url is null ? $"- {MarkdownText.Escape(r.Title)}" : $"- [{MarkdownText.Escape(r.Title)}]({r.Url})");
        }
        return string.Join("\n", lines);
    }
}
