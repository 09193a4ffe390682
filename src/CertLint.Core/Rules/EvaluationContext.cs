using CertLint.Configuration;
using CertLint.Inventory;

namespace CertLint.Rules;

/// <summary>What every check can read besides its subject: the whole inventory, the settings and the instant.</summary>
public sealed class EvaluationContext
{
    public required CertificateInventory Inventory { get; init; }
    public required LintSettings Settings { get; init; }
    public DateTimeOffset Now => Settings.Now;
    /// <summary>Whether files are tracked by git (asked once per work tree, only by rules that need it).</summary>
    public GitWorkTrees Git { get; } = new();
}
