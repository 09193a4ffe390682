using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;
using CertLint.Usage;

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
        var sequential = default(Workers.Scope);
        try
        {
            return Run(request, progress, ref sequential, cancellationToken);
        }
        finally
        {
            sequential.Dispose();
        }
    }

    private LintResult Run(LintRequest request, IProgress<ScanProgress>? progress, ref Workers.Scope sequential, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var clock = new StageClock();
        var settings = SettingsResolver.Resolve(request, _time);
        progress?.Report(new ScanProgress("discovering files", 0, 0));
        DiscoveryResult discovery;
        SettingsPasswordSource passwords;
        List<SourceFile> files;
        ParsedFile[] parsed;
        ConfigScan configs;
        Task<RuleCatalog>? loading = null;
        var small = false;
        try
        {
            // The rule packs load while the files are found and read: loading is one thread's work (a few hundred
            // rule files with every pack on) and discovery mostly waits on the file system, so on two cores neither
            // waits for the other. It starts as soon as the walk has found enough files not to be a small run. A run
            // of a few files needs no other thread at all (Workers): its packs load here, each stage's loop runs here.
            discovery = FileDiscovery.Discover(settings, () => loading ??= Task.Run(() => RuleCatalog.Load(settings), cancellationToken), cancellationToken);
            clock.Lap("discovered");
            small = loading is null && Workers.IsSmall(discovery.Files.Count + discovery.Context.Count);
            sequential = Workers.Sequential(small);
            loading ??= small ? LoadHere(settings) : Task.Run(() => RuleCatalog.Load(settings), cancellationToken);
            if (small) clock.Lap("rules loaded");
            if (loading.IsFaulted) RuleError(loading); // a rule error ends the run before the files are read
            passwords = new SettingsPasswordSource(settings);
            files = discovery.Files.Concat(discovery.Context).ToList();
            progress?.Report(new ScanProgress("parsing", 0, files.Count));
            configs = ConfigStage.Read(settings, passwords, cancellationToken);
            clock.Lap("configurations");
            parsed = Sorted(configs.Merge(FileParser.ParseAll(files, passwords, cancellationToken).Concat(discovery.IssuesAsParsedFiles())));
            clock.Lap("parsed");
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // As when rules loaded first: a rule error is reported rather than what it would have prevented.
            RuleError(loading ?? LoadHere(settings));
            throw;
        }
        var catalog = loading.GetAwaiter().GetResult(); // rethrows a rule error as itself, not wrapped
        if (!small) clock.Lap("rules loaded");
        // --ca and --crl files are linted like scanned ones: an expired root or a stale CRL is a finding on its own file.
        var trust = TrustAnchors.ForLint(settings, passwords, parsed);

        progress?.Report(new ScanProgress("checking", files.Count, files.Count));
        // Named anchor and CRL files are reported on even when they lie outside the given paths; so are the
        // configurations read under them (their usages' findings are on them).
        var scope = discovery.Context.Count == 0 ? null
            : new ScanScope(discovery.Files.Select(f => f.FullPath).Concat(discovery.Issues.Select(i => i.Location.File.FullPath))
                .Concat(configs.ConfigFiles.Select(c => c.File.File.FullPath))
                .Concat(settings.CaFiles).Concat(settings.Validation.CrlFiles).ToHashSet(StringComparer.Ordinal));
        var (inventory, evaluation) = Evaluate(settings, catalog, trust.Files, trust.Anchors, null, configs.Usages, clock, capFindings: false, scope, cancellationToken);
        if (scope is not null) (inventory, evaluation) = (scope.Restrict(inventory), scope.Restrict(evaluation));
        // Capped once, after the scope is chosen: findings outside the given paths must not use up the caps.
        evaluation = evaluation with { Findings = FindingCap.Apply(evaluation.Findings, settings.Limits) };
        return WithBaseline(new LintResult
        {
            Inventory = inventory,
            Rules = catalog.Descriptors,
            Findings = evaluation.Findings,
            Checks = evaluation.Checks,
            Skips = evaluation.Skips,
            SkippedObjects = evaluation.SkippedObjects,
            Notices = evaluation.Notices,
            ExpiredSuppressions = Rules.Evaluation.SuppressionMatcher.Expired(settings.Suppressions, settings.Now),
            Now = settings.Now,
            FailOn = settings.FailOn,
            Root = settings.Root,
            WorkingDirectory = settings.WorkingDirectory,
            Elapsed = _time.GetElapsedTime(started),
            NewOnly = request.NewOnly,
            AllowEmpty = settings.AllowEmpty,
            IsEmpty = inventory.Files.All(f => !f.IsRelevant),
        }, request, settings.WorkingDirectory);
    }

    /// <summary>Compares a result with the request's --baseline SARIF (a path from the current folder), if any (every host's results alike).</summary>
    public static LintResult WithBaseline(LintResult result, LintRequest request, string workingDirectory)
    {
        if (request.BaselinePath is null) return result;
        var baseline = Reporting.SarifBaseline.Load(Path.GetFullPath(request.BaselinePath, workingDirectory));
        return result with
        {
            NewOnly = request.NewOnly,
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
        IReadOnlyList<CrlInfo>? crls = null, IReadOnlyList<TlsUsage>? usages = null, CancellationToken cancellationToken = default)
        => Evaluate(settings, catalog, parsed, anchors, crls, usages, null, capFindings: true, null, cancellationToken);

    private static (CertificateInventory Inventory, RuleEvaluation Evaluation) Evaluate(
        LintSettings settings, RuleCatalog catalog, IReadOnlyList<ParsedFile> parsed, IReadOnlyList<CertificateInfo> anchors,
        IReadOnlyList<CrlInfo>? crls, IReadOnlyList<TlsUsage>? usages, StageClock? clock, bool capFindings, ScanScope? scope, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inventory = InventoryBuilder.Build(parsed, anchors, settings, crls, usages);
        clock?.Lap("inventory");
        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = RuleEvaluator.Evaluate(inventory, catalog.InForce, new EvaluationContext { Inventory = inventory, Settings = settings, ListScope = scope is null ? null : scope.Contains }, capFindings);
        clock?.Lap("rules");
        return (inventory, evaluation);
    }

    /// <summary>Loads the rule packs on this thread, as a finished task: its error is rethrown where a background load's would be.</summary>
    private static Task<RuleCatalog> LoadHere(LintSettings settings)
    {
        try
        {
            return Task.FromResult(RuleCatalog.Load(settings));
        }
        catch (Exception e)
        {
            return Task.FromException<RuleCatalog>(e);
        }
    }

    /// <summary>Waits for the rule packs to load and rethrows their error as itself (not wrapped), if there was one.</summary>
    private static void RuleError(Task loading)
    {
        ((IAsyncResult)loading).AsyncWaitHandle.WaitOne();
        if (loading.IsFaulted) loading.GetAwaiter().GetResult();
    }

    /// <summary>Discovery problems (missing path, broken link) join the parsed files in path order, like parse issues.</summary>
    private static ParsedFile[] Sorted(IEnumerable<ParsedFile> files) =>
        files.OrderBy(p => p.File.RelativePath, StringComparer.Ordinal).ToArray();
}
