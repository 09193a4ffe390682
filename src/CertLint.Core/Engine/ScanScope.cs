using CertLint.Findings;
using CertLint.Inventory;
using CertLint.Rules.Evaluation;

namespace CertLint.Engine;

/// <summary>
/// The given paths choose what is reported; the rest of the root only lends issuers and keys. After the rules ran on
/// everything, this keeps the findings, checks and inventory entries that belong to files in the scope.
/// </summary>
internal sealed class ScanScope(IReadOnlySet<string> files)
{
    public bool Contains(Model.SourceLocation location) => files.Contains(location.File.FullPath);

    /// <summary>The findings and checks in the scope (the not-applicable and not-effective counts kept).</summary>
    public RuleEvaluation Restrict(RuleEvaluation evaluation) => evaluation with
    {
        Findings = evaluation.Findings.Where(f => Contains(f.Location)).ToList(),
        Checks = CheckList.Where(evaluation.Checks, c => Contains(c.Subject.Location)),
    };

    public CertificateInventory Restrict(CertificateInventory all) => new()
    {
        Files = all.Files.Where(f => files.Contains(f.File.FullPath)).ToList(),
        Certificates = all.Certificates.Where(c => Contains(c.Location)).ToList(),
        Keys = all.Keys.Where(k => Contains(k.Location)).ToList(),
        Anchors = all.Anchors,
        Pairs = all.Pairs.Where(p => Contains(p.Key.Location) || Contains(p.Certificate.Location)).ToList(),
        Mismatches = all.Mismatches.Where(m => Contains(m.Key.Location) || Contains(m.Certificate.Location)).ToList(),
        Bundles = all.Bundles.Where(b => files.Contains(b.File.FullPath)).ToList(),
        Chains = all.Chains.Where(c => Contains(c.Key.Location)).ToDictionary<KeyValuePair<Model.CertificateInfo, ChainResult>, Model.CertificateInfo, ChainResult>(c => c.Key, c => c.Value, ReferenceEqualityComparer.Instance),
        Roles = all.Roles,
        RoleSources = all.RoleSources,
        SelfSigned = all.SelfSigned,
        Signers = all.Signers,
        Crls = all.Crls.Where(c => Contains(c.Crl.Location)).ToList(),
        // The configurations read under the given paths are in scope (LintEngine adds them): their usages are listed.
        Usages = all.Usages.Where(u => Contains(u.Location)).ToList(),
    };
}
