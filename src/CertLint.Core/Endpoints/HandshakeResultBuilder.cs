using CertLint.Configuration;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Endpoints;

/// <summary>
/// Evaluates the built-in endpoint rules (CL06xx, loaded and compiled like every rule) over one endpoint subject and packs the findings into a <see cref="LintResult"/>,
/// so the same report writers and exit-code logic serve `certlint handshake` and `certlint lint`.
/// </summary>
public static class HandshakeResultBuilder
{
    /// <param name="location">A synthetic location such as tls://host:port (it becomes the report's artifact URI).</param>
    /// <param name="objectId">Stable identity of the endpoint across runs (fingerprints, baselines).</param>
    /// <param name="locate">Optional real file per rule id (the self-test points at the certificate a finding is about).</param>
    /// <param name="objects">Certificates and files the normal lint rules run over, beside the endpoint rules.</param>
    public static LintResult Build(string location, string objectId, string label, IReadOnlyList<HandshakeObservation> observations, HandshakeObjects objects,
        LintRequest options, DateTimeOffset now, TimeSpan elapsed, Func<string, SourceFile?>? locate = null)
    {
        var file = new SourceFile(location, location, 0, null);
        var subject = new RuleSubject
        {
            Object = new CheckedObject(SubjectKind.Endpoint, objectId, label, new SourceLocation(file)),
            File = new ParsedFile { File = file },
            Handshake = observations,
        };
        // The lint's configuration applies here too: rule severities and `off`, extra rule folders, suppressions, fail-on.
        var lint = HandshakeLint.Settings(options, now, location, objects);
        var catalog = RuleCatalog.Load(lint);
        var (inventory, evaluation) = HandshakeLint.Run(lint, catalog, location, objects);
        var context = new EvaluationContext { Inventory = inventory, Settings = lint };
        var rules = catalog.InForce.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();
        var suppressions = new SuppressionMatcher(lint.Suppressions, now);
        var findings = new List<Finding>();
        foreach (var rule in rules.Where(r => r.AppliesTo(subject, context)))
        {
            foreach (var v in rule.Check(subject, context))
            {
                var f = new Finding(rule.Descriptor, rule.Severity, rule.FormatMessage(subject, context, v), Locate(subject.Object, rule.Id));
                findings.Add(suppressions.Match(f, null) is { } s ? f with { Suppression = s } : f);
            }
        }
        CheckedObject Locate(CheckedObject o, string ruleId) =>
            locate?.Invoke(ruleId) is { } real ? o with { Location = new SourceLocation(real) } : o;

        return new LintResult
        {
            Inventory = inventory,
            Rules = catalog.Descriptors,
            Findings = [.. findings, .. evaluation.Findings],
            Checks = [.. rules.Select(r => new RuleCheck(r.Descriptor, subject.Object)), .. evaluation.Checks],
            Now = now,
            FailOn = lint.FailOn,
            Root = options.WorkingDirectory,
            Elapsed = elapsed,
            Notices = suppressions.Notices.Concat(evaluation.Notices).Distinct(StringComparer.Ordinal).ToList(),
        };
    }
}
