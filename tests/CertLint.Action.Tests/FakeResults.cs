using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;

namespace CertLint.Action.Tests;

/// <summary>LintResults built directly from findings, for writer tests that need no parsing.</summary>
internal static class FakeResults
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "certlint-fake-repo");

    public static Finding Finding(string id, string name, Severity severity, string path, int line, int endLine,
        string message, string objectId = "obj") =>
        new(Rule(id, name, severity), severity, message,
            new CheckedObject(SubjectKind.Certificate, objectId, "cert",
                new SourceLocation(new SourceFile(Path.Combine(Root, path), path, 100, null), line, endLine)));

    public static RuleDescriptor Rule(string id, string name, Severity severity) => new()
    {
        Id = id,
        Name = name,
        Title = name,
        Description = name,
        DefaultSeverity = severity,
        HelpUri = $"https://example.test/rules/{name}",
    };

    public static LintResult Result(IEnumerable<Finding> findings, Severity failOn = Severity.Error) => new()
    {
        Inventory = CertificateInventory.Empty,
        Rules = [],
        Findings = findings.ToList(),
        Checks = [],
        Now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        FailOn = failOn,
        Root = Root,
        Elapsed = TimeSpan.Zero,
    };
}
