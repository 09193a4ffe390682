using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Endpoints;

/// <summary>
/// One judge for what handshakes showed: the certificates (each server's chain as sent, the credential files) go
/// through the lint's settings, inventory, path validation and rules with their roles and host names, exactly as files
/// do; the tls-* rules report only the protocol facts, on one endpoint subject per endpoint. All endpoints make one
/// <see cref="LintResult"/>, so one report (one SARIF run) covers a fleet.
/// </summary>
public static class EndpointLint
{
    /// <param name="request">The lint's request (config, --ca, --now, passwords, --fail-on, baseline...).</param>
    public static LintResult Run(LintRequest request, IReadOnlyList<ObservedEndpoint> endpoints, TimeProvider time, TimeSpan elapsed)
    {
        var settings = SettingsResolver.Resolve(WithEndpoints(request, endpoints), time);
        var catalog = RuleCatalog.Load(settings);
        var passwords = new SettingsPasswordSource(settings);
        var chains = endpoints.Where(e => e.ServerChain.Count > 0).ToDictionary(e => e, e => ParseChain(e));
        var files = endpoints.SelectMany(e => e.Server.Files.Concat(e.Client.Files))
            .Select(f => Path.GetFullPath(f, settings.WorkingDirectory)).Distinct(StringComparer.Ordinal)
            .ToDictionary(f => f, f => FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(f)), passwords), StringComparer.Ordinal);
        var (inventory, evaluation) = LintEngine.Evaluate(settings, catalog, [.. chains.Values, .. files.Values], TrustAnchors.Load(settings, passwords), TrustAnchors.LoadCrls(settings, passwords));
        var lint = OneChainFinding(Judged(evaluation, endpoints, settings.WorkingDirectory), chains.Values.Select(c => c.File.FullPath).ToHashSet(StringComparer.Ordinal));

        var context = new EvaluationContext { Inventory = inventory, Settings = settings };
        var rules = catalog.InForce.Where(r => r.Kinds.Contains(SubjectKind.Endpoint)).ToList();
        var suppressions = new SuppressionMatcher(settings.Suppressions, settings.Now);
        var findings = new List<Finding>(lint.Findings);
        var checks = new List<RuleCheck>(lint.Checks);
        var notApplicable = new Dictionary<string, List<CheckedObject>>(StringComparer.Ordinal); // endpoint rules' skips
        foreach (var endpoint in endpoints)
        {
            // What the server sends: the chain as received, or (self-test) its own certificate file.
            var sent = chains.GetValueOrDefault(endpoint)
                ?? ((endpoint.Server.Certificate ?? endpoint.Server.Pkcs12) is { } own ? files.GetValueOrDefault(Path.GetFullPath(own, settings.WorkingDirectory)) : null);
            var credentials = endpoint.Server.Files.Concat(endpoint.Client.Files).Select(f => Path.GetFullPath(f, settings.WorkingDirectory)).ToHashSet(StringComparer.Ordinal);
            var staple = Staple(endpoint, chains.GetValueOrDefault(endpoint), inventory);
            var facts = endpoint.Handshake with
            {
                OcspStatus = staple?.Status ?? endpoint.Handshake.OcspStatus,
                OcspSummary = staple?.Summary ?? endpoint.Handshake.OcspSummary,
                OcspThisUpdate = staple?.ThisUpdate,
                OcspNextUpdate = staple?.NextUpdate,
                OcspSignatureValid = staple?.SignatureValid,
                IntermediatesNotSent = sent is null ? [] : IntermediatesNotSent(sent, inventory).ToList(),
                // Only a live server's chain: the self-test's own server does not staple, whatever the certificate asks.
                LeafMustStaple = chains.GetValueOrDefault(endpoint) is { Certificates: [var leaf, ..] }
                    && leaf.Details.Extension("1.3.6.1.5.5.7.1.24") is TlsFeaturesDetails { StatusRequest: true },
                // An error on our own credential files is the finding; what the server made of them follows from it.
                CredentialsFaulty = lint.Findings.Any(x => x.Severity >= Severity.Error && !x.IsSuppressed && credentials.Contains(x.Location.File.FullPath)),
            };
            var subject = Subject(endpoint, facts);
            foreach (var rule in rules)
            {
                if (!rule.AppliesTo(subject, context))
                {
                    (notApplicable.TryGetValue(rule.Id, out var skipped) ? skipped : notApplicable[rule.Id] = []).Add(subject.Object);
                    continue;
                }
                checks.Add(new RuleCheck(rule.Descriptor, subject.Object));
                foreach (var v in rule.Check(subject, context))
                {
                    var at = endpoint.Locate?.Invoke(rule.Name) is { } real ? subject.Object with { Location = new SourceLocation(real) } : subject.Object;
                    var f = new Finding(rule.Descriptor, rule.Severity, rule.FormatMessage(subject, context, v), at);
                    findings.Add(suppressions.Match(f, null) is { } s ? f with { Suppression = s } : f);
                }
            }
        }
        var result = new LintResult
        {
            Inventory = inventory,
            Rules = catalog.Descriptors,
            Findings = findings,
            Checks = checks,
            Skips = SkippedObjects.WithCounts(evaluation.Skips, notApplicable),
            SkippedObjects = evaluation.SkippedObjects is { } listed ? SkippedObjects.With(listed, notApplicable) : null,
            Now = settings.Now,
            FailOn = settings.FailOn,
            Root = settings.Root,
            WorkingDirectory = settings.WorkingDirectory,
            Elapsed = elapsed,
            Notices = suppressions.Notices.Concat(lint.Notices).Distinct(StringComparer.Ordinal).ToList(),
            ExpiredSuppressions = SuppressionMatcher.Expired(settings.Suppressions, settings.Now),
            NewOnly = request.NewOnly,
        };
        return LintEngine.WithBaseline(result, request, settings.WorkingDirectory);
    }

    /// <summary>The request plus what the endpoints say: roles, host names, key pairs; a peer's chain never anchors itself.</summary>
    private static LintRequest WithEndpoints(LintRequest request, IReadOnlyList<ObservedEndpoint> endpoints)
    {
        // The files named here may lie anywhere (outside the repository too): roles and hosts by exact path, not by glob.
        var cwd = Path.GetFullPath(request.WorkingDirectory);
        string Full(string path) => Path.GetFullPath(path, cwd);
        var roles = new List<PathRole>();
        var hosts = new List<PathHosts>();
        var pairs = new List<FilePair>();
        foreach (var e in endpoints)
        {
            var serverPaths = e.Server.Files.Select(Full).Append(e.Location).ToList();
            roles.AddRange(serverPaths.Select(p => PathRole.ForFile(p, CertificateRole.Server, $"the server side of certlint handshake, {e.Label}")));
            roles.AddRange(e.Client.Files.Select(f => PathRole.ForFile(Full(f), CertificateRole.Client, $"the client credential of certlint handshake, {e.Label}")));
            if (e.HostName is { } host) hosts.AddRange(serverPaths.Select(p => PathHosts.ForFile(p, [host])));
            foreach (var side in new[] { e.Server, e.Client })
            {
                if (side is { Certificate: { } c, Key: { } k }) pairs.Add(new FilePair(c, k));
            }
        }
        return request with
        {
            Roles = [.. roles, .. request.Roles],
            PathHosts = [.. hosts, .. request.PathHosts],
            KeyPairs = [.. pairs, .. request.KeyPairs],
            AnchorsFromScan = request.AnchorsFromScan ?? false,
        };
    }

    private static RuleSubject Subject(ObservedEndpoint endpoint, HandshakeFacts facts)
    {
        var file = new SourceFile(endpoint.Location, endpoint.Location, 0, null);
        return new RuleSubject
        {
            Object = new CheckedObject(SubjectKind.Endpoint, endpoint.Location, endpoint.Label, new SourceLocation(file)),
            File = new ParsedFile { File = file },
            Handshake = facts,
        };
    }

    private static IEnumerable<string> ClientFiles(ObservedEndpoint endpoint, string root) =>
        endpoint.Client.Files.Select(f => Path.GetFullPath(f, root));

    /// <summary>
    /// The fact of the handshake, apart from trust: the path the lint built for the server's leaf uses an intermediate
    /// the server did not send (it came from a --ca file). An issuer found nowhere is the lint's chain finding.
    /// </summary>
    private static IEnumerable<string> IntermediatesNotSent(ParsedFile chain, CertificateInventory inventory)
    {
        if (chain.Certificates.Count == 0 || inventory.ChainOf(chain.Certificates[0]) is not { } path) yield break;
        var sent = chain.Certificates.Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in path.Path.Skip(1).Where(c => !c.IsSelfIssued && !sent.Contains(c.Sha256)))
        {
            yield return $"{missing.Name} (found in {missing.Location.File.DisplayPath})";
        }
    }

    /// <summary>
    /// A live server judges our client chain with its own trust: without the client's CA (JudgeClientChain) the lint's
    /// "no path to an anchor" on the client files says nothing.
    /// </summary>
    private static RuleEvaluation Judged(RuleEvaluation evaluation, IReadOnlyList<ObservedEndpoint> endpoints, string root)
    {
        var unjudged = endpoints.Where(e => !e.JudgeClientChain).SelectMany(e => ClientFiles(e, root)).ToHashSet(StringComparer.Ordinal);
        bool Keep(string rule, SourceLocation at) => rule != BuiltInRules.ChainIncomplete || !unjudged.Contains(at.File.FullPath);
        return new RuleEvaluation(
            evaluation.Findings.Where(f => Keep(f.Rule.Name, f.Location)).ToList(),
            CheckList.Where(evaluation.Checks, c => Keep(c.Rule.Name, c.Subject.Location)),
            evaluation.Notices);
    }

    /// <summary>
    /// A chain as received is one path: its leaf's chain finding says it all, so the same gap is not reported again for
    /// each intermediate above it and for the received "file" as a bundle (one defect, one finding).
    /// </summary>
    private static RuleEvaluation OneChainFinding(RuleEvaluation evaluation, HashSet<string> received)
    {
        var chainRules = new HashSet<string>([BuiltInRules.ChainIncomplete, BuiltInRules.ChainInvalid], StringComparer.Ordinal);
        var leafRules = evaluation.Findings
            .Where(f => chainRules.Contains(f.Rule.Name) && received.Contains(f.Location.File.FullPath) && f.Subject.Kind == SubjectKind.Certificate && f.Location.Index == 0)
            .Select(f => (f.Location.File.FullPath, f.Rule.Id)).ToHashSet();
        bool Keep(Finding f) => !leafRules.Contains((f.Location.File.FullPath, f.Rule.Id)) || (f.Subject.Kind == SubjectKind.Certificate && f.Location.Index == 0);
        return new RuleEvaluation(evaluation.Findings.Where(Keep).ToList(), evaluation.Checks, evaluation.Notices);
    }

    /// <summary>
    /// The staple read for the leaf the server sent, its signature checked against the leaf's issuer: the path's, or
    /// else a certificate the server sent whose subject is the leaf's issuer name. Null without a staple or a leaf.
    /// </summary>
    private static StapledOcsp? Staple(ObservedEndpoint endpoint, ParsedFile? chain, CertificateInventory inventory)
    {
        if (endpoint.OcspStaple is not { } staple || chain is not { Certificates: [var leaf, ..] }) return null;
        var issuer = inventory.ChainOf(leaf) is { Path.Count: > 1 } path ? path.Path[1]
            : chain.Certificates.Skip(1).FirstOrDefault(c => c.Subject.NormalizedKey == leaf.Issuer.NormalizedKey);
        return StapledOcsp.Read(staple, leaf, issuer);
    }

    /// <summary>The certificates a server sent, parsed like a file's; one the parser rejects becomes a parse issue, not a crash.</summary>
    private static ParsedFile ParseChain(ObservedEndpoint endpoint)
    {
        var file = new SourceFile(endpoint.Location, endpoint.Location, 0, null);
        var certificates = new List<CertificateInfo>();
        var issues = new List<ParseIssue>();
        for (var i = 0; i < endpoint.ServerChain.Count; i++)
        {
            var location = new SourceLocation(file, 1, 1, i);
            try
            {
                certificates.Add(CertificateParser.Parse(endpoint.ServerChain[i], location, ObjectFormat.Der));
            }
            catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or System.Security.Cryptography.CryptographicException or ArgumentException or FormatException)
            {
                issues.Add(new ParseIssue(ParseIssueKind.ParseError, location, $"certificate {i + 1} sent by the server cannot be parsed (malformed DER)"));
            }
        }
        return new ParsedFile { File = file, Kind = FileKind.DerCertificate, Certificates = certificates, Issues = issues };
    }
}
