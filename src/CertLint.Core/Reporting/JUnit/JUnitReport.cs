using System.Globalization;
using System.Text;
using System.Xml;
using CertLint.Engine;
using CertLint.Findings;

namespace CertLint.Reporting;

/// <summary>
/// JUnit XML for CI dashboards, valid against Jenkins' junit-10.xsd plus `file` and `line` on testcase: one testsuite
/// per file, one testcase per (rule, object) the rule applies to, named `rule: subject (file)`; failure at or above
/// --fail-on, skipped when suppressed, error when the file could not be read. Not-applicable and not-effective pairs
/// are cases only when the user asks (-v, <see cref="LintResult.SkippedObjects"/>): skipped, with the reason.
/// </summary>
public static class JUnitReport
{
    public static void Write(LintResult result, Stream stream)
    {
        var suites = JUnitCases.Build(result);
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            Encoding = new UTF8Encoding(false),
        };
        using var w = XmlWriter.Create(stream, settings);
        w.WriteStartDocument();
        w.WriteStartElement("testsuites");
        w.WriteAttributeString("name", ToolInfo.Name);
        var all = suites.Values.SelectMany(c => c).Select(c => Outcome(result, c)).ToList();
        WriteCounts(w, all, skipped: false);
        foreach (var (path, cases) in suites) WriteSuite(w, result, path, cases);
        w.WriteEndElement();
        w.WriteEndDocument();
        w.Flush();
    }

    private enum Kind { Pass, Failure, Error, Skipped }

    private static Kind Outcome(LintResult result, JUnitCase c)
    {
        if (c.NotChecked is not null) return Kind.Skipped;
        var live = c.Findings.Where(f => !f.IsSuppressed).ToList();
        // The verdict follows the exit code: an unreadable file is an error only when its finding fails the run
        // (or when no finding was produced for it at all).
        if (c.Unreadable && (c.Findings.Count == 0 || live.Any(f => Fails(result, f)))) return Kind.Error;
        if (live.Any(f => Fails(result, f))) return Kind.Failure;
        return c.Findings.Count > 0 && live.Count == 0 ? Kind.Skipped : Kind.Pass;
    }

    /// <summary>At or above --fail-on, unsuppressed, and new when --new-only: the same test as the exit code.</summary>
    private static bool Fails(LintResult result, Finding f) => result.IsFailing(f);

    private static void WriteCounts(XmlWriter w, List<Kind> kinds, bool skipped)
    {
        w.WriteAttributeString("tests", Num(kinds.Count));
        w.WriteAttributeString("failures", Num(kinds.Count(k => k == Kind.Failure)));
        w.WriteAttributeString("errors", Num(kinds.Count(k => k == Kind.Error)));
        if (skipped) w.WriteAttributeString("skipped", Num(kinds.Count(k => k == Kind.Skipped)));
    }

    private static void WriteSuite(XmlWriter w, LintResult result, string path, List<JUnitCase> cases)
    {
        w.WriteStartElement("testsuite");
        w.WriteAttributeString("name", path);
        WriteCounts(w, cases.Select(c => Outcome(result, c)).ToList(), skipped: true);
        w.WriteAttributeString("timestamp", ReportText.Timestamp(result.Now));
        w.WriteAttributeString("file", path);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            // Names must be unique within a suite: the same certificate twice in a bundle gets "#2".
            var n = used[c.BaseName] = used.GetValueOrDefault(c.BaseName) + 1;
            WriteCase(w, result, c, n == 1 ? c.BaseName : $"{c.BaseName} #{Num(n)}");
        }
        w.WriteEndElement();
    }

    private static void WriteCase(XmlWriter w, LintResult result, JUnitCase c, string name)
    {
        w.WriteStartElement("testcase");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("classname", c.ClassName);
        w.WriteAttributeString("file", c.Path);
        w.WriteAttributeString("line", Num(Math.Max(1, c.Subject.Location.StartLine)));
        var outcome = Outcome(result, c);
        var live = c.Findings.Where(f => !f.IsSuppressed).ToList();
        if (outcome == Kind.Error)
        {
            var failing = live.Where(f => Fails(result, f)).ToList();
            var message = failing.Count > 0 ? ReportText.Message(failing[0]) : "the file could not be read";
            Problem(w, "error", "unreadable", message, failing.Count > 0 ? Details(failing) : $"{c.Path}: {message}");
        }
        else if (outcome == Kind.Failure)
        {
            var failing = live.Where(f => Fails(result, f)).ToList();
            Problem(w, "failure", ReportText.Level(failing.Max(f => f.Severity)), ReportText.Message(failing[0]), Details(failing));
        }
        else if (c.NotChecked is { } skip)
        {
            w.WriteStartElement("skipped");
            w.WriteAttributeString("type", skip.Type);
            w.WriteAttributeString("message", skip.Message);
            w.WriteEndElement();
        }
        else if (outcome == Kind.Skipped)
        {
            var reason = ReportText.Clean(c.Findings[0].Suppression!.Reason);
            Problem(w, "skipped", "suppressed", $"suppressed: {reason}", Details(c.Findings));
        }
        // Findings below --fail-on do not fail the test; they are shown as its output.
        var below = live.Where(f => !Fails(result, f)).ToList();
        if (outcome == Kind.Failure && below.Count > 0 || outcome == Kind.Pass && below.Count > 0)
        {
            w.WriteElementString("system-out", Details(below));
        }
        w.WriteEndElement();
    }

    private static void Problem(XmlWriter w, string element, string type, string message, string text)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("type", type);
        w.WriteAttributeString("message", message);
        w.WriteString(text);
        w.WriteEndElement();
    }

    /// <summary>Compiler-style lines: path:line: level id name: message, with the fix and help link.</summary>
    private static string Details(IEnumerable<Finding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{ReportText.XmlPathOf(f.Location.File)}:{ReportText.Lines(f.Location)}: ");
            sb.Append(CultureInfo.InvariantCulture, $"{ReportText.Level(f.Severity)} {f.Rule.Id} {f.Rule.Name}: {ReportText.Message(f)}\n");
            if (!string.IsNullOrWhiteSpace(f.Rule.Remediation)) sb.Append("Fix: ").Append(ReportText.OneLine(f.Rule.Remediation)).Append('\n');
            if (f.Rule.HelpUri.Length > 0) sb.Append("Help: ").Append(f.Rule.HelpUri).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
