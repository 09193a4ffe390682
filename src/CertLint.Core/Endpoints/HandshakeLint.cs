using CertLint.Configuration;
using CertLint.Discovery;
using CertLint.Engine;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Rules;
using CertLint.Rules.Evaluation;

namespace CertLint.Endpoints;

/// <summary>What a handshake run lints with the normal rules, besides its own endpoint checks.</summary>
/// <param name="ServerChain">Certificates the server sent (DER, leaf first): linted as role server at the endpoint's location.</param>
/// <param name="ServerFiles">Server credential files (self-test): role server.</param>
/// <param name="ClientFiles">Client credential files: role client.</param>
/// <param name="ServerCaFiles">Anchors for the server's chain (--ca); none: the lint cannot judge that chain.</param>
/// <param name="ClientCaFiles">Anchors for the client's chain (--client-ca); none: the lint cannot judge that chain.</param>
public sealed record HandshakeObjects(
    IReadOnlyList<byte[]> ServerChain,
    IReadOnlyList<string> ServerFiles,
    IReadOnlyList<string> ClientFiles,
    IReadOnlyList<string> ServerCaFiles,
    IReadOnlyList<string> ClientCaFiles);

/// <summary>
/// Runs the lint's rules (expiry, EKU per role, key match, weak keys, chains...) over the certificates a handshake
/// received and the credential files it was given, through the engine's inventory and evaluator.
/// </summary>
internal static class HandshakeLint
{
    public static LintSettings Settings(LintRequest options, DateTimeOffset now, string location, HandshakeObjects objects)
    {
        string Relative(string path) => Path.GetRelativePath(options.WorkingDirectory, Path.GetFullPath(path, options.WorkingDirectory)).Replace('\\', '/');
        var roles = objects.ServerFiles.Select(f => new PathRole(Relative(f), CertificateRole.Server))
            .Concat(objects.ClientFiles.Select(f => new PathRole(Relative(f), CertificateRole.Client)))
            .Append(new PathRole(location, CertificateRole.Server))
            .ToList();
        return SettingsResolver.Resolve(new LintRequest
        {
            WorkingDirectory = options.WorkingDirectory,
            ConfigPath = options.ConfigPath,
            FailOn = options.FailOn,
            Now = now,
            CaFiles = [.. objects.ServerCaFiles, .. objects.ClientCaFiles],
            Roles = roles,
            PasswordEnv = options.PasswordEnv,
            Environment = options.Environment,
        }, TimeProvider.System);
    }

    public static (CertificateInventory Inventory, RuleEvaluation Evaluation) Run(LintSettings settings, RuleCatalog catalog, string location, HandshakeObjects objects)
    {
        var passwords = new SettingsPasswordSource(settings);
        var parsed = new List<ParsedFile>();
        if (objects.ServerChain.Count > 0)
        {
            parsed.Add(ParseChain(new SourceFile(location, location, 0, null), objects.ServerChain));
        }
        foreach (var path in objects.ServerFiles.Concat(objects.ClientFiles).Distinct(StringComparer.Ordinal))
        {
            parsed.Add(FileParser.Parse(FileDiscovery.MakeSourceFile(settings.Root, new FileInfo(Path.GetFullPath(path, settings.Root))), passwords));
        }
        var (inventory, evaluation) = LintEngine.Evaluate(settings, catalog, parsed, TrustAnchors.Load(settings, passwords));
        return (inventory, WithoutUnjudgedChains(evaluation, settings.Root, location, objects));
    }

    /// <summary>
    /// chain-incomplete needs the side's CA. Without --ca (the probe trusts the system store, which the lint does not
    /// read) or --client-ca, the handshake judges that chain itself (tls-server-*, the server's verdict), so the lint's
    /// "no anchor" finding for that side would only be noise.
    /// </summary>
    private static RuleEvaluation WithoutUnjudgedChains(RuleEvaluation evaluation, string root, string location, HandshakeObjects objects)
    {
        string Relative(string path) => Path.GetRelativePath(root, Path.GetFullPath(path, root)).Replace('\\', '/');
        var unjudged = new HashSet<string>(StringComparer.Ordinal);
        if (objects.ServerCaFiles.Count == 0) unjudged.UnionWith(objects.ServerFiles.Select(Relative).Append(location));
        if (objects.ClientCaFiles.Count == 0) unjudged.UnionWith(objects.ClientFiles.Select(Relative));
        bool Keep(string ruleId, Model.SourceLocation at) => ruleId != RuleIds.ChainIncomplete || !unjudged.Contains(at.File.RelativePath);
        return new RuleEvaluation(
            evaluation.Findings.Where(f => Keep(f.Rule.Id, f.Location)).ToList(),
            evaluation.Checks.Where(c => Keep(c.Rule.Id, c.Subject.Location)).ToList(),
            evaluation.Notices);
    }

    /// <summary>The certificates a server sent, parsed like a file's; one the parser rejects becomes a parse issue, not a crash.</summary>
    private static ParsedFile ParseChain(SourceFile file, IReadOnlyList<byte[]> chain)
    {
        var certificates = new List<CertificateInfo>();
        var issues = new List<ParseIssue>();
        for (var i = 0; i < chain.Count; i++)
        {
            var location = new SourceLocation(file, 1, 1, i);
            try
            {
                certificates.Add(CertificateParser.Parse(chain[i], location, ObjectFormat.Der));
            }
            catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or System.Security.Cryptography.CryptographicException or ArgumentException or FormatException)
            {
                issues.Add(new ParseIssue(ParseIssueKind.ParseError, location, $"certificate {i + 1} sent by the server cannot be parsed: {e.Message}"));
            }
        }
        return new ParsedFile { File = file, Kind = FileKind.DerCertificate, Certificates = certificates, Issues = issues };
    }
}
