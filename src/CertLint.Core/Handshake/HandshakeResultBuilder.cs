using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules;

namespace CertLint.Handshake;

/// <summary>
/// Evaluates the built-in endpoint rules (CL06xx, loaded and compiled like every rule) over one endpoint subject and packs the findings into a <see cref="LintResult"/>,
/// so the same report writers and exit-code logic serve `certlint handshake` and `certlint lint`.
/// </summary>
internal static class HandshakeResultBuilder
{
    /// <param name="location">A synthetic location such as tls://host:port (it becomes the report's artifact URI).</param>
    /// <param name="objectId">Stable identity of the endpoint across runs (fingerprints, baselines).</param>
    public static LintResult Build(string location, string objectId, string label, IReadOnlyList<HandshakeObservation> observations,
        HandshakeRunOptions options, DateTimeOffset now, TimeSpan elapsed, IReadOnlyList<string> notices)
    {
        var file = new SourceFile(location, location, 0, null);
        var subject = new RuleSubject
        {
            Object = new CheckedObject(SubjectKind.Endpoint, objectId, label, new SourceLocation(file)),
            File = new ParsedFile { File = file },
            Handshake = observations,
        };
        var inventory = CertificateInventory.Empty;
        var context = new EvaluationContext
        {
            Inventory = inventory,
            Settings = new LintSettings { Root = options.WorkingDirectory, Paths = [], Now = now, FailOn = options.FailOn, Environment = options.Environment },
        };
        var rules = RuleCatalog.LoadBuiltIn().InForce.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();
        var findings = new List<Finding>();
        foreach (var rule in rules.Where(r => r.AppliesTo(subject, context)))
        {
            findings.AddRange(rule.Check(subject, context)
                .Select(v => new Finding(rule.Descriptor, rule.Severity, rule.FormatMessage(subject, context, v), subject.Object)));
        }
        return new LintResult
        {
            Inventory = inventory,
            Rules = rules.Select(r => r.Descriptor).ToList(),
            Findings = findings,
            Checks = rules.Select(r => new RuleCheck(r.Descriptor, subject.Object)).ToList(),
            Now = now,
            FailOn = options.FailOn,
            Root = options.WorkingDirectory,
            Elapsed = elapsed,
            Notices = notices,
        };
    }
}
