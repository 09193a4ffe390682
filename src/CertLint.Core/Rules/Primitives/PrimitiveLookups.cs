using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules.Fields;

namespace CertLint.Rules.Primitives;

/// <summary>Small inventory look-ups shared by several primitives.</summary>
internal static class PrimitiveLookups
{
    /// <summary>
    /// Whether a file is a keystore, holds a key <paramref name="key"/> admits, or could not be read without a password.
    /// Loops over the lists, not Any: asked for every file by several rules, where each enumerator was an allocation.
    /// </summary>
    public static bool KeystoreKeyOrPassword(ParsedFile file, Func<KeyInfo, bool> key)
    {
        if (file.Keystore is not null) return true;
        for (var i = 0; i < file.Keys.Count; i++)
        {
            if (key(file.Keys[i])) return true;
        }
        for (var i = 0; i < file.Issues.Count; i++)
        {
            if (file.Issues[i].Kind == ParseIssueKind.PasswordRequired) return true;
        }
        return false;
    }

    /// <summary>The bundle (multi-certificate file) a file is, or null (indexed once per inventory).</summary>
    public static BundleInfo? BundleOf(this CertificateInventory inventory, SourceFile file) => InventoryIndex.Of(inventory).BundleOf(file);

    /// <summary>Problems joined for a message, or a fallback when the inventory gave none.</summary>
    public static string JoinProblems(IReadOnlyList<string> problems, string fallback) =>
        problems.Count == 0 ? fallback : string.Join("; ", problems);

    /// <summary>Names a message lists of a path or bundle; a 10 MB bundle of 30,000 certificates made a 1.7 MB message.</summary>
    internal const int MaxPathNames = 16;

    /// <summary>Subjects of certificates, in order, for messages ("a -> b -> c"); past <see cref="MaxPathNames"/>, "... and N more".</summary>
    public static string DescribePath(IReadOnlyList<CertificateInfo> certificates) =>
        certificates.Count <= MaxPathNames
            ? string.Join(" -> ", certificates.Select(c => c.Name))
            : string.Join(" -> ", certificates.Take(MaxPathNames).Select(c => c.Name)) + $" -> ... and {certificates.Count - MaxPathNames} more";
}
