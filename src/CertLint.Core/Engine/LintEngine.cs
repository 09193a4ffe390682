using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Engine;

/// <summary>
/// The one pipeline every host runs: resolve settings → discover → parse → inventory → rules → findings.
/// Hosts translate their inputs into a <see cref="LintRequest"/> and hand the <see cref="LintResult"/> to the writers.
/// </summary>
public sealed class LintEngine
{
    private readonly TimeProvider _time;

    public LintEngine(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>Lints what the request names. User mistakes throw <see cref="UserErrorException"/>; bad input files never throw.</summary>
    public LintResult Run(LintRequest request, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var settings = SettingsResolver.Resolve(request, _time);
        var catalog = RuleCatalog.Load(settings);

        progress?.Report(new ScanProgress("discovering files", 0, 0));
        var discovery = FileDiscovery.Discover(settings, cancellationToken);
        var passwords = new SettingsPasswordSource(settings);
        progress?.Report(new ScanProgress("parsing", 0, discovery.Files.Count));
        var parsed = Sorted(FileParser.ParseAll(discovery.Files, passwords, cancellationToken).Concat(discovery.IssuesAsParsedFiles()));
        // --ca and --crl files are linted like scanned ones: an expired root or a stale CRL is a finding on its own file.
        var trust = TrustAnchors.ForLint(settings, passwords, parsed);

        progress?.Report(new ScanProgress("checking", discovery.Files.Count, discovery.Files.Count));
        var result = Evaluate(settings, catalog, trust.Files, trust.Anchors, cancellationToken: cancellationToken);
        return WithBaseline(new LintResult
        {
            Inventory = result.Inventory,
            Rules = catalog.Descriptors,
            Findings = result.Evaluation.Findings,
            Checks = result.Evaluation.Checks,
            Skips = result.Evaluation.Skips,
            Notices = result.Evaluation.Notices,
            Now = settings.Now,
            FailOn = settings.FailOn,
            Root = settings.Root,
            Elapsed = _time.GetElapsedTime(started),
            NewOnly = request.NewOnly,
        }, request, settings.Root);
    }

    /// <summary>Compares a result with the request's --baseline SARIF, if any (every host's results alike).</summary>
    public static LintResult WithBaseline(LintResult result, LintRequest request, string root)
    {
        if (request.BaselinePath is null) return result;
        var baseline = Reporting.SarifBaseline.Load(Path.GetFullPath(request.BaselinePath, root));
        return new LintResult
        {
            Inventory = result.Inventory, Rules = result.Rules, Findings = result.Findings, Checks = result.Checks, Notices = result.Notices,
            Now = result.Now, FailOn = result.FailOn, Root = result.Root, Elapsed = result.Elapsed, NewOnly = request.NewOnly,
            BaselineStates = baseline.Compare(result.Findings),
            BaselineAbsent = baseline.Absent(result.Findings),
        };
    }

    /// <summary>
    /// Builds the inventory of already parsed files and runs the rules over it: the part shared with hosts that
    /// bring their own objects (e.g. a server chain received in a TLS handshake).
    /// </summary>
    public static (CertificateInventory Inventory, RuleEvaluation Evaluation) Evaluate(
        LintSettings settings, RuleCatalog catalog, IReadOnlyList<ParsedFile> parsed, IReadOnlyList<CertificateInfo> anchors,
        IReadOnlyList<CrlInfo>? crls = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inventory = InventoryBuilder.Build(parsed, anchors, settings, crls);
        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings });
        return (inventory, evaluation);
    }

    /// <summary>Discovery problems (missing path, broken link) join the parsed files in path order, like parse issues.</summary>
    private static ParsedFile[] Sorted(IEnumerable<ParsedFile> files) =>
        files.OrderBy(p => p.File.RelativePath, StringComparer.Ordinal).ToArray();
}
